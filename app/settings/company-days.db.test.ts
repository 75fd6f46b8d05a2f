import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { addBusinessDays } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import { addCompanyDay, removeCompanyDay } from '~/settings/company-days.server'
import { db } from '~/db.server'
import { auditTrail, companyCalendarDays, users } from '../../db/schema'

const ctx = { requestId: 'req-cal', ip: '192.0.2.9' }
let adminId: string
const trailFor = (id: string) => db.select().from(auditTrail).where(eq(auditTrail.entityId, id))

beforeAll(async () => {
  const passwordHash = await hashPassword('clave de prueba larga')
  const [admin] = await db
    .insert(users)
    .values({ email: 'cal-admin@example.com', fullName: 'Ada Calendario', role: 'admin', passwordHash })
    .returning()
  adminId = admin!.id
})

describe('company calendar days', () => {
  test('loadHolidaySet merges national holidays with company days and working-day corrections', async () => {
    const closing = await addCompanyDay(
      { day: '2025-12-31', kind: 'non_working', reason: 'Cierre contable' },
      { userId: adminId },
      ctx,
    )
    const correction = await addCompanyDay(
      { day: '2025-11-17', kind: 'working', reason: 'Prueba de corrección' },
      { userId: adminId },
      ctx,
    )
    expect(closing.ok && correction.ok).toBe(true)
    const set = await loadHolidaySet(db, { from: '2025-11-01', to: '2026-01-31' })
    expect([...set].sort()).toEqual([
      '2025-11-03',
      '2025-12-08',
      '2025-12-25',
      '2025-12-31',
      '2026-01-01',
      '2026-01-12',
    ])
    // A 5-business-day term from 24 Dec now skips 31 Dec too.
    expect(addBusinessDays('2025-12-24', 5, set)).toBe('2026-01-05')
    if (!closing.ok || !correction.ok) return
    const [entry] = await trailFor(closing.value.id)
    expect(entry).toMatchObject({ action: 'calendar.day_added', actorUserId: adminId, requestId: 'req-cal' })
    await removeCompanyDay({ id: correction.value.id }, { userId: adminId }, ctx)
    expect(await loadHolidaySet(db, { from: '2025-11-17', to: '2025-11-17' })).toEqual(
      new Set(['2025-11-17']),
    )
    expect((await trailFor(correction.value.id)).map((t) => t.action)).toEqual([
      'calendar.day_added',
      'calendar.day_removed',
    ])
  })

  test.each([
    [{ day: '2025-12-25', kind: 'non_working' as const }, 'calendar/already_holiday'],
    [{ day: '2025-12-26', kind: 'working' as const }, 'calendar/not_a_holiday'],
    [{ day: '2025-12-31', kind: 'non_working' as const }, 'calendar/duplicate_day'],
  ])('refuses %o with %s and writes nothing', async (input, code) => {
    const before = await db.select().from(companyCalendarDays)
    const outcome = await addCompanyDay({ ...input, reason: 'Motivo' }, { userId: adminId }, ctx)
    expect(outcome.ok ? null : outcome.error.code).toBe(code)
    expect(await db.select().from(companyCalendarDays)).toHaveLength(before.length)
  })

  test('removing a day that no longer exists is a domain error', async () => {
    const outcome = await removeCompanyDay(
      { id: '00000000-0000-4000-8000-000000000000' },
      { userId: adminId },
      ctx,
    )
    expect(outcome.ok ? null : outcome.error.code).toBe('calendar/not_found')
  })
})
