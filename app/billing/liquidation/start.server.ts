/**
 * Starts (or re-starts) the liquidation of a cycle period, optionally one zone. At most one live run exists per
 * period and zone (a unique partial index), so two coordinators starting the same liquidation at once get the same
 * run. A draft run is re-opened to be replaced; an issued one cannot be liquidated again (corrections are notes).
 */
import { and, eq, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { billingPeriods } from '../../../db/schema/readings'
import { liquidationRuns } from '../../../db/schema/ledger'

export type StartInput = { periodId: string; zoneId?: string | null; actor: TrailActor }
/** isNew: a new run; otherwise an existing one, re-opened from draft (wasRunning false) or already running. */
export type StartedRun = { runId: string; isNew: boolean; wasRunning: boolean }

export async function startLiquidation(tx: DbOrTx, input: StartInput): Promise<Result<StartedRun>> {
  const zoneId = input.zoneId ?? null
  const [period] = await tx.select({ cycleId: billingPeriods.cycleId }).from(billingPeriods).where(eq(billingPeriods.id, input.periodId))
  if (!period) return fail(new DomainError('billing/period_not_found', 'No existe el periodo de facturación indicado.'))
  const startedBy = input.actor.kind === 'user' ? input.actor.userId : null
  const inserted = await tx
    .insert(liquidationRuns)
    .values({ cycleId: period.cycleId, periodId: input.periodId, zoneId, startedBy })
    .onConflictDoNothing()
    .returning({ id: liquidationRuns.id })
  let runId = inserted[0]?.id
  const isNew = Boolean(runId)
  let wasRunning = false
  if (!runId) {
    const [existing] = await tx
      .select({ id: liquidationRuns.id, status: liquidationRuns.status })
      .from(liquidationRuns)
      .where(
        and(
          eq(liquidationRuns.periodId, input.periodId),
          zoneId ? eq(liquidationRuns.zoneId, zoneId) : sql`${liquidationRuns.zoneId} is null`,
          ne(liquidationRuns.status, 'failed'),
        ),
      )
    if (!existing) return fail(new DomainError('billing/run_conflict', 'Otra liquidación del periodo está cambiando; intente de nuevo.'))
    if (existing.status === 'issued' || existing.status === 'approved')
      return fail(new DomainError('billing/run_issued', 'Esta liquidación ya fue aprobada y expedida; las correcciones se hacen con notas crédito o débito.'))
    if (existing.status === 'draft')
      await tx
        .update(liquidationRuns)
        .set({ status: 'running', startedBy, startedAt: new Date(), finishedAt: null })
        .where(and(eq(liquidationRuns.id, existing.id), eq(liquidationRuns.status, 'draft')))
    wasRunning = existing.status === 'running'
    runId = existing.id
  }
  if (wasRunning) return ok({ runId, isNew, wasRunning })
  await recordTrail(tx, {
    entityType: 'liquidation_run',
    entityId: runId,
    action: isNew ? 'liquidation.started' : 'liquidation.restarted',
    actor: input.actor,
    summary: { periodId: input.periodId, zoneId },
  })
  return ok({ runId, isNew, wasRunning })
}
