/**
 * Runs the crítica of one cycle period: computes and stores every account's consumption in batches, and opens a
 * deviation visit for each significant deviation (Ley 142 art. 149: investigate before billing; meanwhile the account
 * is billed on its average). Re-running recomputes only pending rows without a recorded visit result; released,
 * held and resolved rows are left as the coordinator left them.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { DomainError } from '~/utils/errors'
import { consumptions } from '../../../db/schema/critica'
import { workOrders } from '../../../db/schema/service'
import { classifyConsumption } from './classify'
import { criticaInputFrom } from './history'
import {
  countCycleAccounts,
  loadAccountBatch,
  loadCategoryAverages,
  loadDeviationRules,
  loadPeriodContext,
  type AccountInput,
  type PeriodContext,
} from './inputs.server'

export type CriticaProgress = { processed: number; total: number; deviations: number }

export type RunCriticaInput = {
  periodId: string
  batchSize?: number
  onProgress?: (p: CriticaProgress) => Promise<void> | void
  now?: Date
}

const DEVIATION_LABEL = { significant_deviation_up: 'aumento', significant_deviation_down: 'disminución' } as const

export async function runCritica(db: Db, input: RunCriticaInput): Promise<CriticaProgress> {
  const ctx = await loadPeriodContext(db, input.periodId)
  if (!ctx) throw new DomainError('billing/period_not_found', 'El periodo de facturación no existe.')
  const [total, categoryAverages, rules] = await Promise.all([
    countCycleAccounts(db, ctx),
    loadCategoryAverages(db, ctx),
    loadDeviationRules(db, ctx.endsOn),
  ])
  const progress: CriticaProgress = { processed: 0, total, deviations: 0 }
  let after: string | null = null
  for (;;) {
    const batch = await loadAccountBatch(db, ctx, after, input.batchSize ?? 1000)
    if (batch.length === 0) break
    progress.deviations += await storeBatch(db, ctx, batch, categoryAverages, rules, input.now ?? new Date())
    progress.processed += batch.length
    after = batch[batch.length - 1]!.accountId
    await input.onProgress?.({ ...progress })
  }
  return progress
}

async function storeBatch(
  db: Db,
  ctx: PeriodContext,
  batch: AccountInput[],
  categoryAverages: Map<string, number>,
  rules: Awaited<ReturnType<typeof loadDeviationRules>>,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = await tx
      .select({ accountId: consumptions.accountId, status: consumptions.status, resolvedM3: consumptions.resolvedM3, workOrderId: consumptions.workOrderId })
      .from(consumptions)
      .where(and(eq(consumptions.periodId, ctx.periodId), inArray(consumptions.accountId, batch.map((a) => a.accountId))))
      .for('update')
    const existing = new Map(locked.map((r) => [r.accountId, r]))
    const computed = batch
      .filter((a) => {
        const row = existing.get(a.accountId)
        return !row || (row.status === 'pending' && row.resolvedM3 === null)
      })
      .map((a) => ({
        account: a,
        result: classifyConsumption(criticaInputFrom(a.values, a.meterDigits, ctx.frequency, categoryAverages.get(a.category) ?? null, rules)),
      }))
    if (computed.length === 0) return 0
    // A re-run after corrected readings may find no deviation where there was one: its open visit is cancelled.
    const stale = computed
      .filter((c) => !c.result.isDeviation)
      .map((c) => existing.get(c.account.accountId)?.workOrderId)
      .filter((id): id is string => Boolean(id))
    if (stale.length > 0) {
      await tx
        .update(workOrders)
        .set({ status: 'cancelled' })
        .where(and(inArray(workOrders.id, stale), inArray(workOrders.status, ['open', 'scheduled'])))
    }
    const needVisit = computed.filter((c) => c.result.isDeviation && !existing.get(c.account.accountId)?.workOrderId)
    const visits = new Map<string, string>()
    if (needVisit.length > 0) {
      const created = await tx
        .insert(workOrders)
        .values(
          needVisit.map((c) => ({
            accountId: c.account.accountId,
            kind: 'deviation_visit' as const,
            reason: `Desviación significativa (${DEVIATION_LABEL[c.result.classification as keyof typeof DEVIATION_LABEL]}): consumo medido ${c.result.measuredM3} m³ frente a un promedio de ${c.result.averageM3} m³ (Ley 142 art. 149).`,
            requestedAt: now,
          })),
        )
        .returning({ id: workOrders.id, accountId: workOrders.accountId })
      for (const w of created) visits.set(w.accountId, w.id)
    }
    await tx
      .insert(consumptions)
      .values(
        computed.map(({ account, result }) => ({
          accountId: account.accountId,
          periodId: ctx.periodId,
          previousReading: criticaPrevious(account),
          currentReading: account.values[0] ?? null,
          measuredM3: result.measuredM3,
          billedM3: result.billedM3,
          basis: result.basis,
          classification: result.classification,
          averageM3: result.averageM3,
          workOrderId: result.isDeviation ? (visits.get(account.accountId) ?? existing.get(account.accountId)?.workOrderId ?? null) : null,
          computedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [consumptions.accountId, consumptions.periodId],
        set: {
          previousReading: sql`excluded.previous_reading`,
          currentReading: sql`excluded.current_reading`,
          measuredM3: sql`excluded.measured_m3`,
          billedM3: sql`excluded.billed_m3`,
          basis: sql`excluded.basis`,
          classification: sql`excluded.classification`,
          averageM3: sql`excluded.average_m3`,
          workOrderId: sql`excluded.work_order_id`,
          computedAt: sql`excluded.computed_at`,
        },
        setWhere: sql`${consumptions.status} = 'pending' and ${consumptions.resolvedM3} is null`,
      })
    return computed.filter((c) => c.result.isDeviation).length
  })
}

function criticaPrevious(account: AccountInput): number | null {
  return account.values.slice(1).find((v): v is number => v !== null) ?? null
}
