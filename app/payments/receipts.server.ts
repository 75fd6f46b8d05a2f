/**
 * Payment receipts: the page a subscriber sees (/mi-cuenta/pagos/<id>) and the props of the receipt and reversal
 * emails. Ownership is in the WHERE clause (the guard's account ids); any payment channel has a receipt.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { getBalance } from '~/billing/ledger/balance.server'
import { CHANNEL_LABELS } from '~/billing/ledger/post-payment.server'
import { toDb } from '~/billing/money'
import { formatCOP, formatDate, todayInBogota } from '~/utils/format'
import { users } from '../../db/schema/auth'
import { invoices, ledgerEntries, paymentAllocations, payments } from '../../db/schema/ledger'
import { paymentAttempts } from '../../db/schema/payments'
import { accounts } from '../../db/schema/premises'
import { billingPeriods } from '../../db/schema/readings'
import type { PaymentReceiptProps } from '../../emails/payment-receipt'
import type { PaymentReversedProps } from '../../emails/payment-reversed'

export type Receipt = {
  id: string
  accountId: string
  accountNumber: string
  amount: string
  paidOn: string
  channelLabel: string
  status: 'applied' | 'reversed'
  reversalReason: string | null
  reference: string | null
  gatewayTransactionId: string | null
  paymentMethod: string | null
  /** What the payment paid, charge by charge (a reversed payment's allocations no longer count but are shown). */
  allocations: Array<{ periodCode: string | null; invoiceNumber: number | null; concept: string; amount: string }>
  balanceNow: string
}

export async function getReceipt(
  db: DbOrTx,
  input: { paymentId: string; accountIds: readonly string[]; now?: Date },
): Promise<Receipt | null> {
  if (input.accountIds.length === 0) return null
  const [row] = await db
    .select({
      id: payments.id,
      accountId: payments.accountId,
      accountNumber: accounts.number,
      amount: payments.amount,
      paidOn: payments.paidOn,
      channel: payments.channel,
      status: payments.status,
      reversalReason: payments.reversalReason,
      reference: payments.reference,
      externalRef: payments.externalRef,
    })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(and(eq(payments.id, input.paymentId), inArray(payments.accountId, [...input.accountIds])))
  if (!row) return null
  const [attempt] = await db
    .select({ method: paymentAttempts.paymentMethod })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.paymentId, row.id))
  const allocations = await db
    .select({
      periodCode: billingPeriods.code,
      invoiceNumber: invoices.number,
      concept: ledgerEntries.description,
      amount: paymentAllocations.amount,
    })
    .from(paymentAllocations)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, paymentAllocations.ledgerEntryId))
    .leftJoin(invoices, eq(invoices.id, ledgerEntries.invoiceId))
    .leftJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
    .where(eq(paymentAllocations.paymentId, row.id))
    .orderBy(asc(paymentAllocations.createdAt), asc(paymentAllocations.id))
  const balance = await getBalance(db, row.accountId, { on: todayInBogota(input.now) })
  return {
    id: row.id,
    accountId: row.accountId,
    accountNumber: row.accountNumber,
    amount: row.amount,
    paidOn: row.paidOn,
    channelLabel: CHANNEL_LABELS[row.channel],
    status: row.status,
    reversalReason: row.reversalReason,
    reference: row.reference,
    gatewayTransactionId: row.channel === 'gateway' ? row.externalRef : null,
    paymentMethod: attempt?.method ?? null,
    allocations,
    balanceNow: toDb(balance.total),
  }
}

/** "$ 12.000" owed, or "$ 3.000 a favor" for a credit. */
export function describeBalance(total: string): string {
  return total.startsWith('-') ? `${formatCOP(total.slice(1))} a favor` : formatCOP(total)
}

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  CARD: 'Tarjeta',
  PSE: 'PSE (débito bancario)',
  NEQUI: 'Nequi',
  BANCOLOMBIA_TRANSFER: 'Transferencia Bancolombia',
}

type Recipient = { email: string; fullName: string }

/** The person who started the attempt (the receipt goes to them), or null for attempts without a user. */
export async function attemptRecipient(tx: DbOrTx, userId: string | null): Promise<Recipient | null> {
  if (!userId) return null
  const [user] = await tx.select({ email: users.email, fullName: users.fullName }).from(users).where(eq(users.id, userId))
  return user ?? null
}

type EmailFacts = { paymentId: string; accountId: string; amount: string; paidOn: string; transactionId: string }

async function commonFacts(tx: DbOrTx, facts: EmailFacts, origin: string, now: Date) {
  const [account] = await tx.select({ number: accounts.number }).from(accounts).where(eq(accounts.id, facts.accountId))
  const balance = await getBalance(tx, facts.accountId, { on: todayInBogota(now) })
  return {
    accountNumber: account!.number,
    amount: formatCOP(facts.amount),
    paidOn: formatDate(facts.paidOn),
    gatewayTransactionId: facts.transactionId,
    balanceAfter: describeBalance(toDb(balance.total)),
    receiptUrl: `${origin}/mi-cuenta/pagos/${facts.paymentId}`,
  }
}

export async function receiptEmailProps(
  tx: DbOrTx,
  facts: EmailFacts & { paymentReference: string; paymentMethod: string },
  recipient: Recipient,
  opts: { origin: string; now: Date },
): Promise<PaymentReceiptProps> {
  return {
    fullName: recipient.fullName,
    paymentReference: facts.paymentReference,
    paymentMethod: PAYMENT_METHOD_LABELS[facts.paymentMethod] ?? facts.paymentMethod,
    ...(await commonFacts(tx, facts, opts.origin, opts.now)),
  }
}

export async function reversedEmailProps(
  tx: DbOrTx,
  facts: EmailFacts,
  recipient: Recipient,
  opts: { origin: string; now: Date },
): Promise<PaymentReversedProps> {
  return { fullName: recipient.fullName, ...(await commonFacts(tx, facts, opts.origin, opts.now)) }
}
