/**
 * Test factories for the billing domain, built on the seed's pure builders (db/seed/builders). `build*` returns a
 * plain row; `insert*` writes it and returns the inserted row. Each call draws from its own Rng stream, so calls
 * in one test never collide on unique columns.
 */
import { gs1CheckDigit } from '~/utils/check-digits'
import type { DbOrTx } from '~/db.server'
import { billingCycles, serviceAreas, zones, type BillingCycle, type ServiceArea, type Zone } from '../../db/schema/areas'
import { accounts, meters, premises, subscribers, type Account, type Meter, type Premise, type Subscriber } from '../../db/schema/premises'
import { buildAccount, buildMeter, type AccountRow, type MeterRow } from '../../db/seed/builders/account'
import { buildPremise, type PremiseRow } from '../../db/seed/builders/premise'
import { buildSubscriber, type SubscriberBuild, type SubscriberRow } from '../../db/seed/builders/subscriber'
import { createRng } from '../../db/seed/random'

let stream = 0
/** A fresh deterministic Rng per call (seeded, so a failing test reruns with the same data). */
export function factoryRng() {
  stream += 1
  return createRng(4242, 1_000_000 + stream)
}
const nextIndex = () => 500_000 + stream

export function buildServiceArea(overrides: Partial<ServiceArea> = {}): typeof serviceAreas.$inferInsert {
  const rng = factoryRng()
  const glnBody = `7709998${String(rng.int(10_000, 99_999))}`
  return {
    code: `T${stream}`,
    name: `Área de prueba ${stream}`,
    municipality: 'Zipaquirá',
    department: 'Cundinamarca',
    daneDepartment: '25',
    daneMunicipality: '25899',
    daneTown: '25899000',
    altitudeM: 2650,
    altitudeBand: 'above_2000',
    gln: glnBody + gs1CheckDigit(glnBody),
    ...overrides,
  }
}

export async function insertServiceArea(db: DbOrTx, overrides: Partial<ServiceArea> = {}): Promise<ServiceArea> {
  const [row] = await db.insert(serviceAreas).values(buildServiceArea(overrides)).returning()
  return row as ServiceArea
}

export async function insertZone(db: DbOrTx, overrides: Partial<Zone> & { serviceAreaId: string }): Promise<Zone> {
  const [row] = await db.insert(zones).values({ code: `Z${stream++}`, name: 'Zona de prueba', ...overrides }).returning()
  return row as Zone
}

export async function insertBillingCycle(db: DbOrTx, overrides: Partial<BillingCycle> & { serviceAreaId: string }): Promise<BillingCycle> {
  const values = { code: `C${stream++}`, name: 'Ciclo de prueba', frequency: 'monthly' as const, readingDay: 5, issueDay: 10, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 10 }
  const [row] = await db.insert(billingCycles).values({ ...values, ...overrides }).returning()
  return row as BillingCycle
}

/** `build.asCompany` makes a company with a NIT (e.g. `{ asCompany: 'industrial' }`). */
export async function insertSubscriber(db: DbOrTx, overrides: Partial<SubscriberRow> = {}, build: SubscriberBuild = {}): Promise<Subscriber> {
  const [row] = await db.insert(subscribers).values(buildSubscriber(factoryRng(), { index: nextIndex(), ...build }, overrides)).returning()
  return row as Subscriber
}

export type AccountGraph = {
  area: ServiceArea
  zone: Zone
  cycle: BillingCycle
  premise: Premise
  subscriber: Subscriber
  account: Account
  meter: Meter
}

/**
 * An account with its premise, subscriber and active meter; creates an area, zone and cycle unless given.
 * e.g. `insertAccount(db, { premise: { useClass: 'residential', estrato: 2 } })`.
 */
export async function insertAccount(
  db: DbOrTx,
  overrides: {
    area?: ServiceArea
    zone?: Zone
    cycle?: BillingCycle
    subscriber?: Subscriber
    premise?: Partial<PremiseRow>
    account?: Partial<AccountRow>
    meter?: Partial<MeterRow>
  } = {},
): Promise<AccountGraph> {
  const area = overrides.area ?? (await insertServiceArea(db))
  const zone = overrides.zone ?? (await insertZone(db, { serviceAreaId: area.id }))
  const cycle = overrides.cycle ?? (await insertBillingCycle(db, { serviceAreaId: area.id }))
  const subscriber = overrides.subscriber ?? (await insertSubscriber(db))
  const rng = factoryRng()
  const index = nextIndex()
  const premiseRow = buildPremise(rng, { zoneId: zone.id, cycleId: cycle.id, routeOrder: index }, overrides.premise)
  const [premise] = await db.insert(premises).values(premiseRow).returning()
  const accountRow = buildAccount(
    rng,
    { index, prefix: '9', premiseId: premiseRow.id, subscriberId: subscriber.id, openedBefore: '2024-01-01' },
    overrides.account,
  )
  const [account] = await db.insert(accounts).values(accountRow).returning()
  const meterRow = buildMeter(rng, { index, accountId: accountRow.id, openedOn: accountRow.openedOn, installedBefore: '2024-01-01' }, overrides.meter)
  const [meter] = await db.insert(meters).values(meterRow).returning()
  return { area, zone, cycle, premise: premise as Premise, subscriber, account: account as Account, meter: meter as Meter }
}
