/**
 * The holiday set every deadline uses: national holidays from the library, plus company non-working days, minus
 * working-day corrections (colombia-rules.md §4). Company days are edited by admins and audited with recordTrail.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import { db, type DbOrTx } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import type { IsoDate } from '~/utils/format'
import { users } from '../../db/schema/auth'
import { companyCalendarDays, type CalendarDayKind } from '../../db/schema/calendar'
import { colombianHolidaysBetween, colombianHolidaysWithNames } from './holidays'

export type CalendarErrorCode =
  'calendar/duplicate_day' | 'calendar/not_a_holiday' | 'calendar/already_holiday' | 'calendar/not_found'
type Actor = { userId: string }
type Meta = { requestId?: string | null; ip?: string | null; now?: Date }

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

function isNationalHoliday(day: IsoDate): boolean {
  return colombianHolidaysBetween(day, day).length > 0
}

/**
 * Adds a company rule for one date. A non-working day must not already be a national holiday; a working-day
 * correction must fall on one (it removes a date the library lists by mistake or after a repeal).
 */
export async function addCompanyDay(
  input: { day: IsoDate; kind: CalendarDayKind; reason: string },
  actor: Actor,
  meta: Meta = {},
): Promise<Result<{ id: string }, DomainError<CalendarErrorCode>>> {
  const holiday = isNationalHoliday(input.day)
  if (input.kind === 'non_working' && holiday) {
    return fail(
      new DomainError(
        'calendar/already_holiday',
        'Esa fecha ya es festivo nacional: no hace falta agregarla.',
      ),
    )
  }
  if (input.kind === 'working' && !holiday) {
    return fail(
      new DomainError(
        'calendar/not_a_holiday',
        'Solo se puede corregir como hábil una fecha que figure como festivo nacional.',
      ),
    )
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(companyCalendarDays)
      .values({ day: input.day, kind: input.kind, reason: input.reason, createdBy: actor.userId })
      .onConflictDoNothing({ target: companyCalendarDays.day })
      .returning({ id: companyCalendarDays.id })
    if (!row)
      return fail(
        new DomainError(
          'calendar/duplicate_day',
          'Ya hay una regla para esa fecha. Elimínela primero si quiere cambiarla.',
        ),
      )
    await recordTrail(tx, {
      entityType: 'calendar_day',
      entityId: row.id,
      action: 'calendar.day_added',
      actor: { kind: 'user', userId: actor.userId },
      summary: { after: input },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: meta.now,
    })
    return ok({ id: row.id })
  })
}

export async function removeCompanyDay(
  input: { id: string },
  actor: Actor,
  meta: Meta = {},
): Promise<Result<{ id: string }, DomainError<CalendarErrorCode>>> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(companyCalendarDays).where(eq(companyCalendarDays.id, input.id)).returning()
    if (!row)
      return fail(
        new DomainError('calendar/not_found', 'Ese día ya no existe: quizá otra persona lo eliminó.'),
      )
    await recordTrail(tx, {
      entityType: 'calendar_day',
      entityId: row.id,
      action: 'calendar.day_removed',
      actor: { kind: 'user', userId: actor.userId },
      summary: { before: { day: row.day, kind: row.kind, reason: row.reason } },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: meta.now,
    })
    return ok({ id: row.id })
  })
}
