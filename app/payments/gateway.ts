/**
 * The payment-gateway port (types only). Two adapters implement it, both added with the portal issue:
 *
 * - Wompi (`wompi.server.ts`): `createCheckout` returns the Web Checkout form fields for a GET to
 *   https://checkout.wompi.co/p/ (`public-key`, `currency`, `amount-in-cents`, `reference`, `redirect-url`,
 *   `signature:integrity` from `integritySignature()` with the integrity secret, `customer-data:*`), or the same as a
 *   redirect URL; `parseEvent` parses the JSON body, verifies it with `verifyEventChecksum()` and the events secret
 *   (body `signature.checksum`, or the `X-Event-Checksum` header) and maps `data.transaction`; `fetchTransaction`
 *   calls `GET {api}/transactions/{id}` with the private key (sandbox.wompi.co / production.wompi.co, §3.2).
 * - Local sandbox (`sandbox.server.ts`), for development and browser tests: `createCheckout` returns a redirect to a
 *   hosted-checkout page inside the app that can approve, decline or leave pending; that page sends events with
 *   the same envelope and checksum algorithm (its own events secret) to the same webhook, so the webhook code path
 *   is the one production uses. `fetchTransaction` reads the sandbox's own stored transaction.
 *
 * Rules every caller relies on (../shared/domain/formats.md §3.5, §3.7): the amount always comes from the server's
 * view of the balance; the redirect back is only a hint, the event or fetchTransaction is the truth; one payment
 * per gateway transaction id, whatever the number of deliveries; amount and currency are checked against the
 * attempt before applying.
 */

/** §3.5: every transaction starts PENDING; the other four are final. VOIDED happens only to card payments. */
export const TRANSACTION_STATUSES = ['PENDING', 'APPROVED', 'DECLINED', 'VOIDED', 'ERROR'] as const
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number]
export const FINAL_STATUSES: ReadonlySet<TransactionStatus> = new Set([
  'APPROVED',
  'DECLINED',
  'VOIDED',
  'ERROR',
])

export type GatewayName = 'wompi' | 'sandbox'
export type Currency = 'COP'

/**
 * Each attempt has its own gateway reference: the invoice's payment reference + '-' + attempt number
 * ('0000001230-2'), because the gateway requires a unique reference per transaction (§3.7).
 */
export type AttemptReference = `${string}-${number}`

export interface CheckoutCustomer {
  email: string
  fullName: string
  phoneNumber?: string
  /** Document number and type (CC, CE, NIT, PP, …). */
  legalId?: string
  legalIdType?: string
}

export interface CreateCheckoutInput {
  invoiceId: string
  reference: AttemptReference
  /** Decimal string from the ledger ('85400.00'); adapters convert it with toAmountInCents. */
  amount: string
  currency: Currency
  /** Where the gateway sends the subscriber back (a hint only). */
  redirectUrl: string
  customer: CheckoutCustomer
  /** Instant after which the checkout is refused (Wompi `expiration-time`, part of the signature when sent). */
  expiresAt?: Date
}

/** Either a URL to redirect to, or a form the browser submits (method and action included). */
export type Checkout =
  | { kind: 'redirect'; redirectUrl: string }
  | { kind: 'form'; method: 'GET' | 'POST'; action: string; formFields: Record<string, string> }

/** What the system needs of a gateway transaction, whichever adapter reported it. */
export interface GatewayTransaction {
  gateway: GatewayName
  /** The gateway's transaction id ('01-903100443-27458'): the idempotency key for applying a payment. */
  id: string
  reference: string
  /** Integer string, exactly as the gateway reports it (never a float). */
  amountInCents: string
  currency: string
  status: TransactionStatus
  /** PSE, CARD, NEQUI, BANCOLOMBIA_TRANSFER, … or the sandbox's own. */
  paymentMethodType: string
  statusMessage: string | null
  createdAt: string // ISO instant, UTC
  finalizedAt: string | null
}

/** A verified event: the transaction it reports, plus the raw body to store as proof. */
export interface GatewayEvent {
  gateway: GatewayName
  /** 'transaction.updated', …; unknown event kinds are verified and stored, then ignored. */
  kind: string
  transaction: GatewayTransaction | null
  /** Instant the gateway signed the event (seconds since epoch as sent, kept as a string). */
  timestamp: string
  /** Unique key for the stored event: transaction id + status (§3.7). */
  dedupeKey: string
  rawBody: string
}

export type EventError =
  { code: 'payments/bad_checksum'; message: string } | { code: 'payments/malformed_event'; message: string }

export type FetchError =
  { code: 'payments/not_found'; message: string } | { code: 'payments/gateway_unavailable'; message: string }

export interface PaymentGateway {
  readonly name: GatewayName
  createCheckout(input: CreateCheckoutInput): Promise<Checkout>
  /** Verifies the signature before anything else; never throws for a bad or forged body. */
  parseEvent(
    rawBody: string,
    headers: Headers,
  ): Promise<{ ok: true; event: GatewayEvent } | { ok: false; error: EventError }>
  /** Polls the gateway for a transaction's current state (status confirmation, reconciliation). */
  fetchTransaction(
    id: string,
  ): Promise<{ ok: true; transaction: GatewayTransaction } | { ok: false; error: FetchError }>
}

/** `attemptReference('0000001230', 2)` → '0000001230-2'. */
export function attemptReference(paymentReference: string, attempt: number): AttemptReference {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new Error(`attempt must be a positive integer: ${attempt}`)
  return `${paymentReference}-${attempt}`
}

/** Splits an attempt reference back into the invoice's payment reference and the attempt number, or null. */
export function parseAttemptReference(
  reference: string,
): { paymentReference: string; attempt: number } | null {
  const match = /^(\d+)-([1-9]\d{0,5})$/.exec(reference)
  return match ? { paymentReference: match[1]!, attempt: Number(match[2]) } : null
}
