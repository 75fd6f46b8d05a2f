/**
 * The sandbox's hosted checkout (the page /pasarela-prueba/<reference> calls these): it checks the checkout's
 * integrity signature the way Wompi does, records the tester's decision as a sandbox transaction, and delivers the
 * signed event to our webhook over HTTP. The redirect back is returned to the page; like Wompi's, it is only a hint.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { db as defaultDb, type Db } from '~/db.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { sandboxTransactions } from '../../db/schema/payment-sandbox'
import type { GatewayTransaction, TransactionStatus } from './gateway'
import { newSandboxTransactionId, sandboxEventBody, sandboxSecrets, SANDBOX_WEBHOOK_PATH, toTransaction } from './sandbox.server'
import { integritySignature } from './wompi-signature'

export type SandboxCheckout = {
  reference: string
  amountInCents: string
  currency: string
  redirectPath: string
  customerEmail: string | null
  /** The transaction already made for this reference, if any. */
  existing: GatewayTransaction | null
}

const QuerySchema = z.object({
  'amount-in-cents': z.string().regex(/^\d{1,16}$/),
  currency: z.literal('COP'),
  'signature:integrity': z.string().regex(/^[0-9a-f]{64}$/),
  'redirect-url': z.string().min(1),
  'customer-data:email': z.string().optional(),
})

/** A same-site path only: the sandbox never redirects to another site (no open redirect). */
function localPath(url: string, origin: string): string | null {
  try {
    const parsed = new URL(url, origin)
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}` : null
  } catch {
    return null
  }
}

/** Reads and verifies a checkout URL; null when the signature or a parameter is wrong (the page answers 404). */
export async function readSandboxCheckout(url: URL, reference: string, db: Db = defaultDb): Promise<SandboxCheckout | null> {
  const parsed = QuerySchema.safeParse(Object.fromEntries(url.searchParams))
  if (!parsed.success) return null
  const q = parsed.data
  const expected = integritySignature({
    reference,
    amountInCents: q['amount-in-cents'],
    currency: q.currency,
    secret: sandboxSecrets().integrity,
  })
  if (expected !== q['signature:integrity']) return null
  const redirectPath = localPath(q['redirect-url'], url.origin)
  if (!redirectPath) return null
  const [row] = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.reference, reference))
  return {
    reference,
    amountInCents: q['amount-in-cents'],
    currency: q.currency,
    redirectPath,
    customerEmail: q['customer-data:email'] ?? null,
    existing: row ? toTransaction(row) : null,
  }
}

export const SANDBOX_DECISIONS = ['APPROVED', 'DECLINED', 'PENDING', 'VOIDED'] as const
export type SandboxDecision = (typeof SANDBOX_DECISIONS)[number]

/** Which decisions the page offers for the reference's current transaction (none → a new one). */
export function allowedDecisions(existing: GatewayTransaction | null): SandboxDecision[] {
  if (!existing) return ['APPROVED', 'DECLINED', 'PENDING']
  if (existing.status === 'PENDING') return ['APPROVED', 'DECLINED']
  if (existing.status === 'APPROVED') return ['VOIDED']
  return []
}

/** Records the decision (one transaction per reference, as Wompi requires) and returns the transaction. */
export async function decideSandboxTransaction(
  db: Db,
  checkout: SandboxCheckout,
  decision: SandboxDecision,
  now = new Date(),
): Promise<Result<GatewayTransaction>> {
  if (!allowedDecisions(checkout.existing).includes(decision))
    return fail(new DomainError('payments/sandbox_final', 'Esta transacción ya terminó; vuelva a la ventanilla virtual.'))
  const status: TransactionStatus = decision
  const finalizedAt = status === 'PENDING' ? null : now
  const row = checkout.existing
    ? await db
        .update(sandboxTransactions)
        .set({ status, finalizedAt, ...(status === 'VOIDED' ? {} : { paymentMethodType: 'CARD' }) })
        .where(eq(sandboxTransactions.id, checkout.existing.id))
        .returning()
    : await db
        .insert(sandboxTransactions)
        .values({
          id: newSandboxTransactionId(now),
          reference: checkout.reference,
          amountInCents: checkout.amountInCents,
          currency: checkout.currency,
          status,
          paymentMethodType: 'CARD',
          customerEmail: checkout.customerEmail,
          redirectUrl: checkout.redirectPath,
          createdAt: now,
          finalizedAt,
        })
        .onConflictDoNothing({ target: sandboxTransactions.reference })
        .returning()
  if (!row[0]) return fail(new DomainError('payments/sandbox_final', 'Esta referencia ya tiene una transacción.'))
  return ok(toTransaction(row[0]))
}

type Deliver = (url: string, init: RequestInit) => Promise<Response>

/**
 * POSTs the signed event to our webhook like Wompi would (no cookies, no Origin). A failure is reported, not thrown:
 * the transaction is stored, so status polling still finds it, as with a lost Wompi event.
 */
export async function deliverSandboxEvent(
  transaction: GatewayTransaction,
  origin: string,
  deliver: Deliver = fetch,
): Promise<{ delivered: boolean; status: number | null }> {
  try {
    const response = await deliver(`${origin}${SANDBOX_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sandboxEventBody(transaction),
      signal: AbortSignal.timeout(10_000),
    })
    return { delivered: response.ok, status: response.status }
  } catch {
    return { delivered: false, status: null }
  }
}
