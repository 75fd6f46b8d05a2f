import { describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { db } from '~/db.server'
import { action as loginAction } from '~/routes/ingresar'
import { users } from '../../db/schema'
import { blockedUntilAfter, checkLoginThrottle, recordLoginFailure, throttleKeysFor } from '~/auth/throttle.server'

const at = (iso: string) => new Date(iso)
const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000)

describe('login throttling (PostgreSQL)', () => {
  test('the delay grows after each failure and the account locks at the limit, then unlocks after the window', async () => {
    const keys = throttleKeysFor({ email: 'Alguien@Example.com', ip: '203.0.113.5' })
    let now = at('2026-03-02T14:00:00Z')
    expect((await checkLoginThrottle(keys, { now })).ok).toBe(true)
    await recordLoginFailure(keys, { now })
    expect((await checkLoginThrottle(keys, { now })).ok).toBe(true) // first failure: no delay
    await recordLoginFailure(keys, { now })
    const second = await checkLoginThrottle(keys, { now })
    expect(second).toMatchObject({ ok: false, retryAfterSeconds: 1 })
    now = seconds(now, 1)
    expect((await checkLoginThrottle(keys, { now })).ok).toBe(true)
    for (let i = 0; i < 3; i++) {
      now = seconds(now, 10)
      await recordLoginFailure(keys, { now })
    }
    // 5 failures (default limit): locked for 15 minutes, whatever the password.
    const locked = await checkLoginThrottle(keys, { now })
    expect(locked).toMatchObject({ ok: false, retryAfterSeconds: 900 })
    expect(!locked.ok && locked.message).toBe(
      'Demasiados intentos fallidos. Por seguridad, espere 15 minutos e inténtelo de nuevo.',
    )
    expect((await checkLoginThrottle(keys, { now: seconds(now, 899) })).ok).toBe(false)
    const later = seconds(now, 15 * 60)
    expect((await checkLoginThrottle(keys, { now: later })).ok).toBe(true)
    // After the window, the count starts over: one more failure does not lock again.
    await recordLoginFailure(keys, { now: later })
    expect((await checkLoginThrottle(keys, { now: later })).ok).toBe(true)
  })

  test('the IP key locks after its own limit across many different emails', async () => {
    const now = at('2026-03-02T15:00:00Z')
    for (let i = 0; i < 20; i++) {
      await recordLoginFailure(throttleKeysFor({ email: `persona${i}@example.com`, ip: '198.51.100.9' }), { now })
    }
    const fresh = throttleKeysFor({ email: 'otra@example.com', ip: '198.51.100.9' })
    expect((await checkLoginThrottle(fresh, { now })).ok).toBe(false)
    const otherIp = throttleKeysFor({ email: 'otra@example.com', ip: '198.51.100.10' })
    expect((await checkLoginThrottle(otherIp, { now })).ok).toBe(true)
  })

  test('delay schedule', () => {
    const now = at('2026-01-01T00:00:00Z')
    expect(blockedUntilAfter(1, 5, 15, now)).toBeNull()
    expect(blockedUntilAfter(2, 5, 15, now)).toEqual(seconds(now, 1))
    expect(blockedUntilAfter(4, 5, 15, now)).toEqual(seconds(now, 4))
    expect(blockedUntilAfter(5, 5, 15, now)).toEqual(seconds(now, 900))
    expect(blockedUntilAfter(12, 50, 15, now)).toEqual(seconds(now, 30))
  })

  test('the login action answers a locked known email and a locked unknown email with the same words', async () => {
    await db.insert(users).values({
      email: 'conocida@example.com',
      fullName: 'Conocida',
      role: 'subscriber',
      passwordHash: await hashPassword('clave-muy-segura-2026'),
    })
    const attempt = async (email: string, password: string) => {
      const request = new Request('http://localhost/ingresar', { method: 'POST', body: new URLSearchParams({ email, password }) })
      const result = (await loginAction({ request, params: {}, context: { requestId: 't', ip: `10.9.${email.length}.1` } })) as unknown as {
        data: { result: { error: Record<string, string[]> } }
        init: { status: number }
      }
      return result
    }
    const lock = async (email: string) => {
      const keys = throttleKeysFor({ email, ip: 'elsewhere' })
      for (let i = 0; i < 5; i++) await recordLoginFailure(keys)
    }
    await lock('conocida@example.com')
    await lock('desconocida@example.com')
    const known = await attempt('conocida@example.com', 'clave-muy-segura-2026')
    const unknown = await attempt('desconocida@example.com', 'clave-muy-segura-2026')
    expect(known.init.status).toBe(429)
    expect(unknown.init.status).toBe(429)
    expect(known.data.result.error['']).toEqual(unknown.data.result.error[''])
  })
})
