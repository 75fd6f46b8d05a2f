/**
 * The local sandbox gateway, for development and browser tests (gateway.ts). It behaves like Wompi's Web Checkout:
 * the checkout URL carries the amount, reference and an integrity signature (its own secret), the hosted page
 * (/pasarela-prueba/<reference>) lets the tester approve, decline or leave the payment pending, and the outcome is
 * sent as a signed `transaction.updated` event in Wompi's format to /webhooks/sandbox, over HTTP, like Wompi does.
 * Its transactions live in sandbox_transactions, which fetchTransaction (status polling) reads.
 *
 * Secrets: SANDBOX_EVENTS_SECRET and SANDBOX_INTEGRITY_SECRET, or a random pair per process (set both when several
 * web instances share the sandbox). No real money ever moves through it.
 */
import type { Env } from './wompi.server'
import { randomBytes, randomInt } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { sandboxTransactions, type SandboxTransaction } from '../../db/schema/payment-sandbox'
import type { CreateCheckoutInput, GatewayTransaction, PaymentGateway, TransactionStatus } from './gateway'
import { parseWompiEvent, signTransactionEvent, toWompiTransactionJson } from './wompi-event'
import { integritySignature, toAmountInCents } from './wompi-signature'

export const SANDBOX_CHECKOUT_PATH = '/pasarela-prueba'
export const SANDBOX_WEBHOOK_PATH = '/webhooks/sandbox'

const store = globalThis as unknown as { __ventanillaSandboxSecrets?: { events: string; integrity: string } }

/** The sandbox's secrets (kept on globalThis so a dev reload does not invalidate checkouts in flight). */
export function sandboxSecrets(env: Env = process.env): { events: string; integrity: string } {
  store.__ventanillaSandboxSecrets ??= {
    events: env.SANDBOX_EVENTS_SECRET || `sandbox_events_${randomBytes(24).toString('hex')}`,
    integrity: env.SANDBOX_INTEGRITY_SECRET || `sandbox_integrity_${randomBytes(24).toString('hex')}`,
  }
  return store.__ventanillaSandboxSecrets
}

/** The relative checkout URL with Wompi's query parameters, signed with the sandbox's integrity secret. */
export function sandboxCheckoutUrl(input: CreateCheckoutInput): string {
  const amountInCents = toAmountInCents(input.amount)
  const params = new URLSearchParams({
    currency: input.currency,
    'amount-in-cents': amountInCents,
    'signature:integrity': integritySignature({
      reference: input.reference,
      amountInCents,
      currency: input.currency,
      secret: sandboxSecrets().integrity,
    }),
    'redirect-url': input.redirectUrl,
    'customer-data:email': input.customer.email,
  })
  return `${SANDBOX_CHECKOUT_PATH}/${encodeURIComponent(input.reference)}?${params.toString()}`
}

export function createSandboxGateway(db: DbOrTx): PaymentGateway {
  return {
    name: 'sandbox',
    async createCheckout(input) {
      return { kind: 'redirect', redirectUrl: sandboxCheckoutUrl(input) }
    },
    async parseEvent(rawBody, headers) {
      return parseWompiEvent('sandbox', rawBody, headers, sandboxSecrets().events)
    },
    async fetchTransaction(id) {
      const [row] = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.id, id))
      if (!row) return { ok: false, error: { code: 'payments/not_found', message: `La pasarela de prueba no conoce ${id}` } }
      return { ok: true, transaction: toTransaction(row) }
    },
  }
}

export function toTransaction(row: SandboxTransaction): GatewayTransaction {
  return {
    gateway: 'sandbox',
    id: row.id,
    reference: row.reference,
    amountInCents: row.amountInCents,
    currency: row.currency,
    status: row.status as TransactionStatus,
    paymentMethodType: row.paymentMethodType,
    statusMessage: row.status === 'DECLINED' ? 'Transacción rechazada en la pasarela de prueba' : null,
    createdAt: row.createdAt.toISOString(),
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
  }
}

/** A new id shaped like Wompi's ('15113-1748550000-27458'). */
export function newSandboxTransactionId(now = new Date()): string {
  return `${randomInt(10_000, 99_999)}-${Math.floor(now.getTime() / 1000)}-${randomInt(10_000, 99_999)}`
}

/** The signed event body for a sandbox transaction, ready to POST to /webhooks/sandbox. */
export function sandboxEventBody(transaction: GatewayTransaction, now = new Date()): string {
  const envelope = signTransactionEvent(toWompiTransactionJson(transaction, { customer_email: null }), {
    secret: sandboxSecrets().events,
    timestamp: Math.floor(now.getTime() / 1000),
  })
  return JSON.stringify(envelope)
}
