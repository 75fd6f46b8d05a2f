/**
 * Paying online through the local sandbox gateway, route by route, with the webhook reached over real HTTP behind
 * the CSRF middleware that server.ts installs: pay page → sandbox checkout → signed event → status → receipt.
 * Also issue 4's acceptance item: a cross-site POST to a normal route is refused (403) while a correctly signed
 * webhook POST, which carries no Origin and no session, is accepted.
 */
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { insertPayableInvoice, signedEventBody, transactionJson, type PayableWorld } from '~/payments/payment-test-fixtures.server'
import { sandboxSecrets } from '~/payments/sandbox.server'
import { csrfProtection } from '~/security/middleware.server'
import { formatCOP } from '~/utils/format'
import { payments } from '../../db/schema/ledger'
import { gatewayEvents, paymentAttempts } from '../../db/schema/payments'
import { action as payAction, loader as payLoader } from './mi-cuenta.pagar.$invoiceId'
import { loader as statusLoader } from './mi-cuenta.pagar.$invoiceId_.estado'
import { loader as receiptLoader } from './mi-cuenta.pagos.$paymentId'
import { action as sandboxAction, loader as sandboxLoader } from './pasarela-prueba.$reference'
import { action as sandboxWebhook } from './webhooks.sandbox'

let base: string
let close: () => void
const reached: string[] = []

/** server.ts in miniature: the CSRF middleware, then the real webhook action, and a stand-in for every other route. */
beforeAll(async () => {
  const app = express()
  app.use(csrfProtection())
  app.post('/webhooks/sandbox', express.text({ type: '*/*' }), async (req, res) => {
    const request = new Request(`http://${req.get('host')}${req.originalUrl}`, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: typeof req.body === 'string' ? req.body : '',
    })
    const response = await sandboxWebhook({ request, params: {}, context: {} } as never)
    res.status(response.status).send(await response.text())
  })
  app.all('*', (req, res) => {
    reached.push(`${req.method} ${req.path}`)
    res.status(200).send('llegó a la aplicación')
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> }
const args = (request: Request, params: Record<string, string> = {}): Args => ({ request, params, context: { requestId: 't', ip: '127.0.0.1' } })
const cookieOf = async (userId: string) => (await createSession(userId)).split(';')[0]!
const form = (fields: Record<string, string>, cookie: string, url: string) =>
  new Request(url, { method: 'POST', headers: { cookie }, body: new URLSearchParams(fields) })
async function thrown(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await fn()
    if (value instanceof Response) return value
    return new Response(null, { status: (value as { init?: { status?: number } }).init?.status ?? 200 })
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

let world: PayableWorld
let cookie: string

beforeAll(async () => {
  world = await insertPayableInvoice(db, [['cargo_fijo', '30000.00'], ['consumo_basico', '15000.00']])
  cookie = await cookieOf(world.user.id)
})

describe('the pay page', () => {
  test('shows the amounts from the ledger; an abono outside the limits is refused and creates nothing', async () => {
    const url = `${base}/mi-cuenta/pagar/${world.invoiceId}`
    const page = (await payLoader(args(new Request(url, { headers: { cookie } }), { invoiceId: world.invoiceId }) as never)) as {
      facts: { payable: string; invoicePending: string; minimum: string }
      isSandbox: boolean
    }
    expect(page.facts).toMatchObject({ payable: '45000.00', invoicePending: '45000.00', minimum: '5000' })
    expect(page.isSandbox).toBe(true)
    const tooMuch = await thrown(() => payAction(args(form({ choice: 'other', amount: '45.001' }, cookie, url), { invoiceId: world.invoiceId }) as never))
    expect(tooMuch.status).toBe(409)
    const tooLittle = await thrown(() => payAction(args(form({ choice: 'other', amount: '4.999' }, cookie, url), { invoiceId: world.invoiceId }) as never))
    expect(tooLittle.status).toBe(409)
    // Refused submissions leave nothing behind.
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, world.invoiceId))).toEqual([])
  })

  test('another subscriber gets 404 for this invoice, in the loader and in the action', async () => {
    const other = await insertPayableInvoice(db)
    const otherCookie = await cookieOf(other.user.id)
    const url = `${base}/mi-cuenta/pagar/${world.invoiceId}`
    expect((await thrown(() => payLoader(args(new Request(url, { headers: { cookie: otherCookie } }), { invoiceId: world.invoiceId }) as never))).status).toBe(404)
    expect((await thrown(() => payAction(args(form({ choice: 'balance' }, otherCookie, url), { invoiceId: world.invoiceId }) as never))).status).toBe(404)
  })
})

