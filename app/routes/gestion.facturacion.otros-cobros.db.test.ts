import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { insertAccount, insertApprovedTariff, insertArea } from '~/billing/ledger/test-fixtures.server'
import { users } from '../../db/schema/auth'
import { pendingCharges } from '../../db/schema/ledger'
import { accounts } from '../../db/schema/premises'
import { action, loader } from './gestion.facturacion.otros-cobros'

const ctx = { requestId: 'req-1', ip: '127.0.0.1' }
const url = 'http://localhost/gestion/facturacion/otros-cobros'
let cookie: string
let number: string
let accountId: string

beforeAll(async () => {
  const where = await insertArea(db, { band: 'above_2000' })
  await insertApprovedTariff(db, where.areaId)
  accountId = await insertAccount(db, where, { estrato: 2 })
  number = (await db.select({ n: accounts.number }).from(accounts).where(eq(accounts.id, accountId)))[0]!.n
  const [user] = await db.insert(users).values({ email: 'operadora@example.com', fullName: 'Operadora', role: 'coordinator' }).returning()
  cookie = (await createSession(user!.id)).split(';')[0]!
})

function post(fields: Record<string, string>) {
  const body = new URLSearchParams(fields)
  return action({ request: new Request(url, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body }), params: {}, context: ctx }) as unknown as Promise<{ data: { ok: boolean; message: string }; init?: { status: number } }>
}

test('adds a priced charge, lists it, refuses to cancel without confirmation, then cancels it', async () => {
  const added = await post({ intent: 'add', accountNumber: number, code: 'reconexion', on: '2026-01-20' })
  expect(added.data).toEqual({ ok: true, message: 'Reconexión del servicio quedó pendiente para la próxima factura.' })
  const bad = await post({ intent: 'add', accountNumber: number, code: 'reconexion', on: '20/01/2026' })
  expect([bad.init?.status, bad.data.message]).toEqual([400, 'Escriba una fecha válida.'])

  const view = await loader({ request: new Request(`${url}?cuenta=${number}`, { headers: { cookie } }), params: {}, context: ctx })
  expect(view.account?.number).toBe(number)
  expect(view.charges?.items.map((c) => [c.description, c.amount, c.createdBy])).toEqual([['Reconexión del servicio', '38500.00', 'Operadora']])
  expect(view.prices.map((p) => p.code)).toContain('visita_tecnica')

  const chargeId = view.charges!.items[0]!.id
  const unconfirmed = await post({ intent: 'cancel', accountNumber: number, chargeId })
  expect(unconfirmed.init?.status).toBe(400)
  expect((await db.select().from(pendingCharges).where(eq(pendingCharges.id, chargeId)))[0]!.status).toBe('pending')
  const cancelled = await post({ intent: 'cancel', accountNumber: number, chargeId, confirm: 'si' })
  expect(cancelled.data.ok).toBe(true)
  expect((await db.select().from(pendingCharges).where(eq(pendingCharges.id, chargeId)))[0]!.status).toBe('cancelled')
})

test('an unknown account number shows the empty state, and posting to it changes nothing', async () => {
  const view = await loader({ request: new Request(`${url}?cuenta=NO-EXISTE`, { headers: { cookie } }), params: {}, context: ctx })
  expect([view.account, view.charges]).toEqual([null, null])
  const posted = await post({ intent: 'add', accountNumber: 'NO-EXISTE', code: 'reconexion', on: '2026-01-20' })
  expect(posted.init?.status).toBe(404)
})
