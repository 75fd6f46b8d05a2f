/**
 * Login throttling stored in PostgreSQL, so it holds across app instances. Two keys per attempt: the account (the
 * SHA-256 of the normalised email, whether or not such a user exists, so the answer never reveals it) and the client
 * IP. After each failure the key waits longer before the next attempt (1 s, 2 s, 4 s … up to 30 s); at the limit it
 * is locked for `identity.login_lock_minutes`. Failures older than the window are forgotten.
 */
import { createHash } from 'node:crypto'
import { inArray, sql } from 'drizzle-orm'
import { db as defaultDb, rows, type DbOrTx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { loginThrottles } from '../../db/schema/identity'

const MAX_DELAY_SECONDS = 30

export type ThrottleKeys = { account: string; ip: string }

export function throttleKeysFor(input: { email: string; ip: string }): ThrottleKeys {
  const email = input.email.trim().toLowerCase()
  return {
    account: `account:${createHash('sha256').update(email).digest('hex')}`,
    ip: `ip:${input.ip || 'unknown'}`,
  }
}

export type ThrottleCheck = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

/** Call before checking the password; a blocked key refuses the attempt without looking at the credentials. */
export async function checkLoginThrottle(
  keys: ThrottleKeys,
  opts: { now?: Date; db?: DbOrTx } = {},
): Promise<ThrottleCheck> {
  const now = opts.now ?? new Date()
  const found = await (opts.db ?? defaultDb)
    .select({ blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [keys.account, keys.ip]))
  const until = Math.max(0, ...found.map((r) => r.blockedUntil?.getTime() ?? 0))
  if (until <= now.getTime()) return { ok: true }
  const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000)
  return { ok: false, retryAfterSeconds, message: throttleMessage(retryAfterSeconds) }
}

export function throttleMessage(seconds: number): string {
  const wait = seconds <= 60 ? `${seconds} segundos` : `${Math.ceil(seconds / 60)} minutos`
  return `Demasiados intentos fallidos. Por seguridad, espere ${wait} e inténtelo de nuevo.`
}

/** Counts one failed attempt against both keys and sets their next allowed instant. */
export async function recordLoginFailure(keys: ThrottleKeys, opts: { now?: Date; db?: DbOrTx } = {}): Promise<void> {
  const now = opts.now ?? new Date()
  const dbx = opts.db ?? defaultDb
  const settingOpts = { now, db: dbx }
  const [windowMinutes, maxAccount, maxIp, lockMinutes] = await Promise.all([
    getSetting('identity.login_window_minutes', settingOpts),
    getSetting('identity.login_max_failures_per_account', settingOpts),
    getSetting('identity.login_max_failures_per_ip', settingOpts),
    getSetting('identity.login_lock_minutes', settingOpts),
  ])
  for (const [key, limit] of [
    [keys.account, maxAccount],
    [keys.ip, maxIp],
  ] as const) {
    const { count } = await countInWindow(dbx, key, { now, windowMinutes })
    await setBlockedUntil(dbx, key, blockedUntilAfter(count, limit, lockMinutes, now))
  }
}

/**
 * Counts one event of `key` in a fixed window of `windowMinutes` that starts at the key's first event (an older window
 * starts again at 1). One row per key; the login throttle and the public PQR rate limits share this mechanism.
 */
export async function countInWindow(
  dbx: DbOrTx,
  key: string,
  { now, windowMinutes }: { now: Date; windowMinutes: number },
): Promise<{ count: number; windowStartedAt: Date }> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000)
  const [row] = await rows<{ failures: number; started: Date | string }>(
    dbx,
    sql`insert into login_throttles (key, failures, window_started_at, last_failure_at)
        values (${key}, 1, ${now.toISOString()}, ${now.toISOString()})
        on conflict (key) do update set
          failures = case when login_throttles.window_started_at <= ${windowStart.toISOString()}
                          then 1 else login_throttles.failures + 1 end,
          window_started_at = case when login_throttles.window_started_at <= ${windowStart.toISOString()}
                                   then excluded.window_started_at else login_throttles.window_started_at end,
          last_failure_at = excluded.last_failure_at
        returning failures, window_started_at as started`,
  )
  return { count: Number(row!.failures), windowStartedAt: new Date(row!.started) }
}

/** Blocks `key` until that instant (null lifts the block). */
export async function setBlockedUntil(dbx: DbOrTx, key: string, until: Date | null): Promise<void> {
  await rows(dbx, sql`update login_throttles set blocked_until = ${until?.toISOString() ?? null} where key = ${key}`)
}

/** Pure: the first failure costs nothing, then 1 s, 2 s, 4 s … capped, and the lock once the limit is reached. */
export function blockedUntilAfter(failures: number, limit: number, lockMinutes: number, now: Date): Date | null {
  if (failures >= limit) return new Date(now.getTime() + lockMinutes * 60_000)
  if (failures < 2) return null
  const seconds = Math.min(2 ** (failures - 2), MAX_DELAY_SECONDS)
  return new Date(now.getTime() + seconds * 1000)
}

/** A successful sign-in clears the account's count (the IP's count stays: one good password does not vouch for it). */
export async function clearAccountFailures(keys: ThrottleKeys, opts: { db?: DbOrTx } = {}): Promise<void> {
  await rows(opts.db ?? defaultDb, sql`delete from login_throttles where key = ${keys.account}`)
}
