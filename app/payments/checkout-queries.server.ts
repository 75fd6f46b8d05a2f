/**
 * Reads for paying online: what an invoice still owes, what the account can pay, and the attempts made for it.
 * Ownership is in every WHERE clause (the guard's account ids).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { amountPayable } from '~/billing/invoices/payable.server'
import { getBalance } from '~/billing/ledger/balance.server'
import { fromDb, toDb } from '~/billing/money'
import { getSetting } from '~/settings/read.server'
import { todayInBogota } from '~/utils/format'
import { invoices } from '../../db/schema/ledger'
import { paymentAttempts, type AttemptStatus } from '../../db/schema/payments'
import { accounts } from '../../db/schema/premises'
import { billingPeriods } from '../../db/schema/readings'
import type { AmountFacts } from './checkout-amount'

export type OwnedInvoice = {
  id: string
  accountId: string
  accountNumber: string
  number: number | null
  periodCode: string
  dueOn: string
  totalToPay: string
  paymentReference: string
}

/** An issued invoice of one of `accountIds`, or null (someone else's invoice is "not found"). */
export async function findOwnedInvoice(db: DbOrTx, invoiceId: string, accountIds: readonly string[]): Promise<OwnedInvoice | null> {
  if (accountIds.length === 0 || !/^[0-9a-f-]{36}$/i.test(invoiceId)) return null
  const [row] = await db
    .select({
      id: invoices.id,
      accountId: invoices.accountId,
      accountNumber: accounts.number,
      number: invoices.number,
      periodCode: billingPeriods.code,
      dueOn: invoices.dueOn,
      totalToPay: invoices.totalToPay,
      paymentReference: invoices.paymentReference,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
    .where(and(eq(invoices.id, invoiceId), inArray(invoices.accountId, [...accountIds]), eq(invoices.status, 'issued')))
  return row ?? null
}

/** The invoice's charges net of its own credits, applied allocations and holds (never below zero). */
export async function invoiceOpenAmount(db: DbOrTx, invoiceId: string): Promise<string> {
  const [row] = await rows<{ open: string }>(
    db,
    sql`with e as (
          select id, amount from ledger_entries
           where coalesce(invoice_id, note_of_invoice_id) = ${invoiceId}::uuid and kind not in ('payment', 'reversal')),
        paid as (
          select coalesce(sum(a.amount), 0) as amount from payment_allocations a
            join payments p on p.id = a.payment_id and p.status = 'applied'
           where a.ledger_entry_id in (select id from e)),
        held as (
          select coalesce(sum(amount), 0) as amount from dispute_holds
           where status = 'active' and (invoice_id = ${invoiceId}::uuid or ledger_entry_id in (select id from e)))
        select greatest(coalesce((select sum(amount) from e), 0) - (select amount from paid) - (select amount from held), 0)::text as open`,
  )
  return toDb(fromDb(row?.open ?? '0'))
}

/** The server's view of what this invoice's account can pay online now (checkout-amount.ts has the rules). */
export async function amountFacts(db: DbOrTx, invoice: OwnedInvoice, now = new Date()): Promise<AmountFacts & { onHold: string; balance: string }> {
  const on = todayInBogota(now)
  const balance = await getBalance(db, invoice.accountId, { on })
  const payable = amountPayable(balance)
  const open = fromDb(await invoiceOpenAmount(db, invoice.id))
  return {
    balance: toDb(balance.total),
    onHold: toDb(balance.onHold),
    payable: toDb(payable),
    invoicePending: toDb(open.gt(payable) ? payable : open),
    minimum: await getSetting('payments.online_minimum_amount', { on, db }),
  }
}

export type AttemptView = {
  id: string
  attemptNo: number
  reference: string
  amount: string
  status: AttemptStatus
  paymentId: string | null
  gateway: 'wompi' | 'sandbox'
  createdAt: string
  isFlagged: boolean
}

/** Attempts for an invoice of the subscriber's accounts, newest first; `attemptNo` picks one. */
export async function listAttempts(
  db: DbOrTx,
  input: { invoiceId: string; accountIds: readonly string[]; attemptNo?: number; limit?: number },
): Promise<AttemptView[]> {
  if (input.accountIds.length === 0) return []
  const found = await db
    .select({
      id: paymentAttempts.id,
      attemptNo: paymentAttempts.attemptNo,
      reference: paymentAttempts.reference,
      amount: paymentAttempts.amount,
      status: paymentAttempts.status,
      paymentId: paymentAttempts.paymentId,
      gateway: paymentAttempts.gateway,
      createdAt: paymentAttempts.createdAt,
      flaggedReason: paymentAttempts.flaggedReason,
    })
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.invoiceId, input.invoiceId),
        inArray(paymentAttempts.accountId, [...input.accountIds]),
        input.attemptNo ? eq(paymentAttempts.attemptNo, input.attemptNo) : undefined,
      ),
    )
    .orderBy(desc(paymentAttempts.attemptNo))
    .limit(input.limit ?? 10)
  return found.map(({ createdAt, flaggedReason, ...a }) => ({ ...a, createdAt: createdAt.toISOString(), isFlagged: flaggedReason !== null }))
}
