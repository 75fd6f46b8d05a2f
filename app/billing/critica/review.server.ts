/**
 * The coordinator's decisions on the crítica (release to liquidation or hold), and the result of a deviation visit
 * (Ley 142 art. 149: once the cause is clarified, the difference between what was billed on the average and the real
 * consumption is credited or charged — by a note the ledger issues; see pendingDeviationSettlements).
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { consumptions } from '../../../db/schema/critica'
import { workOrders } from '../../../db/schema/service'
import type { Classification } from './classify'

type Audit = { by: string | null; now?: Date; requestId?: string | null; ip?: string | null }

export type ReviewInput = Audit & {
  periodId: string
  decision: 'release' | 'hold'
  /** Either explicit rows, or every pending row of these classes (e.g. release all normal ones). */
  consumptionIds?: string[]
  classifications?: Classification[]
}

/** Releases or holds consumptions of one period; returns how many changed. Held accounts are not liquidated. */
export async function reviewConsumptions(db: Db, input: ReviewInput): Promise<number> {
  const now = input.now ?? new Date()
  const target = input.decision === 'release' ? 'released' : 'held'
  const scope = input.consumptionIds
    ? and(inArray(consumptions.id, input.consumptionIds), ne(consumptions.status, target))
    : and(eq(consumptions.status, 'pending'), input.classifications ? inArray(consumptions.classification, input.classifications) : undefined)
  if (input.consumptionIds?.length === 0) return 0
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(consumptions)
      .set({ status: target, reviewedBy: input.by, reviewedAt: now })
      .where(and(eq(consumptions.periodId, input.periodId), scope))
      .returning({ id: consumptions.id })
    if (changed.length > 0) {
      await recordTrail(tx, {
        entityType: 'billing_period',
        entityId: input.periodId,
        action: input.decision === 'release' ? 'critica.released' : 'critica.held',
        actor: input.by ? { kind: 'user', userId: input.by } : { kind: 'system', label: 'crítica' },
        summary: { after: { status: target, count: changed.length, classifications: input.classifications ?? null, ids: input.consumptionIds ?? null } },
        requestId: input.requestId,
        ip: input.ip,
        occurredAt: now,
      })
    }
    return changed.length
  })
}

export type VisitResultError = DomainError<'billing/consumption_not_found' | 'billing/no_deviation_visit' | 'billing/visit_already_recorded'>

/** Records the real consumption found by the deviation visit and closes the work order. */
export async function recordDeviationVisit(
  db: Db,
  input: Audit & { consumptionId: string; realM3: number; note: string; /** When given, the row must belong to it. */ periodId?: string },
): Promise<Result<{ differenceM3: number }, VisitResultError>> {
  const now = input.now ?? new Date()
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(consumptions).where(eq(consumptions.id, input.consumptionId)).for('update')
    if (!row || (input.periodId && row.periodId !== input.periodId)) {
      return fail(new DomainError('billing/consumption_not_found', 'El consumo no existe.'))
    }
    if (!row.workOrderId) return fail(new DomainError('billing/no_deviation_visit', 'Este consumo no tiene una visita por desviación.'))
    if (row.resolvedM3 !== null) {
      return fail(new DomainError('billing/visit_already_recorded', 'El resultado de la visita ya fue registrado.'))
    }
    await tx
      .update(consumptions)
      .set({ resolvedM3: input.realM3, resolvedAt: now, resolutionNote: input.note })
      .where(and(eq(consumptions.id, row.id), isNull(consumptions.resolvedM3)))
    await tx
      .update(workOrders)
      .set({ status: 'done', completedAt: now, result: { realM3: input.realM3, note: input.note } })
      .where(and(eq(workOrders.id, row.workOrderId), inArray(workOrders.status, ['open', 'scheduled'])))
    await recordTrail(tx, {
      entityType: 'consumption',
      entityId: row.id,
      action: 'critica.visit_recorded',
      actor: input.by ? { kind: 'user', userId: input.by } : { kind: 'system', label: 'crítica' },
      summary: { before: { billedM3: row.billedM3 }, after: { resolvedM3: input.realM3 } },
      requestId: input.requestId,
      ip: input.ip,
      occurredAt: now,
    })
    return ok({ differenceM3: input.realM3 - row.billedM3 })
  })
}

export type PendingSettlement = {
  consumptionId: string
  accountId: string
  periodId: string
  status: 'pending' | 'released' | 'held'
  billedM3: number
  resolvedM3: number
  /** Positive: the user owes more m³ (debit note); negative: a credit note. */
  differenceM3: number
}

/** Visits whose result differs from what was billed and that no note has settled yet. */
export async function pendingDeviationSettlements(db: Db, periodId: string): Promise<PendingSettlement[]> {
  const found = await db
    .select()
    .from(consumptions)
    .where(
      and(
        eq(consumptions.periodId, periodId),
        sql`${consumptions.resolvedM3} is not null and ${consumptions.settledByNoteId} is null and ${consumptions.resolvedM3} <> ${consumptions.billedM3}`,
      ),
    )
    .orderBy(consumptions.accountId)
  return found.map((r) => ({
    consumptionId: r.id,
    accountId: r.accountId,
    periodId: r.periodId,
    status: r.status,
    billedM3: r.billedM3,
    resolvedM3: r.resolvedM3!,
    differenceM3: r.resolvedM3! - r.billedM3,
  }))
}

/** Called by the ledger, in its transaction, when its credit/debit note settles a deviation. */
export async function markDeviationSettled(
  tx: Db | Parameters<Parameters<Db['transaction']>[0]>[0],
  input: { consumptionId: string; noteId: string },
): Promise<boolean> {
  const updated = await tx
    .update(consumptions)
    .set({ settledByNoteId: input.noteId })
    .where(and(eq(consumptions.id, input.consumptionId), isNull(consumptions.settledByNoteId), sql`${consumptions.resolvedM3} is not null`))
    .returning({ id: consumptions.id })
  return updated.length === 1
}
