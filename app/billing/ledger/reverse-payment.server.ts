/**
 * Reverses a payment (a bounced cheque, a gateway chargeback, a bank file applied twice): the payment is marked
 * reversed, its allocations stop counting, and a reversal entry restores the balance. Nothing is deleted.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { fromDb, toDb } from '~/billing/money'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { ledgerEntries, paymentAllocations, payments } from '../../../db/schema/ledger'
import { lockAccount, reopenInvoices } from './allocate.server'

export type ReversePaymentInput = { paymentId: string; reason: string; on: string; actor?: TrailActor }

export async function reversePayment(tx: DbOrTx, input: ReversePaymentInput): Promise<Result<{ entryId: string }>> {
  const [found] = await tx.select({ accountId: payments.accountId }).from(payments).where(eq(payments.id, input.paymentId))
  if (!found) return fail(new DomainError('billing/payment_not_found', 'No existe el pago indicado.'))
  await lockAccount(tx, found.accountId)
  const [payment] = await tx
    .update(payments)
    .set({ status: 'reversed', reversalReason: input.reason, reversedAt: new Date() })
    .where(and(eq(payments.id, input.paymentId), eq(payments.status, 'applied')))
    .returning()
  if (!payment) return fail(new DomainError('billing/payment_already_reversed', 'El pago ya había sido reversado.'))
  // The invoices this payment paid can owe again: allocation must read them once more.
  const paid = await tx
    .select({ invoiceId: sql<string | null>`coalesce(${ledgerEntries.invoiceId}, ${ledgerEntries.noteOfInvoiceId})` })
    .from(paymentAllocations)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, paymentAllocations.ledgerEntryId))
    .where(eq(paymentAllocations.paymentId, payment.id))
  await reopenInvoices(tx, paid.flatMap((r) => (r.invoiceId ? [r.invoiceId] : [])))
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      accountId: payment.accountId,
      occurredOn: input.on,
      kind: 'reversal',
      concept: 'reversion_pago',
      amount: toDb(fromDb(payment.amount)),
      paymentId: payment.id,
      description: `Reversión de pago: ${input.reason}`,
      createdBy: input.actor?.kind === 'user' ? input.actor.userId : null,
    })
    .returning({ id: ledgerEntries.id })
  await recordTrail(tx, {
    entityType: 'payment',
    entityId: payment.id,
    action: 'payment.reversed',
    actor: input.actor ?? { kind: 'system', label: 'billing' },
    summary: { before: { status: 'applied' }, after: { status: 'reversed' }, reason: input.reason },
  })
  return ok({ entryId: entry!.id })
}
