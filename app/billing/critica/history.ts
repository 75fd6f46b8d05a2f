/**
 * Turns an account's readings (current period first, then earlier periods) into the crítica input: the previous
 * reading and the history of valid consumptions. Pure.
 */
import { readingDifference, type BillingFrequency, type CriticaInput, type DeviationRules } from './classify'

/**
 * `values[0]` is this period's reading, `values[i]` the i-th earlier period's (null: not read). The previous reading
 * is the nearest earlier value (a period without a reading was billed on an estimate; the meter still counts). The
 * history holds the consumptions between consecutive read periods that went forward or rolled over.
 */
export function criticaInputFrom(
  values: Array<number | null>,
  meterDigits: number,
  frequency: BillingFrequency,
  categoryAverageM3: number | null,
  rules?: DeviationRules,
): CriticaInput {
  const previousReading = values.slice(1).find((v): v is number => v !== null) ?? null
  const history: number[] = []
  for (let i = 1; i + 1 < values.length; i++) {
    const later = values[i]
    const earlier = values[i + 1]
    if (later === null || later === undefined || earlier === null || earlier === undefined) continue
    const diff = readingDifference(earlier, later, meterDigits)
    if (diff.kind !== 'negative') history.push(diff.m3)
  }
  return { previousReading, currentReading: values[0] ?? null, meterDigits, history, frequency, categoryAverageM3, rules }
}
