/** Accounts (the contract) and their meters. */
import type { NewAccount, NewMeter } from '../../schema/premises'
import { addDays, fromDate, toDate, type IsoDate } from '../dates'
import { METER_BRANDS } from '../catalog'
import type { Rng } from '../random'

export type AccountRow = NewAccount & { id: string }
export type MeterRow = NewMeter & { id: string; dialDigits: number; installedOn: IsoDate }

export function accountNumber(prefix: string, index: number): string {
  return `${prefix}${String(index + 1).padStart(7, '0')}`
}

function dateBetween(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  const a = toDate(from).getTime()
  const b = toDate(to).getTime()
  return fromDate(new Date(a + Math.floor(rng.next() * Math.max(1, (b - a) / 86_400_000)) * 86_400_000))
}

export type AccountBuild = { index: number; prefix: string; premiseId: string; subscriberId: string; openedBefore: IsoDate; isRural?: boolean }

export function buildAccount(rng: Rng, build: AccountBuild, overrides: Partial<AccountRow> = {}): AccountRow {
  const services: AccountRow['services'] = build.isRural
    ? rng.bool(0.7) ? ['acueducto', 'aseo'] : ['acueducto']
    : rng.bool(0.97) ? ['acueducto', 'alcantarillado', 'aseo'] : ['acueducto', 'aseo']
  return {
    id: rng.uuid(),
    number: accountNumber(build.prefix, build.index),
    premiseId: build.premiseId,
    subscriberId: build.subscriberId,
    services,
    status: 'active',
    openedOn: dateBetween(rng, '1995-01-01', addDays(build.openedBefore, -30)),
    ...overrides,
  }
}

export type MeterBuild = { index: number; accountId: string; openedOn: IsoDate; installedBefore: IsoDate; large?: boolean }

/** Meters are verified every 5 years or so; a fraction are overdue, which the meter-check queue shows. */
export function buildMeter(rng: Rng, build: MeterBuild, overrides: Partial<MeterRow> = {}): MeterRow {
  const installedOn = dateBetween(rng, build.openedOn > '2012-01-01' ? build.openedOn : '2012-01-01', addDays(build.installedBefore, -1))
  const lastVerifiedOn = rng.bool(0.7) ? dateBetween(rng, installedOn, addDays(build.installedBefore, -1)) : installedOn
  const year = installedOn.slice(2, 4)
  return {
    id: rng.uuid(),
    accountId: build.accountId,
    serial: `${year}M${String(build.index + 1).padStart(8, '0')}`,
    brand: rng.pick(METER_BRANDS),
    diameterIn: build.large ? rng.pick(['1', '1 1/2', '2']) : rng.weighted([['1/2', 9], ['3/4', 1]] as const),
    dialDigits: 5,
    installedOn,
    lastVerifiedOn,
    nextVerificationOn: `${Number(lastVerifiedOn.slice(0, 4)) + 5}${lastVerifiedOn.slice(4)}`.replace('-02-29', '-02-28'),
    isActive: true,
    ...overrides,
  }
}
