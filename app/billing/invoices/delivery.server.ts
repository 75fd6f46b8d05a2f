/**
 * Printed invoices and their delivery (Ley 142 art. 148: the company must prove it delivered the invoice, at least
 * 5 days before pago oportuno per colombia-rules.md §6.1). A batch is one period and one zone: every invoice of that
 * zone issued for the period by the time the batch was made, in route order (premises.route_order), so the PDF can be
 * printed again identically. Results (entregada / devuelta, date) are one row per invoice, corrected in place.
 */
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import {
  accounts,
  billingCycles,
  billingPeriods,
  invoiceDeliveries,
  invoiceDeliveryBatches,
  invoices,
  premises,
  zones,
} from '../../../db/schema'

export type Scope = { serviceAreaId: string | null }
type Batch = typeof invoiceDeliveryBatches.$inferSelect

const inScope = (scope: Scope) => (scope.serviceAreaId ? eq(zones.serviceAreaId, scope.serviceAreaId) : sql`true`)

/** Recent issued periods, each with the zones its cycle's premises are in: the batches one can prepare. */
export async function batchOptions(db: DbOrTx, scope: Scope) {
  const periods = await db
    .select({ id: billingPeriods.id, code: billingPeriods.code, cycleId: billingCycles.id, cycle: billingCycles.name })
    .from(billingPeriods)
    .innerJoin(billingCycles, eq(billingCycles.id, billingPeriods.cycleId))
    .where(and(inArray(billingPeriods.status, ['liquidated', 'issued', 'closed']), scope.serviceAreaId ? eq(billingCycles.serviceAreaId, scope.serviceAreaId) : sql`true`))
    .orderBy(desc(billingPeriods.issueOn))
    .limit(24)
  if (periods.length === 0) return []
  const cycleZones = await db
    .selectDistinct({ cycleId: premises.cycleId, zoneId: zones.id, zone: zones.name })
    .from(premises)
    .innerJoin(zones, eq(zones.id, premises.zoneId))
    .where(inArray(premises.cycleId, [...new Set(periods.map((p) => p.cycleId))]))
    .orderBy(zones.name)
  return periods.flatMap((p) =>
    cycleZones
      .filter((z) => z.cycleId === p.cycleId)
      .map((z) => ({ periodId: p.id, zoneId: z.zoneId, label: `${p.cycle} · periodo ${p.code} · zona ${z.zone}` })),
  )
}

/** The batch's invoices in route order (ids only). */
function memberQuery(db: DbOrTx, batch: Pick<Batch, 'periodId' | 'zoneId' | 'createdAt'>) {
  return db
    .select({ invoiceId: invoices.id, routeOrder: premises.routeOrder })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .where(and(eq(invoices.periodId, batch.periodId), eq(premises.zoneId, batch.zoneId), eq(invoices.status, 'issued'), lte(invoices.issuedAt, batch.createdAt)))
    .orderBy(premises.routeOrder, accounts.number)
}

export async function createDeliveryBatch(
  tx: DbOrTx,
  input: { periodId: string; zoneId: string; userId: string; scope: Scope },
): Promise<Result<{ batchId: string; invoiceCount: number }>> {
  const [zone] = await tx.select({ id: zones.id }).from(zones).where(and(eq(zones.id, input.zoneId), inScope(input.scope)))
  if (!zone) return fail(new DomainError('billing/zone_not_found', 'La zona no existe o no es de su área.'))
  const now = new Date()
  const members = await memberQuery(tx, { periodId: input.periodId, zoneId: input.zoneId, createdAt: now })
  if (members.length === 0) return fail(new DomainError('billing/empty_batch', 'No hay facturas expedidas de ese periodo en esa zona.'))
  const [batch] = await tx
    .insert(invoiceDeliveryBatches)
    .values({ periodId: input.periodId, zoneId: input.zoneId, invoiceCount: members.length, createdBy: input.userId, createdAt: now })
    .returning({ id: invoiceDeliveryBatches.id })
  await recordTrail(tx, {
    entityType: 'invoice_delivery_batch',
    entityId: batch!.id,
    action: 'invoice_delivery_batch.created',
    actor: { kind: 'user', userId: input.userId },
    summary: { periodId: input.periodId, zoneId: input.zoneId, invoices: members.length },
  })
  return ok({ batchId: batch!.id, invoiceCount: members.length })
}

