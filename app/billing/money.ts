/**
 * The only place that configures decimal.js. Money is NUMERIC(14,2) in PostgreSQL, a string on the wire and a Money
 * in code; never a JS number.
 */
import Decimal from 'decimal.js'

export const Money = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP })
export type Money = InstanceType<typeof Money>
export type MoneyInput = Money | string | number

export const ZERO = new Money(0)

export function money(value: MoneyInput): Money {
  return value instanceof Money ? value : new Money(value)
}

export const fromDb = (s: string): Money => new Money(s)

/** Refuses unrounded amounts instead of rounding them silently. */
export function toDb(m: Money): string {
  if (m.decimalPlaces() > 2) throw new Error(`unrounded amount: ${m.toString()}`)
  return m.toFixed(2)
}

/**
 * Rounds one invoice line to the peso, half up (../shared/domain/formats.md §7.2: each line computed with full
 * precision and rounded once; the total is the sum of rounded lines).
 */
export function roundLine(m: Money): Money {
  return m.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
}

export function sum(values: Iterable<MoneyInput>): Money {
  let total = ZERO
  for (const v of values) total = total.plus(money(v))
  return total
}
