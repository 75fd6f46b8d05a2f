/**
 * The Wompi webhook's use case and status polling, on a real database, with Wompi configured against the local fake
 * of its API (tests/fakes/wompi-fake.ts). Events are signed with the events secret exactly as Wompi signs them.
 */
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { getBalance } from '~/billing/ledger/balance.server'
import { toDb } from '~/billing/money'
import { startWompiFake, type WompiFake } from '../../tests/fakes/wompi-fake'
import { describeOnServer } from '../../tests/setup/engine'
import { ledgerEntries, paymentAllocations, payments } from '../../db/schema/ledger'
import { gatewayEvents, paymentAttempts } from '../../db/schema/payments'
import { emailOutbox } from '../../db/schema/system'
import { receiveGatewayEvent } from './apply-event.server'
import { startPaymentAttempt } from './checkout.server'
import { insertPayableInvoice, signedEventBody, transactionJson, type PayableWorld } from './payment-test-fixtures.server'
import { pollPendingAttempts } from './poll-attempts.server'

const SECRET = 'test_events_XYZ'
const origin = 'https://ventanilla.example'
let fake: WompiFake

beforeAll(async () => {
  fake = await startWompiFake()
  Object.assign(process.env, {
    WOMPI_PUBLIC_KEY: 'pub_test_abc',
    WOMPI_PRIVATE_KEY: fake.privateKey,
    WOMPI_EVENTS_SECRET: SECRET,
    WOMPI_INTEGRITY_SECRET: 'test_integrity_ABC123',
    WOMPI_API_URL: fake.apiUrl,
  })
})
afterAll(async () => {
  for (const key of ['WOMPI_PUBLIC_KEY', 'WOMPI_PRIVATE_KEY', 'WOMPI_EVENTS_SECRET', 'WOMPI_INTEGRITY_SECRET', 'WOMPI_API_URL']) delete process.env[key]
  await fake.close()
})

/** A world with an attempt for the whole balance (45 000 by default). */
async function worldWithAttempt(charges?: Array<[string, string]>): Promise<PayableWorld & { reference: string; cents: string; attemptId: string }> {
  const world = await insertPayableInvoice(db, charges)
  const started = await startPaymentAttempt({ invoiceId: world.invoiceId, accountIds: world.accountIds, user: world.user, choice: { choice: 'balance' }, origin })
  if (!started.ok) throw started.error
  expect(started.value.checkout.kind === 'redirect' && started.value.checkout.redirectUrl).toMatch(/^https:\/\/checkout\.wompi\.co\/p\/\?/)
  const cents = String(BigInt(started.value.amount.replace('.', '')))
  return { ...world, reference: started.value.reference, cents, attemptId: started.value.attemptId }
}

const deliver = (body: string, headers: HeadersInit = {}) => receiveGatewayEvent('wompi', body, new Headers(headers), { origin })
const paymentsOf = (accountId: string) => db.select().from(payments).where(eq(payments.accountId, accountId))
const attemptOf = async (id: string) => (await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, id)))[0]!
const balanceOf = async (accountId: string) => toDb((await getBalance(db, accountId, { on: '2026-12-31' })).total)

describe('an approved event', () => {
  test('applies one payment with the invoice reference (no attempt suffix), a receipt email and a stored event', async () => {
    const w = await worldWithAttempt()
    expect(w.reference).toBe(`${w.paymentReference}-1`)
    const tx = transactionJson(w.reference, w.cents, 'APPROVED')
    const result = await deliver(signedEventBody(tx, SECRET))
    expect(result).toMatchObject({ status: 200, outcome: 'applied' })
    const [payment, ...more] = await paymentsOf(w.accountId)
    expect(more).toEqual([])
    expect(payment).toMatchObject({ channel: 'gateway', externalRef: tx.id, reference: w.paymentReference, amount: '45000.00', status: 'applied' })
    expect(await attemptOf(w.attemptId)).toMatchObject({ status: 'approved', paymentId: payment!.id, gatewayTransactionId: tx.id, paymentMethod: 'CARD' })
    expect(await balanceOf(w.accountId)).toBe('0.00')
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `payment-receipt:${payment!.id}`))
    expect(mail).toMatchObject({ toAddress: w.user.email, template: 'payment-receipt' })
    expect(mail!.text).toContain(`${origin}/mi-cuenta/pagos/${payment!.id}`)
    const events = await db.select().from(gatewayEvents).where(eq(gatewayEvents.transactionId, tx.id))
    expect(events).toMatchObject([{ checksumValid: true, outcome: 'applied', transactionStatus: 'APPROVED', attemptId: w.attemptId }])
  })

  test('delivered again and again (one after another) it is stored each time and applied once', async () => {
    const w = await worldWithAttempt()
    const body = signedEventBody(transactionJson(w.reference, w.cents, 'APPROVED'), SECRET)
    for (let i = 0; i < 5; i++) await deliver(body)
    expect(await paymentsOf(w.accountId)).toHaveLength(1)
    const outcomes = await db.select({ outcome: gatewayEvents.outcome }).from(gatewayEvents).where(eq(gatewayEvents.attemptId, w.attemptId))
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
  })
})

