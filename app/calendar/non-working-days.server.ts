/**
 * The holiday set every deadline uses: national holidays from the library, plus company non-working days, minus
 * working-day corrections (colombia-rules.md §4). Company days are edited by admins through
 * app/settings/company-days.server.ts (audited there: calendar sits before trail in the dependency order).
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import type { IsoDate } from '~/utils/format'
import { users } from '../../db/schema/auth'
import { companyCalendarDays, type CalendarDayKind } from '../../db/schema/calendar'
import { colombianHolidaysBetween, colombianHolidaysWithNames } from './holidays'

/** National holidays and company days in [from, to] (inclusive), as one set for the business-day functions. */
export async function loadHolidaySet(
  dbOrTx: DbOrTx,
  range: { from: IsoDate; to: IsoDate },
): Promise<ReadonlySet<IsoDate>> {
  const set = new Set(colombianHolidaysBetween(range.from, range.to))
  const company = await dbOrTx
    .select({ day: companyCalendarDays.day, kind: companyCalendarDays.kind })
    .from(companyCalendarDays)
    .where(and(gte(companyCalendarDays.day, range.from), lte(companyCalendarDays.day, range.to)))
  for (const row of company) {
    if (row.kind === 'working') set.delete(row.day)
    else set.add(row.day)
  }
  return set
}

export type CalendarYearView = {
  national: { date: IsoDate; name: string; correctedAsWorking: boolean }[]
  company: {
    id: string
    day: IsoDate
    kind: CalendarDayKind
    reason: string
    createdByName: string | null
    createdAt: string
  }[]
}

/** What the admin page shows for one year. */
export async function getCalendarYear(dbOrTx: DbOrTx, year: number): Promise<CalendarYearView> {
  const company = await dbOrTx
    .select({
      id: companyCalendarDays.id,
      day: companyCalendarDays.day,
      kind: companyCalendarDays.kind,
      reason: companyCalendarDays.reason,
      createdByName: users.fullName,
      createdAt: companyCalendarDays.createdAt,
    })
    .from(companyCalendarDays)
    .leftJoin(users, eq(users.id, companyCalendarDays.createdBy))
    .where(and(gte(companyCalendarDays.day, `${year}-01-01`), lte(companyCalendarDays.day, `${year}-12-31`)))
    .orderBy(asc(companyCalendarDays.day))
  const corrected = new Set(company.filter((c) => c.kind === 'working').map((c) => c.day))
  return {
    national: colombianHolidaysWithNames(year).map((h) => ({
      ...h,
      correctedAsWorking: corrected.has(h.date),
    })),
    company: company.map((c) => ({
      ...c,
      createdByName: c.createdByName ?? null,
      createdAt: c.createdAt.toISOString(),
    })),
  }
}

/** Whether the library lists `day` as a national holiday. */
export function isNationalHoliday(day: IsoDate): boolean {
  return colombianHolidaysBetween(day, day).length > 0
}
