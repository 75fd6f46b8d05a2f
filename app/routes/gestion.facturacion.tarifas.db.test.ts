import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { createTariffDraft } from '~/billing/tariffs/draft.server'
import { demoTariffValues } from '~/billing/tariffs/demo-values'
import { db } from '~/db.server'
import { users } from '../../db/schema/auth'
import { tariffVersions } from '../../db/schema/tariffs'
import { insertBillingCycle, type CycleFixture } from '../../tests/factories/billing-cycle'
import { action as approveAction, loader as versionLoader } from './gestion.facturacion.tarifas.$versionId'
import { loader as compareLoader } from './gestion.facturacion.tarifas.comparar'

let fx: CycleFixture
let clerkId: string
let clerkCookie: string
let coordinatorCookie: string

async function staff(role: 'coordinator' | 'area_leader', email: string) {
  const [user] = await db.insert(users).values({ email, fullName: `Persona ${role}`, role }).returning()
  return { id: user!.id, cookie: (await createSession(user!.id)).split(';')[0]! }
}

beforeAll(async () => {
  fx = await insertBillingCycle(db, 1)
  const clerk = await staff('area_leader', 'lider@example.com')
  clerkId = clerk.id
  clerkCookie = clerk.cookie
  coordinatorCookie = (await staff('coordinator', 'coord@example.com')).cookie
})

const request = (url: string, cookie: string, body?: Record<string, string>) =>
  new Request(`http://localhost${url}`, {
    method: body ? 'POST' : 'GET',
    headers: { cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: body ? new URLSearchParams(body) : undefined,
  })
const ctx = { requestId: 'req-1', ip: '127.0.0.1' }

test('approval from the page: the author cannot, another coordinator can after confirming', async () => {
  const { versionId } = await createTariffDraft(db, { serviceAreaId: fx.areaId, effectiveFrom: '2026-01-01', enteredBy: clerkId, values: demoTariffValues() })
  const url = `/gestion/facturacion/tarifas/${versionId}`
  const view = await versionLoader({ request: request(url, coordinatorCookie), params: { versionId }, context: ctx })
  expect(view.canApprove).toBe(true)

  // area_leader lacks billing:approve: the guard refuses before anything runs
  await expect(approveAction({ request: request(url, clerkCookie, { approvalAct: 'Acuerdo 1 de 2026', confirmed: 'on' }), params: { versionId }, context: ctx })).rejects.toMatchObject({ status: 403 })

  const unconfirmed = await approveAction({ request: request(url, coordinatorCookie, { approvalAct: 'Acuerdo 1 de 2026' }), params: { versionId }, context: ctx })
  expect((unconfirmed as { init: { status: number } }).init.status).toBe(400)

  const done = await approveAction({ request: request(url, coordinatorCookie, { approvalAct: 'Acuerdo Concejo 012 de 2026', confirmed: 'on' }), params: { versionId }, context: ctx })
  expect((done as Response).status).toBe(302)
  const [row] = await db.select().from(tariffVersions).where(eq(tariffVersions.id, versionId))
  expect(row).toMatchObject({ status: 'approved', approvalAct: 'Acuerdo Concejo 012 de 2026' })
})

test('comparing two versions highlights what changed', async () => {
  const { versionId: b } = await createTariffDraft(db, { serviceAreaId: fx.areaId, effectiveFrom: '2026-07-01', enteredBy: clerkId, values: demoTariffValues('1.052') })
  const [a] = await db.select().from(tariffVersions).where(eq(tariffVersions.status, 'approved'))
  const result = await compareLoader({ request: request(`/gestion/facturacion/tarifas/comparar?a=${a!.id}&b=${b}`, coordinatorCookie), params: {}, context: ctx })
  const fixed = result.rows.find((r) => r.group === 'Acueducto' && r.label === 'Cargo fijo')
  expect(fixed).toMatchObject({ left: '10450.37', right: '10993.79', isDifferent: true, changePercent: '5.20' })
})