describeOnServer('concurrent deliveries', () => {
  test('the same approved event delivered 10 times concurrently applies one payment', async () => {
    const w = await worldWithAttempt()
    const body = signedEventBody(transactionJson(w.reference, w.cents, 'APPROVED'), SECRET)
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(body)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(1)
    expect(await paymentsOf(w.accountId)).toHaveLength(1)
    expect(await balanceOf(w.accountId)).toBe('0.00')
    const stored = await db.select().from(gatewayEvents).where(eq(gatewayEvents.attemptId, w.attemptId))
    expect(stored).toHaveLength(10)
    const mails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, 'payment-receipt'), eq(emailOutbox.toAddress, w.user.email)))
    expect(mails).toHaveLength(1)
  })
})

describe('refused and flagged events', () => {
  test('a tampered checksum is refused with 401, stored as evidence with checksum_valid = false, and changes nothing', async () => {
    const w = await worldWithAttempt()
    const tx = transactionJson(w.reference, w.cents, 'APPROVED')
    const envelope = JSON.parse(signedEventBody(tx, SECRET))
    envelope.data.transaction.amount_in_cents = 100 // the amount changed after signing
    const result = await deliver(JSON.stringify(envelope))
    expect(result).toMatchObject({ status: 401, outcome: 'refused' })
    expect(await paymentsOf(w.accountId)).toEqual([])
    expect(await attemptOf(w.attemptId)).toMatchObject({ status: 'created', paymentId: null })
    const [event] = await db.select().from(gatewayEvents).where(eq(gatewayEvents.transactionId, tx.id))
    expect(event).toMatchObject({ checksumValid: false, outcome: 'refused', attemptId: null })
    expect((event!.raw as { data: { transaction: { amount_in_cents: number } } }).data.transaction.amount_in_cents).toBe(100)
    expect(await deliver(signedEventBody(tx, 'otro_secreto'))).toMatchObject({ status: 401 })
    expect(await deliver('esto no es JSON')).toMatchObject({ status: 400 })
  })

  test('a correctly signed event whose amount or currency differs from the attempt is flagged, not applied', async () => {
    const w = await worldWithAttempt()
    const cheaper = transactionJson(w.reference, '100000', 'APPROVED')
    expect(await deliver(signedEventBody(cheaper, SECRET))).toMatchObject({ status: 200, outcome: 'flagged' })
    expect(await paymentsOf(w.accountId)).toEqual([])
    const attempt = await attemptOf(w.attemptId)
    expect(attempt.status).toBe('created')
    expect(attempt.flaggedReason).toMatch(/no coincide/)
    const dollars = transactionJson(w.reference, w.cents, 'APPROVED', { currency: 'USD' })
    expect(await deliver(signedEventBody(dollars, SECRET))).toMatchObject({ outcome: 'flagged' })
    expect((await attemptOf(w.attemptId)).flaggedReason).toMatch(/moneda/)
    expect(await paymentsOf(w.accountId)).toEqual([])
  })

  test('a declined transaction updates the attempt and posts nothing; an unknown reference is stored and ignored', async () => {
    const w = await worldWithAttempt()
    expect(await deliver(signedEventBody(transactionJson(w.reference, w.cents, 'DECLINED'), SECRET))).toMatchObject({ outcome: 'applied' })
    expect(await attemptOf(w.attemptId)).toMatchObject({ status: 'declined', paymentId: null })
    expect(await paymentsOf(w.accountId)).toEqual([])
    expect(await deliver(signedEventBody(transactionJson('999999-1', '100', 'APPROVED'), SECRET))).toMatchObject({ status: 200, outcome: 'ignored' })
  })
})

