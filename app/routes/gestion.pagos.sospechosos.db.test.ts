/**
 * Suspicious online payments: a correctly signed gateway event whose amount does not match its attempt is flagged
 * (apply-transaction.server.ts); staff list the flags newest first, open one with its raw events, and collections staff
 * mark it reviewed with a mandatory note that the audit trail records. Wompi is configured against its local fake.
 */
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { receiveGatewayEvent } from '~/payments/apply-event.server'
import { insertUser } from '~/payments/bank-test-fixtures.server'
import { startPaymentAttempt } from '~/payments/checkout.server'
import { listFlaggedAttempts } from '~/payments/flagged-queries.server'
import { insertPayableInvoice, signedEventBody, transactionJson } from '~/payments/payment-test-fixtures.server'
import { startWompiFake, type WompiFake } from '../../tests/fakes/wompi-fake'
import { paymentAttempts } from '../../db/schema/payments'
import { auditTrail } from '../../db/schema/system'
import { action as detailAction, loader as detailLoader } from './gestion.pagos.sospechosos.$attemptId'
import { loader as listLoader } from './gestion.pagos.sospechosos._index'

const SECRET = 'test_events_FLAG'
const origin = 'https://ventanilla.example'
const WOMPI_KEYS = ['WOMPI_PUBLIC_KEY', 'WOMPI_PRIVATE_KEY', 'WOMPI_EVENTS_SECRET', 'WOMPI_INTEGRITY_SECRET', 'WOMPI_API_URL']
const ctx = { requestId: 'req-sospechosos', ip: '127.0.0.1' }
let fake: WompiFake
let collections: { id: string; cookie: string }
let agent: string

async function cookieFor(role: 'collections' | 'agent') {
  const user = await insertUser(db, role, role === 'collections' ? 'Carla Cartera' : 'Andrés Agente')
  return { id: user.id, cookie: (await createSession(user.id)).split(';')[0]! }
}

beforeAll(async () => {
  fake = await startWompiFake()
  Object.assign(process.env, {
    WOMPI_PUBLIC_KEY: 'pub_test_abc',
    WOMPI_PRIVATE_KEY: fake.privateKey,
    WOMPI_EVENTS_SECRET: SECRET,
    WOMPI_INTEGRITY_SECRET: 'test_integrity_ABC123',
    WOMPI_API_URL: fake.apiUrl,
  })
  collections = await cookieFor('collections')
  agent = (await cookieFor('agent')).cookie
})
afterAll(async () => {
  for (const key of WOMPI_KEYS) delete process.env[key]
  await fake.close()
})

/** An attempt for the whole balance, then a signed APPROVED event for a different amount: flagged, not applied. */
async function flaggedAttempt(reportedCents: string, now: Date) {
  const world = await insertPayableInvoice(db)
  const started = await startPaymentAttempt({ invoiceId: world.invoiceId, accountIds: world.accountIds, user: world.user, choice: { choice: 'balance' }, origin })
  if (!started.ok) throw started.error
  const body = signedEventBody(transactionJson(started.value.reference, reportedCents, 'APPROVED'), SECRET)
  expect(await receiveGatewayEvent('wompi', body, new Headers(), { origin, now })).toMatchObject({ status: 200, outcome: 'flagged' })
  return { ...world, attemptId: started.value.attemptId, reference: started.value.reference }
}

