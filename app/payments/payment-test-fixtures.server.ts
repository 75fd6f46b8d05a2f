/**
 * Builders for online-payment db tests: a subscriber with a linked account and one issued invoice whose charges are
 * ledger entries, and signed gateway events for a given attempt. Tests only.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '~/db.server'
import { insertAccount, insertArea, insertIssuedInvoice, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import { users } from '../../db/schema/auth'
import { userAccounts } from '../../db/schema/premises'
import type { TransactionStatus } from './gateway'
import { signTransactionEvent, type WompiTransactionJson } from './wompi-event'

let counter = 0

export type PayableWorld = {
  accountId: string
  invoiceId: string
  paymentReference: string
  user: { id: string; email: string; fullName: string }
  accountIds: string[]
}

/** A subscriber, their account and an issued invoice with `charges` (concept, amount), due on 2026-02-21. */
export async function insertPayableInvoice(db: Db, charges: Array<[string, string]> = [['cargo_fijo', '45000.00']]): Promise<PayableWorld> {
  counter++
  const where = await insertArea(db, { band: 'above_2000' })
  const periodId = await insertPeriod(db, where.cycleId, '2026-01')
  const accountId = await insertAccount(db, where)
  const tag = randomUUID().slice(0, 8)
  const [user] = await db
    .insert(users)
    .values({ email: `pagador-${tag}@example.com`, fullName: `Pagador ${counter}`, role: 'subscriber', emailVerifiedAt: new Date() })
    .returning({ id: users.id, email: users.email, fullName: users.fullName })
  await db.insert(userAccounts).values({ userId: user!.id, accountId })
  // Digits only, unique per test run: the attempt reference is '<this>-<n>' (gateway.ts).
  const paymentReference = `${Date.now() % 1_000_000_000}${String(counter).padStart(3, '0')}`
  const { invoiceId } = await insertIssuedInvoice(db, { accountId, periodId, charges, paymentReference })
  return { accountId, invoiceId, paymentReference, user: user!, accountIds: [accountId] }
}

/** A transaction as the gateway would report it for an attempt (reference, amount in cents). */
export function transactionJson(
  reference: string,
  amountInCents: string,
  status: TransactionStatus,
  overrides: Partial<WompiTransactionJson> = {},
): WompiTransactionJson {
  return {
    id: overrides.id ?? `${counter}-1748550000-${randomUUID().slice(0, 5)}`,
    created_at: '2026-11-28T14:20:11.000Z',
    finalized_at: status === 'PENDING' ? null : '2026-11-28T14:20:40.000Z',
    amount_in_cents: Number(amountInCents),
    reference,
    currency: 'COP',
    payment_method_type: 'CARD',
    status,
    status_message: null,
    ...overrides,
  }
}

/** The raw body of a `transaction.updated` event signed with `secret`. */
export function signedEventBody(transaction: WompiTransactionJson, secret: string): string {
  return JSON.stringify(signTransactionEvent(transaction, { secret, timestamp: Math.floor(Date.now() / 1000) }))
}
