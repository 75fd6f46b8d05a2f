import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { users } from '../../db/schema'
import { getOptionalUser, requireAnonymous, requireStaff, requireUser } from './guards.server'
import { INVALID_CREDENTIALS, verifyLogin } from './login.server'
import { hashPassword } from './password.server'
import { createSession, getSession, invalidateUserSessions } from './session.server'

const cookieOf = (setCookie: string) => setCookie.split(';')[0]!
const requestAs = (setCookie: string | null, url = 'http://localhost/gestion/casos?orden=vence') =>
  new Request(url, { headers: setCookie ? { cookie: cookieOf(setCookie) } : {} })
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Response)

let subscriberId: string
let agentId: string
let adminId: string

beforeAll(async () => {
  const passwordHash = await hashPassword('clave-segura-1')
  const inserted = await db
    .insert(users)
    .values([
      { email: 'Suscriptora@Example.com', fullName: 'Ana Suscriptora', role: 'subscriber', passwordHash },
      { email: 'agente@example.com', fullName: 'Luis Agente', role: 'agent', passwordHash },
      { email: 'admin@example.com', fullName: 'Marta Admin', role: 'admin', passwordHash },
      { email: 'inactivo@example.com', fullName: 'Inactivo', role: 'agent', passwordHash, isActive: false },
    ])
    .returning()
  ;[subscriberId, agentId, adminId] = inserted.map((u) => u.id) as [string, string, string]
})

describe('requireStaff', () => {
  test('redirects an anonymous visitor to the login with the page to return to', async () => {
    const response = await caught(requireStaff(requestAs(null), 'pqr:read'))
    expect(response?.status).toBe(302)
    expect(response?.headers.get('location')).toBe('/ingresar?redirectTo=%2Fgestion%2Fcasos%3Forden%3Dvence')
  })
  test('throws 403 for a subscriber', async () => {
    const response = await caught(requireStaff(requestAs(await createSession(subscriberId)), 'staff:home'))
    expect(response?.status).toBe(403)
  })
  test('throws 403 for staff lacking the permission and returns staff holding it', async () => {
    const agentCookie = await createSession(agentId)
    expect((await caught(requireStaff(requestAs(agentCookie), 'settings:manage')))?.status).toBe(403)
    const user = await requireStaff(requestAs(agentCookie), 'pqr:read')
    expect(user).toMatchObject({ id: agentId, role: 'agent', fullName: 'Luis Agente' })
    expect(user).not.toHaveProperty('passwordHash')
  })
})

describe('sessions', () => {
  test('a deactivated user’s session stops working', async () => {
    const [temp] = await db.insert(users).values({ email: 'temp@example.com', fullName: 'Temp', role: 'crew' }).returning()
    const cookie = await createSession(temp!.id)
    expect(await getOptionalUser(requestAs(cookie))).not.toBeNull()
    await db.update(users).set({ isActive: false }).where(eq(users.id, temp!.id))
    expect(await getOptionalUser(requestAs(cookie))).toBeNull()
  })
  test('invalidateUserSessions ends every session of the user', async () => {
    const one = await createSession(adminId)
    const two = await createSession(adminId)
    await invalidateUserSessions(adminId)
    expect(await getSession(requestAs(one))).toBeNull()
    expect(await getSession(requestAs(two))).toBeNull()
  })
  test('the cookie is HttpOnly, SameSite=Lax, named ventanilla_session, not Secure outside production', async () => {
    const cookie = await createSession(agentId)
    expect(cookie).toMatch(/^ventanilla_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
  })
  test('requireAnonymous sends a signed-in user to their home; requireUser lets them through', async () => {
    const cookie = await createSession(subscriberId)
    expect((await caught(requireAnonymous(requestAs(cookie))))?.headers.get('location')).toBe('/mi-cuenta')
    expect((await requireUser(requestAs(cookie))).id).toBe(subscriberId)
  })
})

describe('verifyLogin', () => {
  test('accepts the email in any case', async () => {
    const outcome = await verifyLogin({ email: ' SUSCRIPTORA@example.COM ', password: 'clave-segura-1' })
    expect(outcome.ok && outcome.value.id).toBe(subscriberId)
  })
  test('answers the same for an unknown email and a wrong password', async () => {
    const unknown = await verifyLogin({ email: 'nadie@example.com', password: 'clave-segura-1' })
    const wrong = await verifyLogin({ email: 'agente@example.com', password: 'otra-clave' })
    expect(!unknown.ok && unknown.error.message).toBe(INVALID_CREDENTIALS)
    expect(!wrong.ok && wrong.error.message).toBe(INVALID_CREDENTIALS)
    expect(INVALID_CREDENTIALS).toBe('Correo o contraseña incorrectos.')
  })
  test('refuses an inactive user', async () => {
    const outcome = await verifyLogin({ email: 'inactivo@example.com', password: 'clave-segura-1' })
    expect(!outcome.ok && outcome.error.code).toBe('auth/inactive')
  })
  test('stores argon2id hashes', async () => {
    expect(await hashPassword('x')).toMatch(/^\$argon2id\$/)
  })
})
