/**
 * Assigning a pago por identificar to an account once staff know whose it is: the payment is posted to the ledger
 * (billing's postPayment: oldest charges first, holds skipped) with the bank line's own external reference, so the
 * same bank record can never reach the ledger twice, and who assigned it and when are kept on the row and the trail.
 */
import { and, eq } from 'drizzle-orm'
import type { Db, Tx } from '~/db.server'
import { postPayment } from '~/billing/ledger/post-payment.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { accounts } from '../../db/schema/premises'
import { unidentifiedPayments } from '../../db/schema/payments'
import { afterPaymentsApplied } from './after-payment.server'
import { canonicalReference } from './bank-lines'

export type AssignInput = { id: string; accountNumber: string; userId: string; requestId?: string | null; ip?: string | null }
export type UnidentifiedErrorCode = 'payments/unidentified_not_found' | 'payments/unidentified_not_pending' | 'payments/account_not_found'

export async function assignUnidentifiedPayment(db: Db, input: AssignInput): Promise<Result<{ paymentId: string; accountId: string }>> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id, number: accounts.number }).from(accounts).where(eq(accounts.number, input.accountNumber.trim()))
    if (!account) return fail(new DomainError('payments/account_not_found', `No existe la cuenta ${input.accountNumber.trim()}. Revise el número.`))
    const [row] = await tx
      .update(unidentifiedPayments)
      .set({ status: 'assigned', assignedAccountId: account.id, assignedBy: input.userId, assignedAt: new Date() })
      .where(and(eq(unidentifiedPayments.id, input.id), eq(unidentifiedPayments.status, 'pending')))
      .returning()
    if (!row) return fail(await notPending(tx, input.id))
    const actor = { kind: 'user', userId: input.userId } as const
    const posted = await postPayment(tx, {
      accountId: account.id,
      amount: row.amount,
      paidOn: row.paidOn,
      channel: 'bank_file',
      externalRef: row.bankFileId ? `${row.bankFileId}:${row.lineNo}` : `por-identificar:${row.id}`,
      reference: canonicalReference(row.referenceRaw) ?? row.referenceRaw,
      actor,
    })
    await tx.update(unidentifiedPayments).set({ paymentId: posted.paymentId }).where(eq(unidentifiedPayments.id, row.id))
    if (!posted.isDuplicate)
      await afterPaymentsApplied(tx, [{ paymentId: posted.paymentId, accountId: account.id, amount: row.amount, paidOn: row.paidOn, channel: 'bank_file' }])
    await recordTrail(tx, {
      entityType: 'unidentified_payment',
      entityId: row.id,
      action: 'unidentified_payment.assigned',
      actor,
      summary: { before: { status: 'pending' }, after: { status: 'assigned', accountNumber: account.number, paymentId: posted.paymentId }, amount: row.amount },
      requestId: input.requestId,
      ip: input.ip,
    })
    return ok({ paymentId: posted.paymentId, accountId: account.id })
  })
}


export async function notPending(tx: Tx, id: string): Promise<DomainError<UnidentifiedErrorCode>> {
  const [exists] = await tx.select({ status: unidentifiedPayments.status }).from(unidentifiedPayments).where(eq(unidentifiedPayments.id, id))
  if (!exists) return new DomainError('payments/unidentified_not_found', 'No existe ese pago por identificar.')
  return new DomainError('payments/unidentified_not_pending', exists.status === 'assigned' ? 'Este pago ya fue asignado a una cuenta.' : 'Este pago ya fue devuelto al pagador.')
}