describe('a VOIDED card transaction', () => {
  test('reverses its payment: allocations stop counting, a reversal entry restores the balance, nothing is deleted', async () => {
    const w = await worldWithAttempt([['cargo_fijo', '20000.00'], ['consumo_basico', '25000.00']])
    const approved = transactionJson(w.reference, w.cents, 'APPROVED')
    await deliver(signedEventBody(approved, SECRET))
    const [payment] = await paymentsOf(w.accountId)
    expect(await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, payment!.id))).toHaveLength(2)
    expect(await balanceOf(w.accountId)).toBe('0.00')

    const voided = { ...approved, status: 'VOIDED' as const }
    expect(await deliver(signedEventBody(voided, SECRET))).toMatchObject({ status: 200, outcome: 'applied' })
    expect(await deliver(signedEventBody(voided, SECRET))).toMatchObject({ outcome: 'duplicate' })
    const [after] = await paymentsOf(w.accountId)
    expect(after).toMatchObject({ id: payment!.id, status: 'reversed' })
    expect(after!.reversalReason).toContain(approved.id)
    expect(await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, payment!.id))).toHaveLength(2)
    const reversals = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.paymentId, payment!.id), eq(ledgerEntries.kind, 'reversal')))
    expect(reversals).toMatchObject([{ amount: '45000.00' }])
    expect(await balanceOf(w.accountId)).toBe('45000.00')
    const [open] = await rows<{ n: string }>(
      db,
      sql`select count(*)::text as n from payment_allocations a join payments p on p.id = a.payment_id
           where p.status = 'applied' and p.account_id = ${w.accountId}::uuid`,
    )
    expect(open!.n).toBe('0')
    expect(await attemptOf(w.attemptId)).toMatchObject({ status: 'voided' })
    const [note] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `payment-reversed:${payment!.id}`))
    expect(note).toMatchObject({ toAddress: w.user.email, template: 'payment-reversed' })
    // A late APPROVED delivery after the void does not bring the payment back.
    expect(await deliver(signedEventBody(approved, SECRET))).toMatchObject({ outcome: 'duplicate' })
    expect(await balanceOf(w.accountId)).toBe('45000.00')
  })
})

describe('status polling', () => {
  test('a pending attempt with no news is asked about through the API and applied once, however the news arrives', async () => {
    const w = await worldWithAttempt()
    const pending = transactionJson(w.reference, w.cents, 'PENDING')
    expect(await deliver(signedEventBody(pending, SECRET))).toMatchObject({ outcome: 'applied' })
    expect(await attemptOf(w.attemptId)).toMatchObject({ status: 'pending', gatewayTransactionId: pending.id })
    await db.update(paymentAttempts).set({ updatedAt: new Date(Date.now() - 60 * 60_000) }).where(eq(paymentAttempts.id, w.attemptId))

    fake.setTransaction({ ...pending }) // still pending at the gateway
    expect(await pollPendingAttempts(db)).toMatchObject({ checked: 1, unchanged: 1, applied: 0 })
    const approved = { ...pending, status: 'APPROVED', finalized_at: '2026-11-28T14:25:00.000Z' }
    fake.setTransaction(approved)
    expect(await pollPendingAttempts(db)).toMatchObject({ checked: 1, applied: 1 })
    expect(fake.requests.filter((r) => r.path === `/v1/transactions/${pending.id}`)).toHaveLength(2)
    expect(await attemptOf(w.attemptId)).toMatchObject({ status: 'approved' })
    expect(await pollPendingAttempts(db)).toMatchObject({ checked: 0 })
    // The webhook's event arrives late: same transaction, already applied.
    expect(await deliver(signedEventBody(approved, SECRET))).toMatchObject({ outcome: 'duplicate' })
    const [payment, ...more] = await paymentsOf(w.accountId)
    expect(more).toEqual([])
    expect(payment!.paidOn).toBe('2026-11-28')
  })
})

describe('the /webhooks/wompi route', () => {
  test('answers 200 with the outcome for a signed event and 401 for a forged one, without a session', async () => {
    const { action } = await import('../routes/webhooks.wompi')
    const w = await worldWithAttempt()
    const body = signedEventBody(transactionJson(w.reference, w.cents, 'APPROVED'), SECRET)
    const post = (text: string) =>
      action({ request: new Request('http://localhost/webhooks/wompi', { method: 'POST', body: text, headers: { 'content-type': 'application/json' } }), params: {}, context: {} } as never)
    const forged = await post(body.replace(SECRET, 'x').replace(/"checksum":"[0-9a-f]{8}/, '"checksum":"00000000'))
    expect(forged.status).toBe(401)
    const signed = await post(body)
    expect(signed.status).toBe(200)
    expect(await signed.json()).toEqual({ outcome: 'applied' })
  })
})

describe('the polling job', () => {
  test('is registered with the worker, scheduled every 5 minutes and labelled for the staff pages', async () => {
    await import('~/jobs/handlers.server')
    const { listJobKinds, listSchedules } = await import('~/jobs/registry.server')
    const { JOB_KIND_LABELS } = await import('~/jobs/labels')
    expect(listJobKinds()).toContain('payments.poll_attempts')
    expect(listSchedules().find((s) => s.kind === 'payments.poll_attempts')?.spec).toEqual({ everyMinutes: 5 })
    expect(JOB_KIND_LABELS['payments.poll_attempts']).toMatch(/pagos en línea/)
  })
})
