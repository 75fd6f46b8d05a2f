/**
 * Wompi signatures (../shared/domain/formats.md §3.3–§3.4). Both are plain SHA-256 hex digests, not HMAC. Server-only
 * in practice: callers pass the secrets, which never reach the browser.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { type MoneyInput, money } from '~/billing/money'

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * Wompi's `amount_in_cents`: an integer string (COP 85 400 → '8540000'). Exact; refuses negative amounts and
 * fractions of a centavo instead of rounding them.
 */
export function toAmountInCents(amount: MoneyInput): string {
  if (typeof amount === 'number')
    throw new Error('El valor debe llegar como texto decimal, nunca como número de punto flotante')
  const cents = money(amount).times(100)
  if (!cents.isInteger()) throw new Error(`El valor ${money(amount).toString()} tiene fracciones de centavo`)
  if (cents.isNegative()) throw new Error(`El valor ${money(amount).toString()} es negativo`)
  return cents.toFixed(0)
}

export interface IntegritySignatureInput {
  reference: string
  /** Integer string, see toAmountInCents. */
  amountInCents: string
  currency: string
  /** ISO-8601 UTC ('2025-03-15T23:59:59.000Z'); concatenated only when the checkout also sends it (§3.3). */
  expirationTime?: string
  secret: string
}

/** signature:integrity = hex(SHA-256(reference + amount_in_cents + currency [+ expiration_time] + secret)) (§3.3). */
export function integritySignature(input: IntegritySignatureInput): string {
  if (!/^\d+$/.test(input.amountInCents))
    throw new Error(`amount_in_cents must be an integer string: ${input.amountInCents}`)
  return sha256Hex(
    input.reference + input.amountInCents + input.currency + (input.expirationTime ?? '') + input.secret,
  )
}

/** The event envelope fields the checksum reads (§3.4); the rest of the body is kept as the raw event. */
export interface WompiEventEnvelope {
  event?: unknown
  data?: unknown
  signature?: { properties?: unknown; checksum?: unknown }
  timestamp?: unknown
}

export type ChecksumResult = { ok: true } | { ok: false; reason: string }

/** Reads `transaction.id` inside `data`; undefined when any step is missing. */
function readPath(data: unknown, path: string): unknown {
  let value: unknown = data
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/**
 * Verifies an event's checksum (§3.4): the values of `signature.properties`, in the given order, read under `data`,
 * then the top-level `timestamp`, then the events secret; SHA-256 hex compared in constant time, case-insensitively
 * (Wompi's docs show uppercase hex, implementations emit lowercase). The property list varies per event type, so
 * it is never hard-coded. `headerChecksum` (X-Event-Checksum) is used when the body carries none.
 */
export function verifyEventChecksum(
  event: WompiEventEnvelope,
  secret: string,
  headerChecksum?: string | null,
): ChecksumResult {
  const properties = event.signature?.properties
  if (
    !Array.isArray(properties) ||
    properties.length === 0 ||
    !properties.every((p) => typeof p === 'string')
  )
    return { ok: false, reason: 'El evento no trae la lista de propiedades firmadas' }
  const checksum = event.signature?.checksum ?? headerChecksum
  if (typeof checksum !== 'string' || !/^[0-9a-fA-F]{64}$/.test(checksum))
    return { ok: false, reason: 'El evento no trae una suma de verificación válida' }
  if (typeof event.timestamp !== 'number' && typeof event.timestamp !== 'string')
    return { ok: false, reason: 'El evento no trae la marca de tiempo' }

  let concatenated = ''
  for (const path of properties as string[]) {
    const value = readPath(event.data, path)
    if (value === undefined || (value !== null && typeof value === 'object'))
      return { ok: false, reason: `El evento no trae la propiedad firmada «${path}»` }
    concatenated += String(value)
  }
  const expected = Buffer.from(sha256Hex(concatenated + String(event.timestamp) + secret), 'hex')
  const received = Buffer.from(checksum.toLowerCase(), 'hex')
  if (!timingSafeEqual(expected, received))
    return { ok: false, reason: 'La suma de verificación del evento no coincide' }
  return { ok: true }
}
