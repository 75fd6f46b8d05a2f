import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { createSession, getSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { action, loader } from '~/routes/gestion.usuarios'
import { auditTrail, emailOutbox, users } from '../../db/schema'

const ctx = { requestId: 'req-s', ip: '192.0.2.2' }
let adminCookie: string
let agentCookie: string
let adminId: string
const cookieOf = (c: string) => c.split(';')[0]!
const post = (cookie: string, fields: Record<string, string>) =>
  new Request('http://localhost/gestion/usuarios', { method: 'POST', body: new URLSearchParams(fields), headers: { cookie: cookieOf(cookie) } })
const caught = (p: Promise<unknown>) => p.then((v) => v as Response, (e: unknown) => e as Response)

beforeAll(async () => {
  const passwordHash = await hashPassword('clave de prueba larga')
  const [admin, agent] = await db
    .insert(users)
    .values([
      { email: 'admin@example.com', fullName: 'Ada Admin', role: 'admin', passwordHash },
      { email: 'agente@example.com', fullName: 'Abel Agente', role: 'agent', passwordHash },
    ])
    .returning()
  adminId = admin!.id
  adminCookie = await createSession(admin!.id)
  agentCookie = await createSession(agent!.id)
})

describe('/gestion/usuarios', () => {
  test('an agent gets 403 on the page and on the action', async () => {
    const get = new Request('http://localhost/gestion/usuarios', { headers: { cookie: cookieOf(agentCookie) } })
    expect((await caught(loader({ request: get, params: {}, context: ctx }))).status).toBe(403)
    const res = await caught(action({ request: post(agentCookie, { intent: 'create' }), params: {}, context: ctx }))
    expect(res.status).toBe(403)
  })

  test('an admin creates a staff user, who gets a link to choose a password; the creation is audited', async () => {
    const res = (await action({
      request: post(adminCookie, { intent: 'create', fullName: 'Carla Cuadrilla', email: 'Carla@Example.com', role: 'crew' }),
      params: {},
      context: ctx,
    })) as Response
    expect(res.headers.get('location')).toBe('/gestion/usuarios?hecho=creado')
    const [carla] = await db.select().from(users).where(eq(users.email, 'carla@example.com'))
    expect(carla).toMatchObject({ role: 'crew', isActive: true, passwordHash: null })
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'carla@example.com'))
    expect(mail!.text).toMatch(/recuperar-clave\/nueva\?token=/)
    const trail = await db.select().from(auditTrail).where(eq(auditTrail.entityId, carla!.id))
    expect(trail.map((t) => [t.action, t.actorUserId])).toEqual([['staff.created', adminId]])
    const again = (await action({
      request: post(adminCookie, { intent: 'create', fullName: 'Otra', email: 'carla@example.com', role: 'crew' }),
      params: {},
      context: ctx,
    })) as unknown as { data: { result: { error: Record<string, string[]> } } }
    expect(again.data.result.error.email).toEqual(['Ya existe un usuario con ese correo.'])
  })

  test('an area leader needs a service area', async () => {
    const res = (await action({
      request: post(adminCookie, { intent: 'create', fullName: 'Luis Líder', email: 'lider@example.com', role: 'area_leader' }),
      params: {},
      context: ctx,
    })) as unknown as { data: { result: { error: Record<string, string[]> } } }
    expect(res.data.result.error.serviceAreaId).toEqual(['Un líder de área debe tener un área de prestación.'])
  })

  test('deactivation ends the person’s sessions at once and is audited', async () => {
    const [agent] = await db.select().from(users).where(eq(users.email, 'agente@example.com'))
    const asAgent = new Request('http://localhost/', { headers: { cookie: cookieOf(agentCookie) } })
    expect(await getSession(asAgent)).not.toBeNull()
    const res = (await action({ request: post(adminCookie, { intent: 'deactivate', userId: agent!.id }), params: {}, context: ctx })) as Response
    expect(res.headers.get('location')).toBe('/gestion/usuarios?hecho=desactivado')
    expect(await getSession(asAgent)).toBeNull()
    const trail = await db.select().from(auditTrail).where(eq(auditTrail.entityId, agent!.id))
    expect(trail.map((t) => t.action)).toEqual(['staff.deactivated'])
    const self = (await action({ request: post(adminCookie, { intent: 'deactivate', userId: adminId }), params: {}, context: ctx })) as unknown as {
      data: { result: { error: Record<string, string[]> } }
    }
    expect(self.data.result.error['']).toEqual(['No puede desactivar su propio usuario.'])
  })
})
