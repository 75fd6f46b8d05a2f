/**
 * Crítica (pre-billing review) of one account's consumption in one period. Pure: readings, history and the
 * category average come in; the classification and the m³ to bill come out.
 *
 * Rules (../shared/domain/colombia-rules.md §6.2):
 * - Res. CRA 151/2001 art. 1.3.20.6: a significant deviation is an increase or decrease above 35 % of the average of
 *   the last 6 monthly (3 bimonthly) periods when that average is ≥ 40 m³, above 65 % when it is < 40 m³; without
 *   valid history the bounds are 1.65 × and 0.35 × the stratum/category average.
 * - Ley 142 art. 149: while a deviation is investigated the account is billed on its average.
 * - Ley 142 art. 146: without a reading, consumption is estimated from the user's own average, else similar users'.
 */

export const CLASSIFICATIONS = [
  'normal',
  'significant_deviation_up',
  'significant_deviation_down',
  'zero',
  'negative',
  'rollover',
  'no_reading',
] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

export const CONSUMPTION_BASES = ['measured', 'average', 'estimated', 'category_average'] as const
export type ConsumptionBasis = (typeof CONSUMPTION_BASES)[number]

export type BillingFrequency = 'monthly' | 'bimonthly'

/** Thresholds as settings hold them (percent integers), so a new CRA rule changes data, not code. */
export type DeviationRules = {
  highAverageM3: number // 40
  highAveragePct: number // 35
  lowAveragePct: number // 65
  categoryUpperPct: number // 165
  categoryLowerPct: number // 35
}

export const CRA_151_RULES: DeviationRules = {
  highAverageM3: 40,
  highAveragePct: 35,
  lowAveragePct: 65,
  categoryUpperPct: 165,
  categoryLowerPct: 35,
}

export type CriticaInput = {
  previousReading: number | null
  currentReading: number | null
  /** Number of digits on the register: it wraps from 10^digits − 1 to 0. */
  meterDigits: number
  /** Valid consumptions of earlier periods, most recent first (m³, whole numbers). */
  history: number[]
  frequency: BillingFrequency
  /** Average of the account's stratum or use class, m³ per period; null when unknown. */
  categoryAverageM3: number | null
  rules?: DeviationRules
}

export type CriticaResult = {
  classification: Classification
  measuredM3: number | null
  billedM3: number
  basis: ConsumptionBasis
  /** The reference average used (own, or the category's), two decimals as a string; null when none exists. */
  averageM3: string | null
  averageSource: 'own' | 'category' | null
  isDeviation: boolean
}

/** Periods in the averaging window: 6 monthly or 3 bimonthly (Res. CRA 151/2001 art. 1.3.20.6). */
export function historyWindow(frequency: BillingFrequency): number {
  return frequency === 'monthly' ? 6 : 3
}

/**
 * Own history counts as "valid" with at least half the window (3 monthly / 2 bimonthly periods); with less, the
 * account is treated as without history and the category bounds apply. Our reading of "sin historia válida".
 */
export function minimumHistory(frequency: BillingFrequency): number {
  return Math.ceil(historyWindow(frequency) / 2)
}

/**
 * The consumption between two readings. A current reading below the previous one is a rollover when going round the
 * dial is the shorter way (the wrapped consumption is under half the register's capacity, e.g. 99999 → 00012 is 13
 * m³); otherwise the meter ran backwards or was misread: negative.
 */
export function readingDifference(
  previous: number,
  current: number,
  meterDigits: number,
): { kind: 'forward' | 'rollover' | 'negative'; m3: number } {
  if (current >= previous) return { kind: 'forward', m3: current - previous }
  const capacity = 10 ** meterDigits
  const wrapped = capacity - previous + current
  if (wrapped < capacity / 2) return { kind: 'rollover', m3: wrapped }
  return { kind: 'negative', m3: current - previous }
}

type Reference = { sumHundredths: number; count: number; source: 'own' | 'category' }

