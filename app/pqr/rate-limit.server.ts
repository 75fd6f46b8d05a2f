/**
 * Rate limits of the public PQR pages (filing without an account, status lookup), stored in PostgreSQL so they hold
 * across app instances. Same table and mechanism as the login throttle (app/auth/throttle.server.ts): one row per
 * key counting uses in a window; past the limit the key is blocked until the window ends.
 */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { db as defaultDb, rows, type DbOrTx } from '~/db.server'
import { throttleMessage } from '~/auth/throttle.server'

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
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000)
  const [row] = await rows<{ uses: number; started: Date | string }>(
    db,
    sql`insert into login_throttles (key, failures, window_started_at, last_failure_at)
        values (${key}, 1, ${now.toISOString()}, ${now.toISOString()})
        on conflict (key) do update set
          failures = case when login_throttles.window_started_at <= ${windowStart.toISOString()}
                          then 1 else login_throttles.failures + 1 end,
          window_started_at = case when login_throttles.window_started_at <= ${windowStart.toISOString()}
                                   then excluded.window_started_at else login_throttles.window_started_at end,
          last_failure_at = excluded.last_failure_at
        returning failures as uses, window_started_at as started`,
  )
  if (Number(row!.uses) <= limit) return { ok: true }
  const until = new Date(row!.started).getTime() + windowMinutes * 60_000
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000))
  await rows(db, sql`update login_throttles set blocked_until = ${new Date(until).toISOString()} where key = ${key}`)
  return { ok: false, retryAfterSeconds, message: rateLimitMessage(retryAfterSeconds) }
}

export function rateLimitMessage(seconds: number): string {
  return throttleMessage(seconds).replace('Demasiados intentos fallidos', 'Demasiadas solicitudes desde esta conexión')
}
