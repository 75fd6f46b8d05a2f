/**
 * Wompi's event envelope and transaction shape (../shared/domain/formats.md §3.4, §3.5), read the same way by the
 * Wompi adapter and the local sandbox (which signs its events in Wompi's format with its own secret). Pure: the
 * caller passes the events secret.
 */
import { createHash } from 'node:crypto'
import {
  TRANSACTION_STATUSES,
  type EventError,
  type GatewayEvent,
  type GatewayName,
  type GatewayTransaction,
  type TransactionStatus,
} from './gateway'
import { verifyEventChecksum, type WompiEventEnvelope } from './wompi-signature'

/** The fields the system reads of a Wompi transaction (`data.transaction` of an event, `data` of GET /transactions). */
export type WompiTransactionJson = {
  id: string
  reference: string
  amount_in_cents: number | string
  currency: string
  status: string
  payment_method_type?: string | null
  status_message?: string | null
  created_at?: string | null
  finalized_at?: string | null
  [more: string]: unknown
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Maps Wompi's JSON to the port's transaction, or null when a required field is missing or malformed. */
export function toGatewayTransaction(gateway: GatewayName, json: unknown): GatewayTransaction | null {
  if (!isRecord(json)) return null
  const { id, reference, amount_in_cents: cents, currency, status } = json
  if (typeof id !== 'string' || typeof reference !== 'string' || typeof currency !== 'string') return null
  const amountInCents = typeof cents === 'number' && Number.isSafeInteger(cents) ? String(cents) : cents
  if (typeof amountInCents !== 'string' || !/^\d+$/.test(amountInCents)) return null
  if (!TRANSACTION_STATUSES.includes(status as TransactionStatus)) return null
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    gateway,
    id,
    reference,
    amountInCents,
    currency,
    status: status as TransactionStatus,
    paymentMethodType: text(json.payment_method_type) ?? 'DESCONOCIDO',
    statusMessage: text(json.status_message),
    createdAt: text(json.created_at) ?? new Date(0).toISOString(),
    finalizedAt: text(json.finalized_at),
  }
}

/**
 * Verifies and reads an event body. The checksum is checked before anything else is trusted (§3.4); a body that is
 * not JSON, or not signed with `secret`, is refused without throwing.
 */
export function parseWompiEvent(
  gateway: GatewayName,
  rawBody: string,
  headers: Headers,
  secret: string,
): { ok: true; event: GatewayEvent } | { ok: false; error: EventError } {
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch {
    return { ok: false, error: { code: 'payments/malformed_event', message: 'El cuerpo del evento no es JSON' } }
  }
  if (!isRecord(body))
    return { ok: false, error: { code: 'payments/malformed_event', message: 'El evento no es un objeto JSON' } }
  const verdict = verifyEventChecksum(body as WompiEventEnvelope, secret, headers.get('x-event-checksum'))
  if (!verdict.ok) return { ok: false, error: { code: 'payments/bad_checksum', message: verdict.reason } }
  const kind = typeof body.event === 'string' ? body.event : 'desconocido'
  const data = isRecord(body.data) ? body.data : {}
  const transaction = kind === 'transaction.updated' ? toGatewayTransaction(gateway, data.transaction) : null
  if (kind === 'transaction.updated' && !transaction)
    return { ok: false, error: { code: 'payments/malformed_event', message: 'La transacción del evento está incompleta' } }
  const timestamp = String(body.timestamp)
  const dedupeKey = transaction
    ? `${transaction.id}:${transaction.status}`
    : `${kind}:${createHash('sha256').update(rawBody).digest('hex').slice(0, 16)}`
  return { ok: true, event: { gateway, kind, transaction, timestamp, dedupeKey, rawBody } }
}

/** The transaction JSON a Wompi `transaction.updated` event carries, from the port's shape (used by the sandbox). */
export function toWompiTransactionJson(t: GatewayTransaction, extra: Record<string, unknown> = {}): WompiTransactionJson {
  return {
    id: t.id,
    created_at: t.createdAt,
    finalized_at: t.finalizedAt,
    amount_in_cents: Number(t.amountInCents),
    reference: t.reference,
    currency: t.currency,
    payment_method_type: t.paymentMethodType,
    status: t.status,
    status_message: t.statusMessage,
    ...extra,
  }
}

const SIGNED_PROPERTIES = ['transaction.id', 'transaction.status', 'transaction.amount_in_cents'] as const

/**
 * A signed `transaction.updated` envelope, exactly as Wompi sends it (§3.4): the checksum is SHA-256 of the signed
 * properties' values, the timestamp and the events secret. The sandbox uses it for its events; tests for theirs.
 */
export function signTransactionEvent(
  transaction: WompiTransactionJson,
  opts: { secret: string; timestamp: number; environment?: 'test' | 'prod' },
): Record<string, unknown> {
  const values = SIGNED_PROPERTIES.map((p) => String(transaction[p.slice('transaction.'.length)]))
  const checksum = createHash('sha256')
    .update(values.join('') + String(opts.timestamp) + opts.secret, 'utf8')
    .digest('hex')
  return {
    event: 'transaction.updated',
    data: { transaction },
    environment: opts.environment ?? 'test',
    signature: { properties: [...SIGNED_PROPERTIES], checksum },
    timestamp: opts.timestamp,
    sent_at: new Date(opts.timestamp * 1000).toISOString(),
  }
}
