/** Writes the demo service areas, zones, cycles and billing periods, and returns the context the accounts need. */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { gs1CheckDigit } from '../../app/utils/check-digits'
import { billingCycles, serviceAreas, zones } from '../schema/areas'
import { billingPeriods } from '../schema/readings'
import { buildBillingPeriods } from './builders/periods'
import type { SeedArea, SeedContext } from './builders/bundle'
import { DEMO_AREAS } from './catalog'
import type { IsoDate } from './dates'
import { createRng } from './random'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>

/** Pure: ids and periods of the demo geography for a seed and a date. */
export function buildGeography(seed: number, today: IsoDate): SeedContext {
  const rng = createRng(seed, -1)
  const areas: SeedArea[] = DEMO_AREAS.map((spec) => {
    const id = rng.uuid()
    const cycles = spec.cycles.map((c) => {
      const cycleId = rng.uuid()
      return { ...c, id: cycleId, periods: buildBillingPeriods(rng, c, { cycleId, today }) }
    })
    const zoneRows = spec.zones.map((z) => ({
      ...z,
      id: rng.uuid(),
      readerCodes: Array.from({ length: z.readers }, (_, i) => `L-${spec.code}-${z.code}-${String(i + 1).padStart(2, '0')}`),
    }))
    return { ...spec, id, zones: zoneRows, cycles }
  })
  return { seed, today, areas }
}

export async function insertGeography(db: AnyDb, ctx: SeedContext): Promise<void> {
  for (const area of ctx.areas) {
    await db.insert(serviceAreas).values({
      id: area.id,
      code: area.code,
      name: area.name,
      municipality: area.municipality,
      department: area.department,
      daneDepartment: area.daneDepartment,
      daneMunicipality: area.daneMunicipality,
      daneTown: area.daneTown,
      altitudeM: area.altitudeM,
      altitudeBand: area.altitudeBand,
      gln: area.glnBody + gs1CheckDigit(area.glnBody),
    })
    await db.insert(billingCycles).values(
      area.cycles.map((c) => ({
        id: c.id,
        serviceAreaId: area.id,
        code: c.code,
        name: c.name,
        frequency: c.frequency,
        readingDay: c.readingDay,
        issueDay: c.issueDay,
        dueDaysAfterIssue: c.dueDaysAfterIssue,
        suspensionDaysAfterDue: c.suspensionDaysAfterDue,
      })),
    )
    await db.insert(zones).values(area.zones.map((z) => ({ id: z.id, serviceAreaId: area.id, code: z.code, name: z.name })))
    await db.insert(billingPeriods).values(area.cycles.flatMap((c) => c.periods.map(({ months: _m, ...p }) => p)))
  }
}
