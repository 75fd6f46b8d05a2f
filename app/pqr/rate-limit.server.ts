/**
 * Rate limits of the public PQR pages (filing without an account, status lookup), stored in PostgreSQL so they hold
 * across app instances. The login throttle's counter (`countInWindow` in app/auth/throttle.server.ts): one row per
 * key counting uses in a window; past the limit the key is blocked until the window ends.
 */
import { createHash } from 'node:crypto'
import { countInWindow, setBlockedUntil, throttleMessage } from '~/auth/throttle.server'
import { db as defaultDb, type DbOrTx } from '~/db.server'

export type RateLimitCheck = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

export function rateLimitKey(scope: 'pqr-filing' | 'pqr-lookup', ip: string): string {
  // The IP is hashed: the table is shared with the login throttle and needs no personal data in clear.
  return `${scope}:ip:${createHash('sha256').update(ip || 'unknown').digest('hex').slice(0, 32)}`
}

/** Counts one use of `key`; refuses it when `limit` uses already happened in the last `windowMinutes`. */
export async function consumeRateLimit(
  key: string,
  { limit, windowMinutes, now = new Date(), db = defaultDb }: { limit: number; windowMinutes: number; now?: Date; db?: DbOrTx },
): Promise<RateLimitCheck> {
  const { count, windowStartedAt } = await countInWindow(db, key, { now, windowMinutes })
  if (count <= limit) return { ok: true }
  const until = new Date(windowStartedAt.getTime() + windowMinutes * 60_000)
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
  await setBlockedUntil(db, key, until)
  return { ok: false, retryAfterSeconds, message: rateLimitMessage(retryAfterSeconds) }
}

export function rateLimitMessage(seconds: number): string {
  return throttleMessage(seconds).replace('Demasiados intentos fallidos', 'Demasiadas solicitudes desde esta conexión')
}
