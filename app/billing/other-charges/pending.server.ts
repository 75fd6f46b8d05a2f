/**
 * Pending "otros cobros" (reconexión, reinstalación, visits…) waiting for the next liquidation. The price is the one
 * the approved tariff version in force on the date sets for the code, with its approval act (Ley 142 art. 90:
 * charges other than the tariff need the regulator's or the company's approved cost, never a figure typed in).
 * The liquidation bills each pending row once as an 'otro_cobro' line, never subsidised nor charged a contribution
 * (compute.ts), and marks it billed with its invoice (liquidation/write.server.ts); a replaced draft returns it to
 * pending (liquidation/run.server.ts).
 */
import { and, eq, sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { getTariffSchedule } from '~/billing/tariffs/schedule.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { pendingCharges } from '../../../db/schema/ledger'

export type AddPendingChargeInput = {
  accountId: string
  code: string
  /** The date the charge arises (the reconnection, the visit); its price is the tariff's on that date. */
  on: string
  actor: TrailActor
  related?: { entityType: string; entityId: string }
}

export type AddedPendingCharge = { id: string; description: string; amount: string }

/** The account's service area, or null when the account does not exist. */
async function areaOfAccount(tx: DbOrTx, accountId: string): Promise<string | null> {
  const [found] = await rows<{ area: string }>(
    tx,
    sql`select c.service_area_id as area from accounts a join premises p on p.id = a.premise_id
          join billing_cycles c on c.id = p.cycle_id where a.id = ${accountId}::uuid`,
  )
  return found?.area ?? null
}

export async function addPendingCharge(tx: DbOrTx, input: AddPendingChargeInput): Promise<Result<AddedPendingCharge>> {
  const areaId = await areaOfAccount(tx, input.accountId)
  if (!areaId) return fail(new DomainError('billing/account_not_found', 'No existe la cuenta indicada.'))
  const schedule = await getTariffSchedule(tx, { serviceAreaId: areaId, on: input.on })
  if (!schedule.ok) return schedule
  const rate = schedule.value.otherCharges.find((c) => c.code === input.code)
  if (!rate)
    return fail(
      new DomainError(
        'billing/other_charge_not_priced',
        `El cobro «${input.code}» no tiene un valor aprobado en la tarifa vigente el ${formatDate(input.on)}; no se puede cargar a la cuenta.`,
      ),
    )
  const [row] = await tx
    .insert(pendingCharges)
    .values({
      accountId: input.accountId,
      code: rate.code,
      description: rate.label,
      amount: rate.amount,
      requestedOn: input.on,
      relatedEntityType: input.related?.entityType ?? null,
      relatedEntityId: input.related?.entityId ?? null,
      createdBy: input.actor.kind === 'user' ? input.actor.userId : null,
    })
    .returning({ id: pendingCharges.id })
  await recordTrail(tx, {
    entityType: 'account',
    entityId: input.accountId,
    action: 'billing.pending_charge_added',
    actor: input.actor,
    summary: { after: { pendingChargeId: row!.id, code: rate.code, amount: rate.amount, on: input.on, approvalAct: rate.approvalAct } },
  })
  return ok({ id: row!.id, description: rate.label, amount: rate.amount })
}

/** Cancels a charge not yet billed. `accountId`, when given, must own it (the staff page scopes by account). */
export async function cancelPendingCharge(
  tx: DbOrTx,
  input: { id: string; actor: TrailActor; accountId?: string },
): Promise<Result<{ id: string }>> {
  const [row] = await tx
    .update(pendingCharges)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(pendingCharges.id, input.id),
        eq(pendingCharges.status, 'pending'),
        input.accountId ? eq(pendingCharges.accountId, input.accountId) : undefined,
      ),
    )
    .returning({ id: pendingCharges.id, accountId: pendingCharges.accountId, code: pendingCharges.code, amount: pendingCharges.amount })
  if (!row)
    return fail(new DomainError('billing/pending_charge_not_pending', 'Ese cobro ya no está pendiente: fue facturado o anulado antes.'))
  await recordTrail(tx, {
    entityType: 'account',
    entityId: row.accountId,
    action: 'billing.pending_charge_cancelled',
    actor: input.actor,
    summary: { before: { status: 'pending' }, after: { status: 'cancelled', pendingChargeId: row.id, code: row.code, amount: row.amount } },
  })
  return ok({ id: row.id })
}
