/**
 * The Wompi adapter of the gateway port (gateway.ts; ../shared/domain/formats.md §3). The integrity signature is
 * computed here, on the server, so the integrity secret never reaches the browser (§3.3); events are verified with
 * the events secret before anything in them is trusted (§3.4); status polling calls GET {api}/transactions/{id}
 * with the private key (§3.2, §3.5).
 */
import type { Checkout, CreateCheckoutInput, FetchError, GatewayTransaction, PaymentGateway } from './gateway'
import { parseWompiEvent, toGatewayTransaction } from './wompi-event'
import { integritySignature, toAmountInCents } from './wompi-signature'

/** Environment variables as read here (a plain record, so tests pass their own). */
export type Env = Record<string, string | undefined>

export type WompiConfig = {
  publicKey: string
  privateKey: string
  eventsSecret: string
  integritySecret: string
  /** https://sandbox.wompi.co/v1 for pub_test_ keys, https://production.wompi.co/v1 for pub_prod_ (§3.2). */
  apiUrl: string
  checkoutUrl: string
}

export const WOMPI_CHECKOUT_URL = 'https://checkout.wompi.co/p/'

/** The Wompi configuration from the environment, or null when any of the four keys is missing. */
export function wompiConfigFromEnv(env: Env = process.env): WompiConfig | null {
  const publicKey = env.WOMPI_PUBLIC_KEY
  const privateKey = env.WOMPI_PRIVATE_KEY
  const eventsSecret = env.WOMPI_EVENTS_SECRET
  const integritySecret = env.WOMPI_INTEGRITY_SECRET
  if (!publicKey || !privateKey || !eventsSecret || !integritySecret) return null
  const defaultApi = publicKey.startsWith('pub_prod_')
    ? 'https://production.wompi.co/v1'
    : 'https://sandbox.wompi.co/v1'
  return {
    publicKey,
    privateKey,
    eventsSecret,
    integritySecret,
    apiUrl: (env.WOMPI_API_URL || defaultApi).replace(/\/+$/, ''),
    checkoutUrl: env.WOMPI_CHECKOUT_URL || WOMPI_CHECKOUT_URL,
  }
}

/** The Web Checkout URL with the documented query parameters (§3.3). */
export function wompiCheckoutUrl(config: WompiConfig, input: CreateCheckoutInput): string {
  const amountInCents = toAmountInCents(input.amount)
  const expirationTime = input.expiresAt?.toISOString()
  const params = new URLSearchParams({
    'public-key': config.publicKey,
    currency: input.currency,
    'amount-in-cents': amountInCents,
    reference: input.reference,
    'signature:integrity': integritySignature({
      reference: input.reference,
      amountInCents,
      currency: input.currency,
      expirationTime,
      secret: config.integritySecret,
    }),
    'redirect-url': input.redirectUrl,
  })
  if (expirationTime) params.set('expiration-time', expirationTime)
  const customer = input.customer
  params.set('customer-data:email', customer.email)
  params.set('customer-data:full-name', customer.fullName)
  if (customer.phoneNumber) params.set('customer-data:phone-number', customer.phoneNumber)
  if (customer.legalId) params.set('customer-data:legal-id', customer.legalId)
  if (customer.legalIdType) params.set('customer-data:legal-id-type', customer.legalIdType)
  return `${config.checkoutUrl}?${params.toString()}`
}

type FetchLike = (url: string, init?: RequestInit) => Promise<Response>

export function createWompiGateway(config: WompiConfig, opts: { fetch?: FetchLike; timeoutMs?: number } = {}): PaymentGateway {
  const doFetch = opts.fetch ?? fetch
  const timeoutMs = opts.timeoutMs ?? 10_000
  return {
    name: 'wompi',
    async createCheckout(input): Promise<Checkout> {
      return { kind: 'redirect', redirectUrl: wompiCheckoutUrl(config, input) }
    },
    async parseEvent(rawBody, headers) {
      return parseWompiEvent('wompi', rawBody, headers, config.eventsSecret)
    },
    async fetchTransaction(id) {
      return fetchWompiTransaction(doFetch, config, id, timeoutMs)
    },
  }
}

type FetchResult = { ok: true; transaction: GatewayTransaction } | { ok: false; error: FetchError }

async function fetchWompiTransaction(
  doFetch: FetchLike,
  config: WompiConfig,
  id: string,
  timeoutMs: number,
): Promise<FetchResult> {
  const unavailable = (message: string): FetchResult => ({
    ok: false,
    error: { code: 'payments/gateway_unavailable', message },
  })
  let response: Response
  try {
    response = await doFetch(`${config.apiUrl}/transactions/${encodeURIComponent(id)}`, {
      headers: { Authorization: `Bearer ${config.privateKey}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    return unavailable(`Wompi no respondió: ${(error as Error).message}`)
  }
  if (response.status === 404)
    return { ok: false, error: { code: 'payments/not_found', message: `Wompi no conoce la transacción ${id}` } }
  if (!response.ok) return unavailable(`Wompi respondió ${response.status}`)
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return unavailable('Wompi respondió algo que no es JSON')
  }
  const data = body !== null && typeof body === 'object' ? (body as { data?: unknown }).data : undefined
  const transaction = toGatewayTransaction('wompi', data)
  if (!transaction) return unavailable('La respuesta de Wompi no trae una transacción válida')
  return { ok: true, transaction }
}
