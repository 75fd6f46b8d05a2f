/**
 * Who receives deadline and silencio alerts: the coordinators (those without an area scope, or scoped to the case's
 * área de prestación) and the leaders of that área (DESIGN.md: area leaders have the coordinator's tasks, scoped), and
 * the legal department. Only active staff with an email. Links in emails sent by jobs use APP_ORIGIN.
 */
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { users } from '../../db/schema/auth'
import { UTILITY } from '../../emails/components/identity'

export type Recipient = { userId: string; email: string; fullName: string }

/** The origin printed in links of emails sent without a request (jobs). */
export function jobOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return env.APP_ORIGIN?.replace(/\/+$/, '') || UTILITY.website
}

async function activeStaff(tx: DbOrTx, where: SQL | undefined): Promise<Recipient[]> {
  return tx
    .select({ userId: users.id, email: users.email, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.isActive, true), where))
    .orderBy(users.email)
}

/** Coordinators of the case's área; with `withLeaders` (alerts), also its area leaders, who cannot approve. */
export function coordinatorsFor(
  tx: DbOrTx,
  areaId: string | null,
  { withLeaders = true }: { withLeaders?: boolean } = {},
): Promise<Recipient[]> {
  const coordinators = and(
    eq(users.role, 'coordinator'),
    areaId ? or(isNull(users.serviceAreaId), eq(users.serviceAreaId, areaId)) : isNull(users.serviceAreaId),
  )
  const leaders =
    areaId && withLeaders ? and(eq(users.role, 'area_leader'), eq(users.serviceAreaId, areaId)) : undefined
  return activeStaff(tx, leaders ? or(coordinators, leaders) : coordinators)
}

export function legalStaff(tx: DbOrTx): Promise<Recipient[]> {
  return activeStaff(tx, eq(users.role, 'legal'))
}

export function usersById(tx: DbOrTx, ids: string[]): Promise<Recipient[]> {
  return ids.length === 0 ? Promise.resolve([]) : activeStaff(tx, inArray(users.id, ids))
}
