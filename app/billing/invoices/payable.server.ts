/**
 * What a subscriber can pay now: the account's latest issued invoice, when the ledger balance minus the amounts
 * under a pending claim (Ley 142 art. 155: not collected while the claim is open) is above zero. The "Pagar" button
 * links only to that invoice (the payment itself always takes the amount from the ledger, never from the link).
 */
import { and, desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { getBalance, type Balance } from '~/billing/ledger/balance.server'
import { ZERO, Money } from '~/billing/money'
import { todayInBogota } from '~/calendar/business-days'
import { billingPeriods, invoices } from '../../../db/schema'

export type LatestInvoice = { id: string; dueOn: string; suspensionOn: string; periodCode: string; totalToPay: string }

export async function latestIssuedInvoice(db: DbOrTx, accountId: string): Promise<LatestInvoice | null> {
  const [row] = await db
    .select({ id: invoices.id, dueOn: invoices.dueOn, suspensionOn: invoices.suspensionOn, periodCode: billingPeriods.code, totalToPay: invoices.totalToPay })
    .from(invoices)
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
    .where(and(eq(invoices.accountId, accountId), eq(invoices.status, 'issued')))
    .orderBy(desc(billingPeriods.startsOn))
    .limit(1)
  return row ?? null
}

/** Balance minus what is on hold, never below zero. */
export function amountPayable(balance: Balance): Money {
  return Money.max(balance.total.minus(balance.onHold), ZERO)
}

export async function accountPayment(db: DbOrTx, accountId: string, on = todayInBogota(new Date())) {
  const [latest, balance] = await Promise.all([latestIssuedInvoice(db, accountId), getBalance(db, accountId, { on })])
  const payable = amountPayable(balance)
  return { latest, balance, payable, payInvoiceId: latest && payable.greaterThan(0) ? latest.id : null }
}
