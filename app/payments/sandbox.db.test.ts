/**
 * The local sandbox gateway as a gateway: its checkout is signed like Wompi's, its events go through the same
 * webhook code path, and status polling reads its own stored transactions when an event is lost.
 */
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { sandboxTransactions } from '../../db/schema/payment-sandbox'
import { payments } from '../../db/schema/ledger'
import { paymentAttempts } from '../../db/schema/payments'
import { receiveGatewayEvent } from './apply-event.server'
import { startPaymentAttempt } from './checkout.server'
import { insertPayableInvoice } from './payment-test-fixtures.server'
import { pollPendingAttempts } from './poll-attempts.server'
import { allowedDecisions, decideSandboxTransaction, deliverSandboxEvent, readSandboxCheckout } from './sandbox-checkout.server'
import { createSandboxGateway } from './sandbox.server'

const origin = 'http://localhost:3000'

/** Delivers to the webhook's use case in-process, as /webhooks/sandbox would. */
const toWebhook = async (_url: string, init: RequestInit) => {
  const result = await receiveGatewayEvent('sandbox', String(init.body), new Headers(init.headers), { origin })
  return new Response(JSON.stringify(result), { status: result.status })
}

async function sandboxCheckout() {
  const world = await insertPayableInvoice(db)
  const started = await startPaymentAttempt({ invoiceId: world.invoiceId, accountIds: world.accountIds, user: world.user, choice: { choice: 'other', amount: '20000' }, origin })
  if (!started.ok || started.value.checkout.kind !== 'redirect') throw new Error('no checkout')
  const url = new URL(started.value.checkout.redirectUrl, origin)
  const checkout = await readSandboxCheckout(url, started.value.reference, db)
  return { world, started: started.value, url, checkout: checkout! }
}

describe('sandbox gateway', () => {
  test('an abono goes to the sandbox checkout for exactly the amount the server decided', async () => {
    const { started, url, checkout } = await sandboxCheckout()
    expect(started.amount).toBe('20000.00')
    expect(url.pathname).toBe(`/pasarela-prueba/${started.reference}`)
    expect(checkout).toMatchObject({ amountInCents: '2000000', currency: 'COP', existing: null })
    url.searchParams.set('redirect-url', 'https://evil.example/robar')
    expect(await readSandboxCheckout(url, started.reference, db)).toBeNull()
  })

  test('left pending, then finalised while its event is lost: status polling finds it and applies it once', async () => {
    const { world, started, checkout } = await sandboxCheckout()
    const pending = await decideSandboxTransaction(db, checkout, 'PENDING')
    expect(pending.ok).toBe(true)
    if (!pending.ok) return
    expect(await deliverSandboxEvent(pending.value, origin, toWebhook)).toEqual({ delivered: true, status: 200 })
    const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, started.attemptId))
    expect(attempt).toMatchObject({ status: 'pending', gatewayTransactionId: pending.value.id })
    expect(allowedDecisions(pending.value)).toEqual(['APPROVED', 'DECLINED'])

    await db.update(sandboxTransactions).set({ status: 'APPROVED', finalizedAt: new Date() }).where(eq(sandboxTransactions.id, pending.value.id))
    expect(await createSandboxGateway(db).fetchTransaction(pending.value.id)).toMatchObject({ ok: true, transaction: { status: 'APPROVED' } })
    await db.update(paymentAttempts).set({ updatedAt: new Date(Date.now() - 3600_000) }).where(eq(paymentAttempts.id, started.attemptId))
    expect(await pollPendingAttempts(db)).toMatchObject({ applied: 1 })
    expect(await db.select().from(payments).where(eq(payments.accountId, world.accountId))).toMatchObject([{ amount: '20000.00', channel: 'gateway' }])
  })

  test('a decision on a finished transaction is refused; an unknown transaction id cannot be fetched', async () => {
    const { checkout } = await sandboxCheckout()
    const declined = await decideSandboxTransaction(db, checkout, 'DECLINED')
    expect(declined.ok).toBe(true)
    const again = await decideSandboxTransaction(db, { ...checkout, existing: declined.ok ? declined.value : null }, 'APPROVED')
    expect(again.ok).toBe(false)
    expect(await createSandboxGateway(db).fetchTransaction('0-0-0')).toMatchObject({ ok: false, error: { code: 'payments/not_found' } })
  })
})
