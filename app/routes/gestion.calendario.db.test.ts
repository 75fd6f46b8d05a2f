import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { createSession } from '~/auth/session.server'
import { getCalendarYear } from '~/calendar/non-working-days.server'
import { addCompanyDay } from '~/settings/company-days.server'
import { db } from '~/db.server'
import { action, loader } from '~/routes/gestion.calendario'
import { users } from '../../db/schema'

const ctx = { requestId: 'req-cal', ip: '192.0.2.9' }
let adminCookie: string
let agentCookie: string
const cookieOf = (c: string) => c.split(';')[0]!
const post = (cookie: string, fields: Record<string, string>) =>
  new Request('http://localhost/gestion/calendario?anio=2025', {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { cookie: cookieOf(cookie) },
  })
const caught = (p: Promise<unknown>) =>
  p.then(
    (v) => v as Response,
    (e: unknown) => e as Response,
  )

beforeAll(async () => {
  const passwordHash = await hashPassword('clave de prueba larga')
  const [admin, agent] = await db
    .insert(users)
    .values([
      { email: 'cal-admin@example.com', fullName: 'Ada Calendario', role: 'admin', passwordHash },
      { email: 'cal-agente@example.com', fullName: 'Abel Agente', role: 'agent', passwordHash },
    ])
    .returning()
  adminCookie = await createSession(admin!.id)
  agentCookie = await createSession(agent!.id)
  await addCompanyDay(
    { day: '2025-12-31', kind: 'non_working', reason: 'Cierre contable' },
    { userId: admin!.id },
    ctx,
  )
})

describe('/gestion/calendario', () => {
  test('an agent gets 403 on the page and on the action', async () => {
    const get = new Request('http://localhost/gestion/calendario', {
      headers: { cookie: cookieOf(agentCookie) },
    })
    expect((await caught(loader({ request: get, params: {}, context: ctx }))).status).toBe(403)
    expect(
      (await caught(action({ request: post(agentCookie, { intent: 'remove' }), params: {}, context: ctx })))
        .status,
    ).toBe(403)
  })

  test('the admin sees the national holidays (30 June once) and the company days of the year', async () => {
    const get = new Request('http://localhost/gestion/calendario?anio=2025', {
      headers: { cookie: cookieOf(adminCookie) },
    })
    const view = await loader({ request: get, params: {}, context: ctx })
    expect(view.year).toBe(2025)
    expect(view.national.filter((h) => h.date === '2025-06-30')).toHaveLength(1)
    expect(view.company.map((c) => [c.day, c.kind, c.createdByName])).toEqual([
      ['2025-12-31', 'non_working', 'Ada Calendario'],
    ])
  })

  test('adding needs a reason and the confirmation; a valid add redirects and is stored', async () => {
    const bad = await action({
      request: post(adminCookie, { intent: 'add', day: '2025-10-10', kind: 'non_working', reason: '' }),
      params: {},
      context: ctx,
    })
    expect(bad).toMatchObject({ init: { status: 400 } })
    const res = (await action({
      request: post(adminCookie, {
        intent: 'add',
        day: '2025-10-10',
        kind: 'non_working',
        reason: 'Día cívico',
        confirm: 'on',
      }),
      params: {},
      context: ctx,
    })) as Response
    expect(res.headers.get('location')).toBe('/gestion/calendario?anio=2025&hecho=agregado')
    const view = await getCalendarYear(db, 2025)
    expect(view.company.map((c) => c.day)).toContain('2025-10-10')
  })

  test('a duplicate date comes back as a form error with status 409', async () => {
    const res = await action({
      request: post(adminCookie, {
        intent: 'add',
        day: '2025-10-10',
        kind: 'non_working',
        reason: 'Otra vez',
        confirm: 'on',
      }),
      params: {},
      context: ctx,
    })
    expect(res).toMatchObject({ init: { status: 409 } })
  })

  test('removing through the confirmation form deletes the day', async () => {
    const [day] = (await getCalendarYear(db, 2025)).company.filter((c) => c.day === '2025-10-10')
    const res = (await action({
      request: post(adminCookie, { intent: 'remove', id: day!.id }),
      params: {},
      context: ctx,
    })) as Response
    expect(res.headers.get('location')).toBe('/gestion/calendario?anio=2025&hecho=eliminado')
    expect((await getCalendarYear(db, 2025)).company.map((c) => c.day)).not.toContain('2025-10-10')
  })
})
