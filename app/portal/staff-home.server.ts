/** Read model of the staff home (/gestion): accounts per área de prestación, limited to the user's area if scoped. */
import { asc, count, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { accounts, premises, serviceAreas, zones } from '../../db/schema'

export type AreaAccountCount = { id: string; name: string; municipality: string; accounts: number }

export async function countAccountsByArea(
  db: DbOrTx,
  scope: { serviceAreaId: string | null },
): Promise<AreaAccountCount[]> {
  const query = db
    .select({
      id: serviceAreas.id,
      name: serviceAreas.name,
      municipality: serviceAreas.municipality,
      accounts: count(accounts.id),
    })
    .from(serviceAreas)
    .leftJoin(zones, eq(zones.serviceAreaId, serviceAreas.id))
    .leftJoin(premises, eq(premises.zoneId, zones.id))
    .leftJoin(accounts, eq(accounts.premiseId, premises.id))
    .groupBy(serviceAreas.id, serviceAreas.name, serviceAreas.municipality)
    .orderBy(asc(serviceAreas.name))
  const rows = scope.serviceAreaId ? await query.where(eq(serviceAreas.id, scope.serviceAreaId)) : await query
  return rows.map((r) => ({ ...r, accounts: Number(r.accounts) }))
}
