/**
 * Dispute holds: an amount under a pending claim or recurso is not collected, not overdue and bears no interest
 * (Ley 142 art. 155) until the decision. PQR and appeals call these; billing never imports them.
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { money, toDb } from '~/billing/money'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { disputeHolds, invoices, ledgerEntries } from '../../../db/schema/ledger'
import { allocateAvailableCredit, lockAccount } from './allocate.server'
import { postCreditNote } from './notes.server'

export type PlaceHoldInput = {
  accountId: string
  amount: string
  reason: string
  invoiceId?: string | null
  ledgerEntryId?: string | null
  related?: { type: string; id: string }
  actor: TrailActor
}

export async function placeHold(tx: DbOrTx, input: PlaceHoldInput): Promise<Result<{ holdId: string }>> {
  if (!input.invoiceId && !input.ledgerEntryId) throw new Error('a hold needs an invoice or a ledger entry')
  const amount = money(input.amount)
  if (amount.lte(0)) return fail(new DomainError('billing/invalid_amount', 'El valor en reclamo debe ser mayor que cero.'))
  await lockAccount(tx, input.accountId)
  const target = input.ledgerEntryId
    ? await tx.select({ accountId: ledgerEntries.accountId }).from(ledgerEntries).where(eq(ledgerEntries.id, input.ledgerEntryId))
    : await tx.select({ accountId: invoices.accountId }).from(invoices).where(eq(invoices.id, input.invoiceId!))
  if (target[0]?.accountId !== input.accountId)
    return fail(new DomainError('billing/hold_target_not_found', 'La factura o el cargo en reclamo no pertenece a la cuenta.'))
  const [hold] = await tx
    .insert(disputeHolds)
    .values({
      accountId: input.accountId,
      invoiceId: input.invoiceId ?? null,
      ledgerEntryId: input.ledgerEntryId ?? null,
      amount: toDb(amount),
      reason: input.reason,
      relatedEntityType: input.related?.type ?? null,
      relatedEntityId: input.related?.id ?? null,
    })
    .returning({ id: disputeHolds.id })
  await recordTrail(tx, {
    entityType: 'dispute_hold',
    entityId: hold!.id,
    action: 'hold.placed',
    actor: input.actor,
    summary: { accountId: input.accountId, amount: toDb(amount), invoiceId: input.invoiceId, related: input.related },
  })
  return ok({ holdId: hold!.id })
}

export type ReleaseHoldInput = {
  holdId: string
  /** 'released': the claim was denied and the amount is owed again; 'credited': granted, a credit note is posted. */
  outcome: 'released' | 'credited'
  on: string
  note?: string
  actor: TrailActor
}

export async function releaseHold(tx: DbOrTx, input: ReleaseHoldInput): Promise<Result<{ creditNoteEntryId: string | null }>> {
  const [hold] = await tx
    .update(disputeHolds)
    .set({ status: input.outcome, releasedAt: new Date() })
    .where(and(eq(disputeHolds.id, input.holdId), eq(disputeHolds.status, 'active')))
    .returning()
  if (!hold) return fail(new DomainError('billing/hold_not_active', 'El valor en reclamo ya fue liberado.'))
  await lockAccount(tx, hold.accountId)
  let creditNoteEntryId: string | null = null
  if (input.outcome === 'credited') {
    const invoiceId = hold.invoiceId ?? (await invoiceOfEntry(tx, hold.ledgerEntryId!))
    const note = await postCreditNote(tx, {
      invoiceId,
      amount: hold.amount,
      on: input.on,
      description: input.note ?? `Nota crédito por reclamo resuelto a favor: ${hold.reason}`,
      actor: input.actor,
    })
    if (!note.ok) return note
    creditNoteEntryId = note.value.entryId
  }
  await allocateAvailableCredit(tx, hold.accountId)
  await recordTrail(tx, {
    entityType: 'dispute_hold',
    entityId: hold.id,
    action: `hold.${input.outcome}`,
    actor: input.actor,
    summary: { before: { status: 'active' }, after: { status: input.outcome }, creditNoteEntryId },
  })
  return ok({ creditNoteEntryId })
}

async function invoiceOfEntry(tx: DbOrTx, entryId: string): Promise<string> {
  const [entry] = await tx.select({ invoiceId: ledgerEntries.invoiceId }).from(ledgerEntries).where(eq(ledgerEntries.id, entryId))
  if (!entry?.invoiceId) throw new Error('the held entry belongs to no invoice')
  return entry.invoiceId
}
