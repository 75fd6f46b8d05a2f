/**
 * One account with everything it needs (premise, subscriber, account, meter, readings), built from its own Rng
 * stream so that account i is the same whatever the batch size. The first ten indices are fixed demo cases.
 * Ids are ordered by account index (rng.orderedUuid) so the bulk load appends to the right edge of every index.
 */
import { DEMO_AREAS, type AreaSpec, type CycleSpec, type ZoneSpec } from '../catalog'
import type { IsoDate } from '../dates'
import { createRng, type Rng } from '../random'
import { buildAccount, buildMeter, type AccountRow, type MeterRow } from './account'
import type { PeriodRow } from './periods'
import { buildPremise, type PremiseRow } from './premise'
import { buildConsumptionProfile, buildReadingSeries, type ConsumptionPattern, type ReadingRow } from './readings'
import { buildSubscriber, type SubscriberRow } from './subscriber'

export type SeedCycle = CycleSpec & { id: string; periods: PeriodRow[] }
export type SeedZone = ZoneSpec & { id: string; readerCodes: string[] }
export type SeedArea = Omit<AreaSpec, 'zones' | 'cycles'> & { id: string; zones: SeedZone[]; cycles: SeedCycle[] }
/** singleCycle: every account in the first area's first cycle (the liquidation benchmark's one 100,000-account cycle). */
export type SeedContext = { seed: number; today: IsoDate; areas: SeedArea[]; singleCycle?: boolean }

export type AccountBundle = {
  premise: PremiseRow
  subscriber: SubscriberRow | null // null when the account belongs to a subscriber built earlier
  account: AccountRow
  meter: MeterRow
  readings: ReadingRow[]
}

type Special = {
  area: string
  premise?: Partial<PremiseRow>
  subscriber?: Partial<SubscriberRow> | 'A'
  pattern?: ConsumptionPattern
  startValue?: number
}

export const DEMO_SUBSCRIBER_A = { fullName: 'Jorge Enrique Gómez Rojas', email: 'suscriptor@demo.ventanilla.test', phone: '3104567890' }
export const DEMO_SUBSCRIBER_B = { fullName: 'Diana Carolina Pérez Ramírez', email: 'suscriptora.b@demo.ventanilla.test', phone: '3157654321' }

/** Fixed cases so every demo database shows them: subscriber A's two accounts, B's, protected premises, a rollover. */
const SPECIALS: Record<number, Special> = {
  0: { area: 'ZIP', premise: { useClass: 'residential', estrato: 2 }, subscriber: { ...DEMO_SUBSCRIBER_A, documentType: 'CC', checkDigit: null, kind: 'person' } },
  1: { area: 'ZIP', premise: { useClass: 'residential', estrato: 4 }, subscriber: 'A' },
  2: { area: 'GIR', premise: { useClass: 'residential', estrato: 3 }, subscriber: { ...DEMO_SUBSCRIBER_B, documentType: 'CC', checkDigit: null, kind: 'person' } },
  3: { area: 'GIR', premise: { useClass: 'official', estrato: null, isProtected: true, protectedReason: 'Institución educativa (C-150/2003)' } },
  4: { area: 'ZIP', premise: { useClass: 'residential', estrato: 1, isProtected: true, protectedReason: 'Hogar con persona en condición de discapacidad (C-150/2003)' } },
  5: { area: 'ZIP', premise: { useClass: 'residential', estrato: 3 }, startValue: 99_975 },
  6: { area: 'GIR', premise: { useClass: 'special', estrato: null, isProtected: true, protectedReason: 'Hospital, E.S.E. (C-150/2003)' } },
  7: { area: 'ZIP', premise: { useClass: 'residential', estrato: 2 }, pattern: 'leak' },
  8: { area: 'GIR', premise: { useClass: 'residential', estrato: 3 }, pattern: 'vacant' },
  9: { area: 'ZIP', premise: { useClass: 'commercial', estrato: null } },
}

/** Subscriber A's id is its own stream so that account 1 can point at it without building account 0. */
export function demoSubscriberAId(seed: number): string {
  return createRng(seed, 2_000_000_000).uuid()
}

function pickPlace(rng: Rng, ctx: SeedContext, areaCode?: string) {
  if (ctx.singleCycle) {
    const area = ctx.areas[0] as SeedArea
    return { area, zone: rng.pick(area.zones), cycle: area.cycles[0] as SeedCycle }
  }
  const area = areaCode
    ? (ctx.areas.find((a) => a.code === areaCode) as SeedArea)
    : rng.weighted(ctx.areas.map((a) => [a, a.share] as const))
  const zone = rng.pick(area.zones)
  const cycle = area.cycles.find((c) => c.code === zone.cycle) as SeedCycle
  return { area, zone, cycle }
}

export function buildAccountBundle(ctx: SeedContext, index: number): AccountBundle {
  const rng = createRng(ctx.seed, index)
  const special = SPECIALS[index]
  const { area, zone, cycle } = pickPlace(rng, ctx, special?.area)
  const premise = buildPremise(
    rng,
    { zoneId: zone.id, cycleId: cycle.id, routeOrder: (index + 1) * 10, isRural: zone.isRural, neighborhoods: zone.neighborhoods },
    { id: rng.orderedUuid(index), ...special?.premise },
  )
  const isDemoA = special?.subscriber === 'A'
  const subscriber = isDemoA
    ? null
    : buildSubscriber(
        rng,
        { index, asCompany: premise.useClass === 'residential' ? undefined : premise.useClass },
        index === 0
          ? { ...(special?.subscriber as object), id: demoSubscriberAId(ctx.seed) }
          : { id: rng.orderedUuid(index), ...(special?.subscriber as Partial<SubscriberRow>) },
      )
  const firstPeriod = cycle.periods[0] as PeriodRow
  const account = buildAccount(rng, {
    index,
    prefix: area.accountPrefix,
    premiseId: premise.id,
    subscriberId: subscriber?.id ?? demoSubscriberAId(ctx.seed),
    openedBefore: firstPeriod.startsOn,
    isRural: zone.isRural,
  }, { id: rng.orderedUuid(index) })
  const large = premise.useClass === 'industrial' || premise.useClass === 'official' || premise.useClass === 'special'
  const meter = buildMeter(
    rng,
    { index, accountId: account.id, openedOn: account.openedOn, installedBefore: firstPeriod.startsOn, large },
    { id: rng.orderedUuid(index) },
  )
  const profile = buildConsumptionProfile(
    rng,
    { useClass: premise.useClass, estrato: premise.estrato ?? null, units: premise.units ?? 1, climateFactor: area.consumptionFactor, pattern: special?.pattern },
    cycle.periods.length - 1,
  )
  const readings = buildReadingSeries(rng, {
    meterId: meter.id,
    accountId: account.id,
    periods: cycle.periods,
    profile,
    dialDigits: meter.dialDigits,
    startValue: special?.startValue ?? rng.int(0, 4000),
    today: ctx.today,
    readers: zone.readerCodes,
    idBase: index * 16,
  })
  return { premise, subscriber, account, meter, readings }
}

export { DEMO_AREAS }
