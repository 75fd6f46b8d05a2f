/**
 * A bank return (causal de devolución): the bank takes back money it had reported in a collection file (a bounced
 * cheque, a reversed debit). The payment is reversed through billing's reversePayment (its allocations stop counting,
 * a reversal entry restores the balance, nothing is deleted) and the subscriber gets a note, enqueued in the same
 * transaction so it exists if and only if the return does.
 */
import { and, eq, sql } from 'drizzle-orm'
import { rows, type Db, type DbOrTx } from '~/db.server'
import { getBalance } from '~/billing/ledger/balance.server'
import { reversePayment } from '~/billing/ledger/reverse-payment.server'
import { toDb } from '~/billing/money'
import { enqueueEmail } from '~/mail/outbox.server'
import { recordTrail } from '~/trail/record.server'
import { formatCOP, formatDate, todayInBogota } from '~/utils/format'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { payments } from '../../db/schema/ledger'
import { accounts, subscribers, userAccounts } from '../../db/schema/premises'
import { bankReturnCauseLabel, type BankReturnCauseCode } from './bank-file-schema'

export type BankReturnInput = {
  paymentId: string
  cause: BankReturnCauseCode
  note?: string | null
  userId: string
  /** Origin of the link in the email (APP_ORIGIN in production). */
  origin: string
  now?: Date
  requestId?: string | null
  ip?: string | null
}

export async function recordBankReturn(db: Db, input: BankReturnInput): Promise<Result<{ notified: number }>> {
  const now = input.now ?? new Date()
  const on = todayInBogota(now)
  const causeLabel = bankReturnCauseLabel(input.cause)
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select({ id: payments.id, accountId: payments.accountId, amount: payments.amount, paidOn: payments.paidOn, accountNumber: accounts.number, holder: subscribers.fullName })
      .from(payments)
      .innerJoin(accounts, eq(accounts.id, payments.accountId))
      .innerJoin(subscribers, eq(subscribers.id, accounts.subscriberId))
      .where(and(eq(payments.id, input.paymentId), eq(payments.channel, 'bank_file')))
    if (!payment) return fail(new DomainError('payments/not_bank_payment', 'No existe un pago de recaudo bancario con ese identificador.'))
    const actor = { kind: 'user', userId: input.userId } as const
    const reason = `Devolución bancaria ${input.cause} (${causeLabel})${input.note ? `: ${input.note}` : ''}`
    const reversed = await reversePayment(tx, { paymentId: payment.id, reason, on, actor })
    if (!reversed.ok) return reversed
    const balance = await getBalance(tx, payment.accountId, { on })
    const recipients = await recipientsOf(tx, payment.accountId)
    for (const to of recipients)
      await enqueueEmail(tx, {
        to,
        template: 'bank-return-notice',
        props: {
          fullName: payment.holder,
          accountNumber: payment.accountNumber,
          amount: formatCOP(payment.amount),
          paidOn: formatDate(payment.paidOn),
          cause: causeLabel,
          balanceAfter: formatCOP(toDb(balance.total)),
          url: `${input.origin}/mi-cuenta`,
        },
        idempotencyKey: `bank-return:${payment.id}:${to}`,
        related: { entityType: 'payment', entityId: payment.id },
      })
    await recordTrail(tx, {
      entityType: 'payment',
      entityId: payment.id,
      action: 'payment.bank_returned',
      actor,
      summary: { cause: input.cause, note: input.note ?? null, notified: recipients.length },
      requestId: input.requestId,
      ip: input.ip,
    })
    return ok({ notified: recipients.length })
  })
}

/** The subscriber's email on file and the emails of the portal users linked to the account, once each. */
async function recipientsOf(tx: DbOrTx, accountId: string): Promise<string[]> {
  const found = await rows<{ email: string }>(
    tx,
    sql`select lower(s.email) as email from ${accounts} a join ${subscribers} s on s.id = a.subscriber_id
         where a.id = ${accountId}::uuid and s.email is not null
        union
        select lower(u.email) from ${userAccounts} ua join ${users} u on u.id = ua.user_id
         where ua.account_id = ${accountId}::uuid and u.is_active`,
  )
  return [...new Set(found.map((r) => r.email))].sort()
}
