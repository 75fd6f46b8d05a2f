import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { createSession } from '~/auth/session.server'
import { addBusinessDays } from '~/calendar/business-days'
import { addCompanyDay, getCalendarYear, loadHolidaySet, removeCompanyDay } from '~/calendar/non-working-days.server'
import { db } from '~/db.server'
import { action, loader } from '~/routes/gestion.calendario'
import { auditTrail, companyCalendarDays, users } from '../../db/schema'

const ctx = { requestId: 'req-cal', ip: '192.0.2.9' }
let adminId: string
let adminCookie: string
let agentCookie: string
const cookieOf = (c: string) => c.split(';')[0]!
const post = (cookie: string, fields: Record<string, string>) =>
  new Request('http://localhost/gestion/calendario?anio=2025', {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { cookie: cookieOf(cookie) },
  })
const caught = (p: Promise<unknown>) => p.then((v) => v as Response, (e: unknown) => e as Response)
const trailFor = (id: string) => db.select().from(auditTrail).where(eq(auditTrail.entityId, id))

beforeAll(async () => {
  const passwordHash = await hashPassword('clave de prueba larga')
  const [admin, agent] = await db
    .insert(users)
    .values([
      { email: 'cal-admin@example.com', fullName: 'Ada Calendario', role: 'admin', passwordHash },
      { email: 'cal-agente@example.com', fullName: 'Abel Agente', role: 'agent', passwordHash },
    ])
    .returning()
  adminId = admin!.id
  adminCookie = await createSession(admin!.id)
  agentCookie = await createSession(agent!.id)
})

describe('company calendar days', () => {
  test('loadHolidaySet merges national holidays with company days and working-day corrections', async () => {
    const closing = await addCompanyDay({ day: '2025-12-31', kind: 'non_working', reason: 'Cierre contable' }, { userId: adminId }, ctx)
    const correction = await addCompanyDay({ day: '2025-11-17', kind: 'working', reason: 'Prueba de corrección' }, { userId: adminId }, ctx)
    expect(closing.ok && correction.ok).toBe(true)
    const set = await loadHolidaySet(db, { from: '2025-11-01', to: '2026-01-31' })
    expect([...set].sort()).toEqual(['2025-11-03', '2025-12-08', '2025-12-25', '2025-12-31', '2026-01-01', '2026-01-12'])
    // A 5-business-day term from 24 Dec now skips 31 Dec too.
    expect(addBusinessDays('2025-12-24', 5, set)).toBe('2026-01-05')
    if (!closing.ok || !correction.ok) return
    const [entry] = await trailFor(closing.value.id)
    expect(entry).toMatchObject({ action: 'calendar.day_added', actorUserId: adminId, requestId: 'req-cal' })
    await removeCompanyDay({ id: correction.value.id }, { userId: adminId }, ctx)
    expect(await loadHolidaySet(db, { from: '2025-11-17', to: '2025-11-17' })).toEqual(new Set(['2025-11-17']))
    expect((await trailFor(correction.value.id)).map((t) => t.action)).toEqual(['calendar.day_added', 'calendar.day_removed'])
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
    const outcome = await removeCompanyDay({ id: '00000000-0000-4000-8000-000000000000' }, { userId: adminId }, ctx)
    expect(outcome.ok ? null : outcome.error.code).toBe('calendar/not_found')
  })
})

describe('/gestion/calendario', () => {
  test('an agent gets 403 on the page and on the action', async () => {
    const get = new Request('http://localhost/gestion/calendario', { headers: { cookie: cookieOf(agentCookie) } })
    expect((await caught(loader({ request: get, params: {}, context: ctx }))).status).toBe(403)
    expect((await caught(action({ request: post(agentCookie, { intent: 'remove' }), params: {}, context: ctx }))).status).toBe(403)
  })

  test('the admin sees the national holidays (30 June once) and the company days of the year', async () => {
    const get = new Request('http://localhost/gestion/calendario?anio=2025', { headers: { cookie: cookieOf(adminCookie) } })
    const view = await loader({ request: get, params: {}, context: ctx })
    expect(view.year).toBe(2025)
    expect(view.national.filter((h) => h.date === '2025-06-30')).toHaveLength(1)
    expect(view.company.map((c) => [c.day, c.kind, c.createdByName])).toEqual([['2025-12-31', 'non_working', 'Ada Calendario']])
  })

  test('adding needs a reason and the confirmation; a valid add redirects and is stored', async () => {
    const bad = await action({ request: post(adminCookie, { intent: 'add', day: '2025-10-10', kind: 'non_working', reason: '' }), params: {}, context: ctx })
    expect(bad).toMatchObject({ init: { status: 400 } })
    const res = (await action({
      request: post(adminCookie, { intent: 'add', day: '2025-10-10', kind: 'non_working', reason: 'Día cívico', confirm: 'on' }),
      params: {},
      context: ctx,
    })) as Response
    expect(res.headers.get('location')).toBe('/gestion/calendario?anio=2025&hecho=agregado')
    const view = await getCalendarYear(db, 2025)
    expect(view.company.map((c) => c.day)).toContain('2025-10-10')
  })

  test('a duplicate date comes back as a form error with status 409', async () => {
    const res = await action({
      request: post(adminCookie, { intent: 'add', day: '2025-10-10', kind: 'non_working', reason: 'Otra vez', confirm: 'on' }),
      params: {},
      context: ctx,
    })
    expect(res).toMatchObject({ init: { status: 409 } })
  })
})