const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { cookie } })
const post = (url: string, cookie: string, body: Record<string, string>) =>
  new Request(`http://localhost${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) })
const messageOf = (result: unknown) => (result as { data: { message: string } }).data.message
const statusOf = (result: unknown) => (result as { init: { status: number } }).init.status

test('flagged attempts are listed newest first, with an empty state for reviewed ones, and paginate', async () => {
  const older = await flaggedAttempt('100000', new Date('2026-11-20T10:00:00Z'))
  const newer = await flaggedAttempt('200000', new Date('2026-11-21T10:00:00Z'))
  const list = await listLoader({ request: get('/gestion/pagos/sospechosos', agent), params: {}, context: ctx })
  expect(list.status).toBe('pending')
  const ours = list.list.rows.filter((r) => [older.attemptId, newer.attemptId].includes(r.id))
  expect(ours.map((r) => r.id)).toEqual([newer.attemptId, older.attemptId])
  expect(ours[0]).toMatchObject({ amount: '45000.00', reason: expect.stringMatching(/^El valor reportado \(200000 centavos\) no coincide/), reviewedAt: null })
  const reviewed = await listLoader({ request: get('/gestion/pagos/sospechosos?estado=reviewed', agent), params: {}, context: ctx })
  expect(reviewed.list).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 })
  const far = await listFlaggedAttempts(db, { status: 'pending', page: 99 })
  expect(far.page).toBe(far.pageCount)
})

test('the detail shows the account, the invoice and the raw event; collections staff review it with a note', async () => {
  const w = await flaggedAttempt('4500', new Date('2026-11-22T10:00:00Z'))
  const url = `/gestion/pagos/sospechosos/${w.attemptId}`
  const params = { attemptId: w.attemptId }
  const page = await detailLoader({ request: get(url, agent), params, context: ctx })
  expect(page.canOperate).toBe(false)
  expect(page.attempt).toMatchObject({ reference: w.reference, invoiceId: w.invoiceId, status: 'created', reviewedAt: null })
  expect(page.attempt.holder).toBeTruthy()
  expect(page.attempt.events).toHaveLength(1)
  expect(page.attempt.events[0]).toMatchObject({ outcome: 'flagged', checksumValid: true, transactionStatus: 'APPROVED' })
  expect(JSON.parse(page.attempt.events[0]!.raw)).toMatchObject({ data: { transaction: { amount_in_cents: 4500, reference: w.reference } } })

  await expect(detailAction({ request: post(url, agent, { note: 'Revisado con la pasarela, sin novedad.' }), params, context: ctx })).rejects.toMatchObject({ status: 403 })
  const empty = await detailAction({ request: post(url, collections.cookie, { note: '   ' }), params, context: ctx })
  expect([statusOf(empty), messageOf(empty)]).toEqual([400, 'Escriba una nota con lo que revisó (al menos 10 caracteres).'])
  const missing = await detailAction({ request: post(url, collections.cookie, {}), params, context: ctx })
  expect([statusOf(missing), messageOf(missing)]).toEqual([400, 'Escriba una nota con lo que revisó.'])
  const [still] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, w.attemptId))
  expect(still).toMatchObject({ flagReviewedAt: null, flagReviewedBy: null, flagReviewNote: null })

  const note = 'Wompi confirma que el pagador cambió el valor; se le pidió pagar de nuevo.'
  const done = (await detailAction({ request: post(url, collections.cookie, { note }), params, context: ctx })) as Response
  expect([done.status, done.headers.get('location')]).toEqual([302, url])
  const [row] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, w.attemptId))
  expect(row).toMatchObject({ flagReviewedBy: collections.id, flagReviewNote: note, flaggedReason: expect.stringMatching(/no coincide/) })
  expect(row!.flagReviewedAt).toBeInstanceOf(Date)
  const trail = await db
    .select()
    .from(auditTrail)
    .where(and(eq(auditTrail.entityId, w.attemptId), eq(auditTrail.action, 'payment_attempt.flag_reviewed')))
  expect(trail).toHaveLength(1)
  expect(trail[0]).toMatchObject({ actorKind: 'user', actorUserId: collections.id, requestId: 'req-sospechosos', summary: expect.objectContaining({ note }) })

  const after = await detailLoader({ request: get(url, collections.cookie), params, context: ctx })
  expect(after.attempt).toMatchObject({ reviewedBy: 'Carla Cartera', reviewNote: note })
  const again = await detailAction({ request: post(url, collections.cookie, { note: 'Segunda revisión del mismo intento.' }), params, context: ctx })
  expect([statusOf(again), messageOf(again)]).toEqual([409, 'Otra persona ya revisó este intento de pago. Recargue la página.'])
  const reviewed = await listLoader({ request: get('/gestion/pagos/sospechosos?estado=reviewed', agent), params: {}, context: ctx })
  expect(reviewed.list.rows.map((r) => r.id)).toContain(w.attemptId)
})

test('an attempt that was never flagged, or a malformed id, is not found', async () => {
  const world = await insertPayableInvoice(db)
  const started = await startPaymentAttempt({ invoiceId: world.invoiceId, accountIds: world.accountIds, user: world.user, choice: { choice: 'balance' }, origin })
  if (!started.ok) throw started.error
  const params = { attemptId: started.value.attemptId }
  await expect(detailLoader({ request: get(`/gestion/pagos/sospechosos/${params.attemptId}`, agent), params, context: ctx })).rejects.toMatchObject({ status: 404 })
  await expect(detailAction({ request: post('/gestion/pagos/sospechosos/nada', collections.cookie, { note: 'Una nota suficientemente larga.' }), params: { attemptId: 'nada' }, context: ctx })).rejects.toMatchObject({ status: 404 })
})
