/**
 * The instalments of a payment agreement: whole pesos, the principal divided evenly and rounded down, and the last
 * instalment takes whatever is left, so the instalments always add up to the principal exactly.
 */
import { Money, money, toDb } from '~/billing/money'

export type AgreementTerms = { principal: string; instalments: number; instalment_amount: string }

/** The even instalment (whole pesos, rounded down), or null when it would be less than one peso. */
export function evenInstalment(principal: string, instalments: number): string | null {
  const amount = money(principal).dividedBy(instalments).toDecimalPlaces(0, Money.ROUND_DOWN)
  return amount.lt(1) ? null : toDb(amount)
}

/** The k-th of n instalments (1-based): the agreed amount, and on the last one the rest of the principal. */
export function instalmentAmount(terms: AgreementTerms, k: number): string {
  if (k < terms.instalments) return terms.instalment_amount
  return toDb(money(terms.principal).minus(money(terms.instalment_amount).times(terms.instalments - 1)))
}
