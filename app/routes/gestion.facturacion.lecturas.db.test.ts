import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { users } from '../../db/schema/auth'
import { consumptions } from '../../db/schema/critica'
import { readings } from '../../db/schema/readings'
import { insertBillingCycle, insertMeteredAccount, insertReadings, type CycleFixture } from '../../tests/factories/billing-cycle'
import { action as criticaAction, loader as criticaLoader } from './gestion.facturacion.critica'
import { action as readingsAction } from './gestion.facturacion.lecturas'
import { runCritica } from '~/billing/critica/run.server'

let fx: CycleFixture
let cookie: string
const ctx = { requestId: 'req-1', ip: '127.0.0.1' }

beforeAll(async () => {
  fx = await insertBillingCycle(db, 2)
  const a = await insertMeteredAccount(db, fx, { number: 'GIR-001' })
  await insertMeteredAccount(db, fx, { number: 'GIR-002' })
  await insertReadings(db, fx, a, [100])
  const [user] = await db.insert(users).values({ email: 'coord@example.com', fullName: 'Coordinadora', role: 'coordinator' }).returning()
  cookie = (await createSession(user!.id)).split(';')[0]!
})

function upload(csv: string, periodId: string) {
  const form = new FormData()
  form.set('intent', 'import')
  form.set('periodId', periodId)
  form.set('archivo', new File([csv], 'lecturas.csv', { type: 'text/csv' }))
  return new Request('http://localhost/gestion/facturacion/lecturas', { method: 'POST', headers: { cookie }, body: form })
}

test('the import page rejects a file with one malformed row, names the line and applies nothing', async () => {
  const periodId = fx.periodIds[1]!
  const csv = 'cuenta;lectura;fecha;lector;anomalia\nGIR-001;120;02/03/2026;L1;\nGIR-002;x;02/03/2026;L1;\n'
  const result = (await readingsAction({ request: upload(csv, periodId), params: {}, context: ctx })) as { data: { ok: boolean; lineErrors: unknown }; init: { status: number } }
  expect(result.init.status).toBe(422)
  expect(result.data.lineErrors).toEqual([{ line: 3, message: 'La lectura «x» no es un número entero de m³.' }])
  expect(await db.select().from(readings).where(eq(readings.periodId, periodId))).toEqual([])

  const good = (await readingsAction({ request: upload(csv.replace(';x;', ';55;'), periodId), params: {}, context: ctx })) as { data: { ok: boolean; message: string } }
  expect(good.data).toMatchObject({ ok: true, message: 'Se aplicaron 2 lecturas.' })
})

test('the crítica page lists the period with counts and the coordinator releases the normal ones', async () => {
  const periodId = fx.periodIds[1]!
  await runCritica(db, { periodId })
  const url = `http://localhost/gestion/facturacion/critica?periodo=${periodId}`
  const view = await criticaLoader({ request: new Request(url, { headers: { cookie } }), params: {}, context: ctx })
  expect(view.list!.rows.map((r) => [r.accountNumber, r.classification, r.billedM3])).toEqual([
    ['GIR-001', 'normal', 20],
    ['GIR-002', 'no_reading', 0],
  ])
  const body = new URLSearchParams({ intent: 'release-normal', periodId })
  const released = (await criticaAction({
    request: new Request(url, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body }),
    params: {},
    context: ctx,
  })) as { data: { message: string } }
  expect(released.data.message).toBe('1 cuenta actualizada.')
  const statuses = await db.select({ status: consumptions.status }).from(consumptions).where(eq(consumptions.periodId, periodId))
  expect(statuses.map((s) => s.status).sort()).toEqual(['pending', 'released'])
})
