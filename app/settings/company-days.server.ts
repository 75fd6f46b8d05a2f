/**
 * Admin edits of the company calendar (non-working days and corrections of a national holiday), audited in the
 * same transaction. Lives in settings because calendar sits before trail in the dependency order (STYLE.md §1).
 */
import { eq } from 'drizzle-orm'
import { isNationalHoliday } from '~/calendar/non-working-days.server'
import { db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import type { IsoDate } from '~/utils/format'
import { companyCalendarDays, type CalendarDayKind } from '../../db/schema/calendar'

export type CalendarErrorCode =
  'calendar/duplicate_day' | 'calendar/not_a_holiday' | 'calendar/already_holiday' | 'calendar/not_found'
type Actor = { userId: string }
type Meta = { requestId?: string | null; ip?: string | null; now?: Date }

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