function referenceAverage(input: CriticaInput): Reference | null {
  const window = input.history.slice(0, historyWindow(input.frequency))
  if (window.length >= minimumHistory(input.frequency)) {
    return { sumHundredths: window.reduce((a, b) => a + b, 0) * 100, count: window.length, source: 'own' }
  }
  if (input.categoryAverageM3 === null) return null
  return { sumHundredths: Math.round(input.categoryAverageM3 * 100), count: 1, source: 'category' }
}

/** Average in hundredths of m³, rounded half up, formatted with two decimals. */
function formatAverage(ref: Reference): string {
  const hundredths = Math.floor((ref.sumHundredths * 2 + ref.count) / (2 * ref.count))
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

/** Whole m³ to bill on an average, half up. */
function roundedAverage(ref: Reference): number {
  return Math.floor((ref.sumHundredths * 2 + ref.count * 100) / (ref.count * 200))
}

/**
 * Deviation direction with integer arithmetic only: c > avg × (1 + p) ⇔ c·n·100·100 > sum₁₀₀·(100 + p)·… kept exact by
 * comparing c × count × 100 × 100 with sumHundredths × percent.
 */
function deviation(m3: number, ref: Reference, rules: DeviationRules): 'up' | 'down' | null {
  let upperPct: number
  let lowerPct: number
  if (ref.source === 'own') {
    // average ≥ 40 m³ ⇔ sumHundredths ≥ 40 × 100 × count
    const isHigh = ref.sumHundredths >= rules.highAverageM3 * 100 * ref.count
    const pct = isHigh ? rules.highAveragePct : rules.lowAveragePct
    upperPct = 100 + pct
    lowerPct = 100 - pct
  } else {
    upperPct = rules.categoryUpperPct
    lowerPct = rules.categoryLowerPct
  }
  const scaled = m3 * ref.count * 100 * 100
  if (scaled > ref.sumHundredths * upperPct) return 'up'
  if (scaled < ref.sumHundredths * lowerPct) return 'down'
  return null
}

function onAverage(
  classification: Classification,
  measuredM3: number | null,
  ref: Reference | null,
  ownBasis: ConsumptionBasis,
): CriticaResult {
  const isDeviation = classification === 'significant_deviation_up' || classification === 'significant_deviation_down'
  if (!ref) {
    return { classification, measuredM3, billedM3: 0, basis: 'estimated', averageM3: null, averageSource: null, isDeviation }
  }
  return {
    classification,
    measuredM3,
    billedM3: roundedAverage(ref),
    basis: ref.source === 'own' ? ownBasis : 'category_average',
    averageM3: formatAverage(ref),
    averageSource: ref.source,
    isDeviation,
  }
}

export function classifyConsumption(input: CriticaInput): CriticaResult {
  const rules = input.rules ?? CRA_151_RULES
  const ref = referenceAverage(input)
  const measured = (m3: number, classification: Classification): CriticaResult => ({
    classification,
    measuredM3: m3,
    billedM3: m3,
    basis: 'measured',
    averageM3: ref ? formatAverage(ref) : null,
    averageSource: ref?.source ?? null,
    isDeviation: false,
  })

  // Ley 142 art. 146: no reading → own average, else similar users' average.
  if (input.currentReading === null || input.previousReading === null) {
    return onAverage('no_reading', null, ref, 'estimated')
  }
  const diff = readingDifference(input.previousReading, input.currentReading, input.meterDigits)
  if (diff.kind === 'negative') return onAverage('negative', null, ref, 'average')
  if (diff.kind === 'rollover') return measured(diff.m3, 'rollover')
  if (diff.m3 === 0) return measured(0, 'zero')
  const direction = ref ? deviation(diff.m3, ref, rules) : null
  if (direction === 'up') return onAverage('significant_deviation_up', diff.m3, ref, 'average')
  if (direction === 'down') return onAverage('significant_deviation_down', diff.m3, ref, 'average')
  return measured(diff.m3, 'normal')
}
