import { beforeAll, describe, expect, test } from 'vitest'
import { getOptionalUser } from '~/auth/guards.server'
import { INVALID_CREDENTIALS } from '~/auth/login.server'
import { hashPassword } from '~/auth/password.server'
import { createSession, getSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { users } from '../../db/schema'
import { action as loginAction } from './ingresar'
import { action as logoutAction } from './salir'

const cookieOf = (setCookie: string) => setCookie.split(';')[0]!
const requestAs = (setCookie: string) => new Request('http://localhost/', { headers: { cookie: cookieOf(setCookie) } })
const args = (request: Request) => ({ request, params: {}, context: { requestId: 't', ip: '127.0.0.1' } })

let agentId: string

beforeAll(async () => {
  const passwordHash = await hashPassword('clave-segura-1')
  const inserted = await db
    .insert(users)
    .values([
      { email: 'suscriptora@example.com', fullName: 'Ana Suscriptora', role: 'subscriber', passwordHash },
      { email: 'agente@example.com', fullName: 'Luis Agente', role: 'agent', passwordHash },
    ])
    .returning()
  agentId = inserted[1]!.id
})

describe('/ingresar and /salir', () => {
  const post = (url: string, fields: Record<string, string>, cookie?: string) =>
    new Request(url, { method: 'POST', body: new URLSearchParams(fields), headers: cookie ? { cookie: cookieOf(cookie) } : {} })

  test('a staff login follows a same-site redirectTo and sets the session cookie', async () => {
    const response = (await loginAction(
      args(post('http://localhost/ingresar', { email: 'agente@example.com', password: 'clave-segura-1', redirectTo: '/gestion/casos' })),
    )) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/gestion/casos')
    const setCookie = response.headers.get('set-cookie')!
    expect((await getOptionalUser(requestAs(setCookie)))?.id).toBe(agentId)
  })
  test('an off-site redirectTo is ignored: a subscriber goes to /mi-cuenta', async () => {
    const response = (await loginAction(
      args(post('http://localhost/ingresar', { email: 'suscriptora@example.com', password: 'clave-segura-1', redirectTo: '//evil.example' })),
    )) as Response
    expect(response.headers.get('location')).toBe('/mi-cuenta')
  })
  test('wrong credentials return the Spanish form error and no cookie', async () => {
    const result = await loginAction(args(post('http://localhost/ingresar', { email: 'agente@example.com', password: 'mala' })))
    const body = result as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(body.init.status).toBe(400)
    expect(body.data.result.error['']).toEqual([INVALID_CREDENTIALS])
  })
  test('an empty form gets a message next to each field', async () => {
    const result = await loginAction(args(post('http://localhost/ingresar', { email: '', password: '' })))
    const body = result as unknown as { data: { result: { error: Record<string, string[]> } } }
    expect(body.data.result.error.email).toEqual(['Escriba su correo electrónico.'])
    expect(body.data.result.error.password).toEqual(['Escriba su contraseña.'])
  })
  test('logout ends the session and clears the cookie', async () => {
    const cookie = await createSession(agentId)
    const response = await logoutAction(args(post('http://localhost/salir', {}, cookie)))
    expect(response.headers.get('location')).toBe('/')
    expect(response.headers.get('set-cookie')).toMatch(/^ventanilla_session=;/)
    expect(await getSession(requestAs(cookie))).toBeNull()
  })
})