describe('paying through the sandbox gateway', () => {
  let checkoutUrl: string
  test('a double click leads to one attempt and one checkout; an amount sent with the whole-balance choice is ignored', async () => {
    const url = `${base}/mi-cuenta/pagar/${world.invoiceId}`
    const [a, b] = await Promise.all(
      [1, 2].map(() => thrown(() => payAction(args(form({ choice: 'balance', amount: '1' }, cookie, url), { invoiceId: world.invoiceId }) as never))),
    )
    expect([a!.status, b!.status]).toEqual([302, 302])
    expect(a!.headers.get('location')).toBe(b!.headers.get('location'))
    checkoutUrl = `${base}${a!.headers.get('location')}`
    expect(checkoutUrl).toContain(`/pasarela-prueba/${world.paymentReference}-1?`)
    expect(new URL(checkoutUrl).searchParams.get('amount-in-cents')).toBe('4500000')
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.invoiceId, world.invoiceId))).toHaveLength(1)
  })

  test('the checkout page refuses a URL whose amount was changed (the signature no longer matches)', async () => {
    const tampered = new URL(checkoutUrl)
    tampered.searchParams.set('amount-in-cents', '100')
    const reference = `${world.paymentReference}-1`
    expect((await thrown(() => sandboxLoader(args(new Request(tampered), { reference }) as never))).status).toBe(404)
    const page = (await sandboxLoader(args(new Request(checkoutUrl), { reference }) as never)) as { amount: string; decisions: string[] }
    expect(page).toMatchObject({ amount: '45000', decisions: ['APPROVED', 'DECLINED', 'PENDING'] })
  })

  test('approving sends a signed event over HTTP to the webhook; the status page and the receipt show the payment', async () => {
    const reference = `${world.paymentReference}-1`
    const response = await thrown(() => sandboxAction(args(new Request(checkoutUrl, { method: 'POST', body: new URLSearchParams({ decision: 'APPROVED' }) }), { reference }) as never))
    expect(response.status).toBe(302)
    const back = new URL(response.headers.get('location')!, base)
    expect(back.pathname).toBe(`/mi-cuenta/pagar/${world.invoiceId}/estado`)
    expect(back.searchParams.get('id')).toMatch(/^\d+-\d+-\d+$/)
    const [event] = await db.select().from(gatewayEvents).where(eq(gatewayEvents.transactionId, back.searchParams.get('id')!))
    expect(event).toMatchObject({ gateway: 'sandbox', checksumValid: true, outcome: 'applied' })

    const status = (await statusLoader(args(new Request(back, { headers: { cookie } }), { invoiceId: world.invoiceId }) as never)) as {
      attempt: { status: string; paymentId: string }
      balanceText: string
    }
    expect(status.attempt.status).toBe('approved')
    expect(status.balanceText).toBe(formatCOP('0'))
    const receipt = (await receiptLoader(args(new Request(`${base}/mi-cuenta/pagos/${status.attempt.paymentId}`, { headers: { cookie } }), { paymentId: status.attempt.paymentId }) as never)) as {
      receipt: { amount: string; reference: string; allocations: unknown[]; status: string }
    }
    expect(receipt.receipt).toMatchObject({ amount: '45000.00', reference: world.paymentReference, status: 'applied' })
    expect(receipt.receipt.allocations).toHaveLength(2)
    // The same checkout cannot be paid twice.
    const again = await thrown(() => sandboxAction(args(new Request(checkoutUrl, { method: 'POST', body: new URLSearchParams({ decision: 'APPROVED' }) }), { reference }) as never))
    expect(again.status).toBe(409)
    expect(await db.select().from(payments).where(eq(payments.accountId, world.accountId))).toHaveLength(1)
  })
})

describe('CSRF in front of the app (issue 4)', () => {
  test('a cross-site POST to a normal route is refused with 403 before reaching the app', async () => {
    const response = await fetch(`${base}/mi-cuenta/pagar/${world.invoiceId}`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', cookie },
      body: new URLSearchParams({ choice: 'balance' }),
    })
    expect(response.status).toBe(403)
    expect(reached).not.toContain(`POST /mi-cuenta/pagar/${world.invoiceId}`)
  })

  test('a correctly signed webhook POST without Origin or session is accepted and applied; a forged one is 401', async () => {
    const w = await insertPayableInvoice(db)
    const url = `${base}/mi-cuenta/pagar/${w.invoiceId}`
    const wCookie = await cookieOf(w.user.id)
    const started = await thrown(() => payAction(args(form({ choice: 'balance' }, wCookie, url), { invoiceId: w.invoiceId }) as never))
    expect(started.status).toBe(302)
    const body = signedEventBody(transactionJson(`${w.paymentReference}-1`, '4500000', 'APPROVED'), sandboxSecrets().events)
    const forged = await fetch(`${base}/webhooks/sandbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body.replace('4500000', '4500001') })
    expect(forged.status).toBe(401)
    const signed = await fetch(`${base}/webhooks/sandbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(signed.status).toBe(200)
    expect(await signed.json()).toEqual({ outcome: 'applied' })
    expect(await db.select().from(payments).where(eq(payments.accountId, w.accountId))).toHaveLength(1)
  })
})
