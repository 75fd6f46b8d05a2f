/** The subscriber's own accounts, for /mi-cuenta. Ownership is in the WHERE clause: only ids the guard returned. */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { accounts, meters, premises, serviceAreas, zones } from '../../db/schema'
import type { AccountStatus } from '../../db/schema/premises'

export type SubscriberAccount = {
  id: string
  number: string
  status: AccountStatus
  services: string[]
  address: string
  neighborhood: string
  zone: string
  serviceArea: string
  municipality: string
  useClass: string
  estrato: number | null
  meter: { serial: string; installedOn: string } | null
}

export async function listSubscriberAccounts(db: DbOrTx, accountIds: readonly string[]): Promise<SubscriberAccount[]> {
  if (accountIds.length === 0) return []
  const result = await db
    .select({
      id: accounts.id,
      number: accounts.number,
      status: accounts.status,
      services: accounts.services,
      address: premises.address,
      neighborhood: premises.neighborhood,
      zone: zones.name,
      serviceArea: serviceAreas.name,
      municipality: serviceAreas.municipality,
      useClass: premises.useClass,
      estrato: premises.estrato,
      meterSerial: meters.serial,
      meterInstalledOn: meters.installedOn,
    })
    .from(accounts)
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .innerJoin(zones, eq(zones.id, premises.zoneId))
    .innerJoin(serviceAreas, eq(serviceAreas.id, zones.serviceAreaId))
    .leftJoin(meters, and(eq(meters.accountId, accounts.id), eq(meters.isActive, true)))
    .where(inArray(accounts.id, [...accountIds]))
    .orderBy(asc(accounts.number))

  return result.map(({ meterSerial, meterInstalledOn, ...row }) => ({
    ...row,
    services: [...row.services],
    meter: meterSerial && meterInstalledOn ? { serial: meterSerial, installedOn: meterInstalledOn } : null,
  }))
}
