/**
 * Meter readings with realistic variation: mean consumption by use and estrato, a climate factor per area,
 * seasonality (dry seasons Dec–Mar and Jul–Aug), per-household propensity, monthly noise, and a few special
 * patterns: leaks (big jumps), vacant premises (zero consumption), unread meters (null value + anomaly code)
 * and register rollover.
 */
import type { NewReading } from '../../schema/readings'
import type { IsoDate } from '../dates'
import type { ReadingAnomaly } from '../catalog'
import type { Rng } from '../random'
import type { UseClass } from './premise'

export type ReadingRow = NewReading & { value: number | null; anomalyCode: ReadingAnomaly | null }
export type ReadingPeriod = { id: string; readingOn: IsoDate; startsOn: IsoDate; months: 1 | 2 }
export type ConsumptionPattern = 'normal' | 'leak' | 'vacant'

export type ConsumptionProfile = { monthlyMean: number; pattern: ConsumptionPattern; eventAt: number; eventLength: number }

const RESIDENTIAL_MEAN = [10, 12, 13, 15, 18, 22] as const // m³ per month, estratos 1–6
const OTHER_MEAN: Record<Exclude<UseClass, 'residential'>, number> = { commercial: 22, industrial: 140, official: 70, special: 45 }
// Index 0 = January. Colombia's dry seasons raise use; rainy April–May and October–November lower it.
const SEASONALITY = [1.08, 1.1, 1.05, 0.96, 0.94, 0.98, 1.06, 1.08, 1.0, 0.95, 0.94, 1.03] as const

export function buildConsumptionProfile(
  rng: Rng,
  use: { useClass: UseClass; estrato: number | null; units: number; climateFactor: number; pattern?: ConsumptionPattern },
  periodCount: number,
): ConsumptionProfile {
  const base = use.useClass === 'residential' ? RESIDENTIAL_MEAN[(use.estrato ?? 2) - 1] ?? 12 : OTHER_MEAN[use.useClass]
  const propensity = Math.exp(rng.normal(0, use.useClass === 'residential' ? 0.3 : 0.6))
  const pattern = use.pattern ?? rng.weighted([['normal', 97], ['leak', 1], ['vacant', 2]] as const)
  return {
    monthlyMean: base * use.units * use.climateFactor * propensity,
    pattern,
    eventAt: rng.int(Math.min(3, periodCount - 1), periodCount - 1),
    eventLength: pattern === 'vacant' ? rng.int(2, periodCount) : rng.int(1, 2),
  }
}

function consumptionFor(rng: Rng, profile: ConsumptionProfile, period: ReadingPeriod, k: number): { m3: number; anomaly: ReadingAnomaly | null } {
  const month = Number(period.startsOn.slice(5, 7)) - 1
  let m3 = 0
  for (let i = 0; i < period.months; i++) m3 += profile.monthlyMean * (SEASONALITY[(month + i) % 12] ?? 1) * (1 + rng.normal(0, 0.12))
  const inEvent = k >= profile.eventAt && k < profile.eventAt + profile.eventLength
  if (profile.pattern === 'vacant' && inEvent) return { m3: 0, anomaly: rng.bool(0.3) ? 'PD' : null }
  if (profile.pattern === 'leak' && inEvent) return { m3: Math.round(m3 * rng.int(3, 6)), anomaly: rng.bool(0.3) ? 'FV' : null }
  return { m3: Math.max(0, Math.round(m3)), anomaly: null }
}

const MISSING = [['PC', 5], ['IA', 2], ['MI', 2], ['MD', 1]] as const

export type ReadingSeriesBuild = {
  meterId: string
  accountId: string
  periods: readonly ReadingPeriod[] // oldest first; the first is the opening reading
  profile: ConsumptionProfile
  dialDigits: number
  startValue: number
  today: IsoDate
  readers: readonly string[]
  /** When set, reading k gets id rng.orderedUuid(idBase + k); otherwise the database draws one. */
  idBase?: number
}

export function buildReadingSeries(rng: Rng, b: ReadingSeriesBuild): ReadingRow[] {
  const modulus = 10 ** b.dialDigits
  let register = b.startValue % modulus
  const reader = rng.pick(b.readers)
  const rows: ReadingRow[] = []
  for (let k = 0; k < b.periods.length; k++) {
    const period = b.periods[k] as ReadingPeriod
    let value: number | null = register
    let anomalyCode: ReadingAnomaly | null = null
    if (k > 0) {
      const drawn = consumptionFor(rng, b.profile, period, k - 1)
      register = (register + drawn.m3) % modulus // the register wraps to 0 (rollover)
      value = register
      anomalyCode = drawn.anomaly
      if (rng.next() < 0.015) {
        value = null
        anomalyCode = rng.weighted(MISSING)
      }
    }
    const readOn = period.readingOn < b.today ? period.readingOn : b.today
    const id = b.idBase === undefined ? undefined : rng.orderedUuid(b.idBase + k)
    rows.push({ ...(id ? { id } : {}), meterId: b.meterId, accountId: b.accountId, periodId: period.id, value, readOn, readerCode: reader, anomalyCode, source: 'seed' })
  }
  return rows
}

