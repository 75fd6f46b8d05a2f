import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod, releaseConsumption } from '~/billing/ledger/test-fixtures.server'
import { db } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { users } from '../../db/schema/auth'
import { invoices } from '../../db/schema/ledger'
import { billingPeriods } from '../../db/schema/readings'
import { loader as homeLoader } from './gestion.facturacion._index'
import { action as runAction, loader as runLoader } from './gestion.facturacion.liquidaciones.$runId'
import { action as startAction, loader as listLoader } from './gestion.facturacion.liquidaciones._index'

let where: { areaId: string; zoneId: string; cycleId: string }
let periodId: string
let leader: string
let coordinator: string

async function staff(role: 'coordinator' | 'area_leader', email: string) {
  const [user] = await db.insert(users).values({ email, fullName: `Persona ${role}`, role }).returning()
  return (await createSession(user!.id)).split(';')[0]!
}

beforeAll(async () => {
  where = await insertArea(db, { band: 'from_1000_to_2000' })
  await insertApprovedTariff(db, where.areaId)
  periodId = await insertPeriod(db, where.cycleId, '2026-03')
  for (const [i, c] of ([{ estrato: 1 }, { estrato: 3 }, { estrato: 5 }, { useClass: 'commercial' }] as const).entries()) {
    await releaseConsumption(db, await insertAccount(db, where, c), periodId, 8 + i * 6)
  }
  leader = await staff('area_leader', 'lider.liq@example.com')
  coordinator = await staff('coordinator', 'coord.liq@example.com')
})

const request = (url: string, cookie: string, body?: Record<string, string>) =>
  new Request(`http://localhost${url}`, {
    method: body ? 'POST' : 'GET',
    headers: { cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: body ? new URLSearchParams(body) : undefined,
  })
const ctx = { requestId: 'req-liq', ip: '127.0.0.1' }

test('start a liquidation from the page, follow the job, read the control report, then issue with confirmation', async () => {
  const list = '/gestion/facturacion/liquidaciones'
  const bad = await startAction({ request: request(list, leader, { periodId: 'x' }), params: {}, context: ctx })
  expect((bad as { data: { message: string } }).data.message).toBe('Elija el periodo que va a liquidar.')

  const started = (await startAction({ request: request(list, leader, { periodId, zoneId: '' }), params: {}, context: ctx })) as Response
  expect(started.status).toBe(302)
  const runId = started.headers.get('location')!.split('/').pop()!
  const url = `${list}/${runId}`
  const queued = await runLoader({ request: request(url, leader), params: { runId }, context: ctx })
  expect(queued.run.job?.status).toBe('queued')
  expect(queued.report).toBeNull()

  await drainJobs({ db })
  const view = await runLoader({ request: request(url, leader), params: { runId }, context: ctx })
  expect(view.run.status).toBe('draft')
  expect(view.run.job).toMatchObject({ status: 'succeeded', progressDone: 4, progressTotal: 4 })
  const report = view.report!
  expect(report.totals.invoices).toBe(4)
  expect(Number(report.totals.currentCharges)).toBeGreaterThan(0)
  expect(report.totals.solidarityBalance).toBe((Number(report.totals.contributions) - Number(report.totals.subsidies)).toFixed(2))
  expect(view.canIssue).toBe(false)
  const listed = await listLoader({ request: request(list, leader), params: {}, context: ctx })
  expect(listed.runs.map((r) => [r.id, r.status, r.invoices])).toEqual([[runId, 'draft', 4]])

  // The area leader lacks 'billing:approve'; the coordinator must confirm.
  await expect(runAction({ request: request(url, leader, { intent: 'issue', confirm: 'si' }), params: { runId }, context: ctx })).rejects.toMatchObject({ status: 403 })
  const unconfirmed = await runAction({ request: request(url, coordinator, { intent: 'issue' }), params: { runId }, context: ctx })
  expect((unconfirmed as { data: { message: string } }).data.message).toMatch(/confirmar/)
  const issued = (await runAction({ request: request(url, coordinator, { intent: 'issue', confirm: 'si' }), params: { runId }, context: ctx })) as Response
  expect(issued.status).toBe(302)
  const after = await runLoader({ request: request(url, coordinator), params: { runId }, context: ctx })
  expect(after.run.status).toBe('issued')
  expect(after.report!.totals.totalToPay).toBe(report.totals.totalToPay)
  const rows = await db.select({ status: invoices.status }).from(invoices).where(eq(invoices.periodId, periodId))
  expect(rows.map((r) => r.status)).toEqual(['issued', 'issued', 'issued', 'issued'])
  const [period] = await db.select({ status: billingPeriods.status }).from(billingPeriods).where(eq(billingPeriods.id, periodId))
  expect(period!.status).toBe('issued')
  const again = await runAction({ request: request(url, coordinator, { intent: 'issue', confirm: 'si' }), params: { runId }, context: ctx })
  expect((again as { data: { message: string } }).data.message).toMatch(/borrador/)

  const home = await homeLoader({ request: request('/gestion/facturacion', leader), params: {}, context: ctx })
  const cycle = home.cycles.find((c) => c.id === where.cycleId)!
  expect(cycle.periods.find((p) => p.id === periodId)).toMatchObject({ status: 'issued', runStatus: 'issued' })
})
