import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { recordDeviationVisit } from '~/billing/critica/review.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import { issueLiquidation } from '~/billing/liquidation/issue.server'
import { runLiquidation } from '~/billing/liquidation/run.server'
import { startLiquidation } from '~/billing/liquidation/start.server'
import { users } from '../../db/schema/auth'
import { consumptions } from '../../db/schema/critica'
import { workOrders } from '../../db/schema/service'
import { action, loader } from './gestion.facturacion.desviaciones'

const ctx = { requestId: 'req-1', ip: '127.0.0.1' }
const url = 'http://localhost/gestion/facturacion/desviaciones'
const actor = { kind: 'system', label: 'prueba' } as const
let cookie: string
let consumptionId: string

beforeAll(async () => {
  const where = await insertArea(db, { band: 'below_1000' })
  await insertApprovedTariff(db, where.areaId)
  const period = await insertPeriod(db, where.cycleId, '2026-01')
  const account = await insertAccount(db, where, { estrato: 5 })
  const [order] = await db.insert(workOrders).values({ accountId: account, kind: 'deviation_visit', reason: 'Desviación' }).returning({ id: workOrders.id })
  const [row] = await db
    .insert(consumptions)
    .values({ accountId: account, periodId: period, previousReading: 10, currentReading: 90, measuredM3: 80, billedM3: 25, averageM3: '25', basis: 'average', classification: 'significant_deviation_up', status: 'released', reviewedAt: new Date(), workOrderId: order!.id })
    .returning({ id: consumptions.id })
  consumptionId = row!.id
  const started = await db.transaction((tx) => startLiquidation(tx, { periodId: period, actor }))
  if (!started.ok) throw started.error
  await runLiquidation(db, started.value.runId)
  await db.transaction((tx) => issueLiquidation(tx, { runId: started.value.runId, actor }))
  await recordDeviationVisit(db, { consumptionId, realM3: 40, note: 'Fuga reparada', by: null })
  const [user] = await db.insert(users).values({ email: 'coordinadora.desv@example.com', fullName: 'Coordinadora', role: 'coordinator' }).returning()
  cookie = (await createSession(user!.id)).split(';')[0]!
})

function post(fields: Record<string, string>) {
  const body = new URLSearchParams(fields)
  return action({ request: new Request(url, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body }), params: {}, context: ctx }) as unknown as Promise<{ data: { ok: boolean; message: string }; init?: { status: number } }>
}

test('lists the pending settlement with its debit note and posts it only once confirmed', async () => {
  const view = await loader({ request: new Request(url, { headers: { cookie } }), params: {}, context: ctx })
  const row = view.items.find((i) => i.consumptionId === consumptionId)!
  expect([row.billedM3, row.resolvedM3, row.invoiceIssued, Number(row.amount) > 0]).toEqual([25, 40, true, true])
  const unconfirmed = await post({ consumptionId })
  expect(unconfirmed.init?.status).toBe(400)
  expect((await db.select().from(consumptions).where(eq(consumptions.id, consumptionId)))[0]!.settledByNoteId).toBeNull()
  const posted = await post({ consumptionId, confirm: 'si' })
  expect(posted.data.ok).toBe(true)
  expect(posted.data.message).toMatch(/^Se emitió la nota débito por/)
  expect((await db.select().from(consumptions).where(eq(consumptions.id, consumptionId)))[0]!.settledByNoteId).not.toBeNull()
  const twice = await post({ consumptionId, confirm: 'si' })
  expect(twice.init?.status).toBe(409)
})
