import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { verifyLogin } from '~/auth/login.server'
import { hashPassword } from '~/auth/password.server'
import { createSession, getSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { action as requestAction } from '~/routes/recuperar-clave._index'
import { action as resetAction, loader as resetLoader } from '~/routes/recuperar-clave.nueva'
import { auditTrail, emailOutbox, userTokens, users } from '../../db/schema'
import { requestPasswordReset, resetPassword, RESET_LINK_INVALID, RESET_REQUESTED_MESSAGE } from '~/identity/password-reset.server'

let userId: string
const ctx = { requestId: 'req-1', ip: '192.0.2.1' }
const form = (url: string, fields: Record<string, string>) =>
  new Request(url, { method: 'POST', body: new URLSearchParams(fields) })

async function lastLinkTo(email: string): Promise<string> {
  const [row] = await db
    .select({ text: emailOutbox.text })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'password-reset')))
    .orderBy(emailOutbox.createdAt)
    .limit(50)
    .then((r) => r.slice(-1))
  const match = row?.text.match(/token=([A-Za-z0-9_%-]+)/)
  return decodeURIComponent(match![1]!)
}

beforeAll(async () => {
  const [u] = await db
    .insert(users)
    .values({ email: 'reset@example.com', fullName: 'Rosa Reset', role: 'subscriber', passwordHash: await hashPassword('la clave vieja de rosa') })
    .returning()
  userId = u!.id
})

describe('password reset', () => {
  test('the request answers the same for a registered and an unknown email, and emails only the registered one', async () => {
    const known = (await requestAction({ request: form('http://localhost/recuperar-clave', { email: 'RESET@example.com' }), params: {}, context: ctx })) as unknown as { data: { sent: boolean } }
    const unknown = (await requestAction({ request: form('http://localhost/recuperar-clave', { email: 'nadie@example.com' }), params: {}, context: ctx })) as unknown as { data: { sent: boolean } }
    expect(known.data.sent).toBe(true)
    expect(unknown.data).toEqual(known.data)
    expect(RESET_REQUESTED_MESSAGE).toMatch(/Si el correo está registrado/)
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'password-reset'))
    expect(mails.map((m) => m.toAddress)).toEqual(['reset@example.com'])
    expect(mails[0]!.text).toMatch(/http:\/\/localhost\/recuperar-clave\/nueva\?token=/)
    // Only the hash is stored.
    const token = await lastLinkTo('reset@example.com')
    const stored = await db.select().from(userTokens).where(eq(userTokens.userId, userId))
    expect(stored.some((t) => t.tokenHash === token)).toBe(false)
  })

  test('a reset with the link sets the password, ends every session, is single-use and is audited', async () => {
    await requestPasswordReset({ email: 'reset@example.com', origin: 'http://localhost' })
    const token = await lastLinkTo('reset@example.com')
    const cookie = await createSession(userId)
    const page = await resetLoader({ request: new Request(`http://localhost/recuperar-clave/nueva?token=${token}`), params: {}, context: ctx })
    expect(page.isUsable).toBe(true)

    const response = (await resetAction({
      request: form('http://localhost/recuperar-clave/nueva', { token, password: 'un río que baja lento', confirm: 'un río que baja lento' }),
      params: {},
      context: ctx,
    })) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/ingresar?clave=cambiada')
    expect(await getSession(new Request('http://localhost/', { headers: { cookie: cookie.split(';')[0]! } }))).toBeNull()
    expect((await verifyLogin({ email: 'reset@example.com', password: 'un río que baja lento' })).ok).toBe(true)
    expect((await verifyLogin({ email: 'reset@example.com', password: 'la clave vieja de rosa' })).ok).toBe(false)

    const again = await resetPassword({ token, password: 'otra frase bastante larga' })
    expect(!again.ok && again.error.message).toBe(RESET_LINK_INVALID)
    const trail = await db.select().from(auditTrail).where(eq(auditTrail.entityId, userId))
    expect(trail.map((t) => t.action)).toEqual(expect.arrayContaining(['password.reset_requested', 'password.reset']))
  })

  test('a newer link revokes the older one; a link expires after 30 minutes', async () => {
    const t0 = new Date('2026-04-01T10:00:00Z')
    await requestPasswordReset({ email: 'reset@example.com', origin: 'http://localhost' }, { now: t0 })
    const first = await lastLinkTo('reset@example.com')
    await requestPasswordReset({ email: 'reset@example.com', origin: 'http://localhost' }, { now: new Date(t0.getTime() + 60_000) })
    const second = await lastLinkTo('reset@example.com')
    expect(second).not.toBe(first)
    const later = { now: new Date(t0.getTime() + 5 * 60_000) }
    expect((await resetPassword({ token: first, password: 'frase nueva numero uno' }, later)).ok).toBe(false)
    const expired = { now: new Date(t0.getTime() + 32 * 60_000) }
    expect((await resetPassword({ token: second, password: 'frase nueva numero dos' }, expired)).ok).toBe(false)
  })

  test('a weak password is refused next to the field and the link keeps working', async () => {
    await requestPasswordReset({ email: 'reset@example.com', origin: 'http://localhost' })
    const token = await lastLinkTo('reset@example.com')
    const weak = (await resetAction({
      request: form('http://localhost/recuperar-clave/nueva', { token, password: 'password1234', confirm: 'password1234' }),
      params: {},
      context: ctx,
    })) as unknown as { data: { result: { error: Record<string, string[]> } } }
    expect(weak.data.result.error.password).toEqual(['Esa contraseña es muy común y fácil de adivinar. Elija otra.'])
    expect((await resetPassword({ token, password: 'rosa-reset-clave-larga' })).ok).toBe(false) // contains the email
    expect((await resetPassword({ token, password: 'cantan los pájaros al alba' })).ok).toBe(true)
  })
})