export async function listBatches(db: DbOrTx, scope: Scope) {
  return db
    .select({
      id: invoiceDeliveryBatches.id,
      periodCode: billingPeriods.code,
      zone: zones.name,
      invoiceCount: invoiceDeliveryBatches.invoiceCount,
      createdAt: invoiceDeliveryBatches.createdAt,
      recorded: sql<number>`(select count(*)::int from invoice_deliveries d where d.batch_id = ${invoiceDeliveryBatches.id})`,
    })
    .from(invoiceDeliveryBatches)
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoiceDeliveryBatches.periodId))
    .innerJoin(zones, eq(zones.id, invoiceDeliveryBatches.zoneId))
    .where(inScope(scope))
    .orderBy(desc(invoiceDeliveryBatches.createdAt))
    .limit(50)
}

export async function getBatch(db: DbOrTx, batchId: string, scope: Scope) {
  const [head] = await db
    .select({ batch: invoiceDeliveryBatches, periodCode: billingPeriods.code, zone: zones.name })
    .from(invoiceDeliveryBatches)
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoiceDeliveryBatches.periodId))
    .innerJoin(zones, eq(zones.id, invoiceDeliveryBatches.zoneId))
    .where(and(eq(invoiceDeliveryBatches.id, batchId), inScope(scope)))
  if (!head) return null
  const members = await memberQuery(db, head.batch)
  const ids = members.map((m) => m.invoiceId)
  const details =
    ids.length === 0
      ? []
      : await db
          .select({
            invoiceId: invoices.id,
            number: invoices.number,
            accountNumber: accounts.number,
            address: premises.address,
            routeOrder: premises.routeOrder,
            dueOn: invoices.dueOn,
            result: invoiceDeliveries.result,
            deliveredOn: invoiceDeliveries.deliveredOn,
            note: invoiceDeliveries.note,
          })
          .from(invoices)
          .innerJoin(accounts, eq(accounts.id, invoices.accountId))
          .innerJoin(premises, eq(premises.id, accounts.premiseId))
          .leftJoin(invoiceDeliveries, eq(invoiceDeliveries.invoiceId, invoices.id))
          .where(inArray(invoices.id, ids))
          .orderBy(premises.routeOrder, accounts.number)
  return { ...head, batch: { ...head.batch, createdAt: head.batch.createdAt.toISOString() }, invoiceIds: ids, rows: details }
}

export type DeliveryResult = { invoiceId: string; result: 'delivered' | 'returned'; deliveredOn: string; note: string | null }

/** Records (or corrects) the results of a batch's invoices; an invoice outside the batch is refused, nothing saved. */
export async function recordDeliveries(
  tx: DbOrTx,
  input: { batchId: string; results: DeliveryResult[]; userId: string; scope: Scope },
): Promise<Result<{ recorded: number }>> {
  const batch = await getBatch(tx, input.batchId, input.scope)
  if (!batch) return fail(new DomainError('billing/batch_not_found', 'El lote de reparto no existe o no es de su área.'))
  const members = new Set(batch.invoiceIds)
  if (input.results.some((r) => !members.has(r.invoiceId)))
    return fail(new DomainError('billing/not_in_batch', 'Una de las facturas no pertenece a este lote de reparto.'))
  for (const r of input.results) {
    const values = { result: r.result, deliveredOn: r.deliveredOn, note: r.note, batchId: input.batchId, recordedBy: input.userId, recordedAt: new Date() }
    await tx.insert(invoiceDeliveries).values({ invoiceId: r.invoiceId, ...values }).onConflictDoUpdate({ target: invoiceDeliveries.invoiceId, set: values })
  }
  await recordTrail(tx, {
    entityType: 'invoice_delivery_batch',
    entityId: input.batchId,
    action: 'invoice_delivery_batch.results_recorded',
    actor: { kind: 'user', userId: input.userId },
    summary: { results: input.results.map((r) => ({ invoiceId: r.invoiceId, result: r.result, deliveredOn: r.deliveredOn })) },
  })
  return ok({ recorded: input.results.length })
}
