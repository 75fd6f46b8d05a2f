import { sql } from 'drizzle-orm'
import { beforeEach, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db, rows } from '~/db.server'
import { enqueueJob } from '~/jobs/enqueue.server'
import { getSetting } from '~/settings/read.server'
import { todayInBogota } from '~/utils/format'
import { users, type Role } from '../../db/schema'
import { action as settingsAction, loader as settingsLoader } from './gestion.ajustes'
import { loader as mailboxLoader } from './dev.correo'
import { loader as jobsLoader } from './gestion.tareas'
import { loader as jobLoader } from './gestion.tareas.$jobId'

const context = { requestId: 'req-1', ip: '10.1.2.3' }

async function cookieFor(role: Role) {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${Math.random()}@example.com`, fullName: `Persona ${role}`, role })
    .returning()
  return (await createSession(user!.id)).split(';')[0]!
}

function post(cookie: string, fields: Record<string, string>) {
  return new Request('http://localhost/gestion/ajustes', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
}

function tomorrow() {
  const [y, m, d] = todayInBogota().split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10)
}

beforeEach(async () => {
  await db.execute(sql`truncate settings, audit_trail, audit_trail_heads, jobs cascade`)
})

test('an admin schedules a new value from the form; it is stored and audited with request id and IP', async () => {
  const cookie = await cookieFor('admin')
  const response = (await settingsAction({
    request: post(cookie, {
      key: 'billing.arrears_interest_residential_monthly_percent',
      value: '1,25',
      effectiveFrom: tomorrow(),
      note: 'Resolución de junta 45',
    }),
    params: {},
    context,
  })) as Response
  expect(response.status).toBe(302)
  expect(await getSetting('billing.arrears_interest_residential_monthly_percent', { on: tomorrow() })).toBe(
    '1.25',
  )
  const trail = await rows<{ request_id: string; ip: string }>(
    db,
    sql`select request_id, ip from audit_trail`,
  )
  expect(trail).toEqual([{ request_id: 'req-1', ip: '10.1.2.3' }])
  const page = await settingsLoader({
    request: new Request('http://localhost/gestion/ajustes', { headers: { cookie } }),
    params: {},
    context,
  })
  const row = page.settings.find((s) => s.key === 'billing.arrears_interest_residential_monthly_percent')
  expect(row).toMatchObject({ confirmed: false, current: { display: '0,5 %', effectiveFrom: null } })
  expect(row?.scheduled).toEqual([
    { display: '1,25 %', effectiveFrom: tomorrow(), note: 'Resolución de junta 45' },
  ])
})

test('a value outside the legal cap gets a Spanish message next to the field and changes nothing', async () => {
  const cookie = await cookieFor('admin')
  const result = (await settingsAction({
    request: post(cookie, {
      key: 'service.periods_before_suspension_monthly',
      value: '4',
      effectiveFrom: tomorrow(),
      note: 'Prueba de tope',
    }),
    params: {},
    context,
  })) as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
  expect(result.init.status).toBe(422)
  expect(result.data.result.error.value).toEqual(['No puede ser mayor que 3.'])
  expect(await rows(db, sql`select 1 from settings`)).toHaveLength(0)
})

test('staff without settings:manage are refused', async () => {
  const cookie = await cookieFor('agent')
  const refused = await settingsLoader({
    request: new Request('http://localhost/gestion/ajustes', { headers: { cookie } }),
    params: {},
    context,
  }).catch((e: unknown) => e)
  expect((refused as Response).status).toBe(403)
})

test('the job resource route returns a job’s progress as JSON, and 404 for an unknown job', async () => {
  const cookie = await cookieFor('collections')
  const { id } = await enqueueJob(db, { kind: 'mail.deliver' })
  await db.execute(
    sql`update jobs set progress_done = 4, progress_total = 9, progress_message = 'Enviando' where id = ${id}`,
  )
  const request = (jobId: string) =>
    new Request(`http://localhost/gestion/tareas/${jobId}`, { headers: { cookie } })
  const response = await jobLoader({ request: request(id), params: { jobId: id }, context })
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({
    id,
    status: 'queued',
    progressDone: 4,
    progressTotal: 9,
    progressMessage: 'Enviando',
  })
  const missing = await jobLoader({ request: request('nope'), params: { jobId: 'nope' }, context })
  expect(missing.status).toBe(404)
})

test('the jobs page lists jobs newest first, 25 per page', async () => {
  const cookie = await cookieFor('admin')
  for (let i = 0; i < 27; i++) await enqueueJob(db, { kind: 'mail.deliver', payload: { i } })
  const request = (page: number) =>
    new Request(`http://localhost/gestion/tareas?page=${page}`, { headers: { cookie } })
  const first = await jobsLoader({ request: request(1), params: {}, context })
  expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 })
  expect(first.rows).toHaveLength(25)
  const second = await jobsLoader({ request: request(2), params: {}, context })
  expect(second.rows).toHaveLength(2)
})

test('the local mailbox page exists only without RESEND_API_KEY, for staff with mail:dev', async () => {
  const cookie = await cookieFor('admin')
  const request = new Request('http://localhost/dev/correo', { headers: { cookie } })
  process.env.RESEND_API_KEY = 're_x'
  const refused = await mailboxLoader({ request, params: {}, context }).catch((e: unknown) => e)
  delete process.env.RESEND_API_KEY
  expect((refused as Response).status).toBe(404)
  const page = await mailboxLoader({ request, params: {}, context })
  expect(Array.isArray(page.messages)).toBe(true)
  const agent = await cookieFor('agent')
  const forbidden = await mailboxLoader({
    request: new Request('http://localhost/dev/correo', { headers: { cookie: agent } }),
    params: {},
    context,
  }).catch((e: unknown) => e)
  expect((forbidden as Response).status).toBe(403)
})
