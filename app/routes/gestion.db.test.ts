import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { users } from '../../db/schema'
import { insertAccount, insertServiceArea } from '../../tests/factories/accounts'
import { loader as staffLayoutLoader } from './gestion'
import { loader as staffHomeLoader } from './gestion._index'

const args = (cookie: string) => ({
  request: new Request('http://localhost/gestion', { headers: { cookie: cookie.split(';')[0]! } }),
  params: {},
  context: { requestId: 't', ip: '127.0.0.1' },
})

let northId: string

beforeAll(async () => {
  const north = await insertServiceArea(db, { name: 'Norte' })
  const south = await insertServiceArea(db, { name: 'Sur' })
  northId = north.id
  await insertAccount(db, { area: north })
  await insertAccount(db, { area: north })
  await insertAccount(db, { area: south })
})

async function sessionFor(role: 'coordinator' | 'area_leader' | 'admin' | 'subscriber', serviceAreaId: string | null = null) {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${Math.random()}@example.com`, fullName: `Persona ${role}`, role, serviceAreaId })
    .returning()
  return createSession(user!.id)
}

test('a coordinator sees the accounts of every área de prestación, with the role in Spanish', async () => {
  const home = await staffHomeLoader(args(await sessionFor('coordinator')))
  expect(home.roleLabel).toBe('Coordinador comercial')
  expect(home.areas.map((a) => [a.name, a.accounts])).toEqual([
    ['Norte', 2],
    ['Sur', 1],
  ])
})

test('an area leader sees only their own área', async () => {
  const home = await staffHomeLoader(args(await sessionFor('area_leader', northId)))
  expect(home.isAreaScoped).toBe(true)
  expect(home.areas.map((a) => [a.name, a.accounts])).toEqual([['Norte', 2]])
})

test('the staff navigation shows only what the role may do', async () => {
  const admin = await staffLayoutLoader(args(await sessionFor('admin')))
  expect(admin.roleLabel).toBe('Administrador')
  expect(admin.nav.map((item) => item.label)).toEqual(expect.arrayContaining(['Inicio', 'Tareas', 'Ajustes']))
  const coordinator = await staffLayoutLoader(args(await sessionFor('coordinator')))
  expect(coordinator.nav.map((item) => item.label)).toContain('Inicio')
  expect(coordinator.nav.map((item) => item.label)).not.toContain('Ajustes')
  const home = await staffHomeLoader(args(await sessionFor('admin')))
  expect(home.cards.map((card) => card.to)).toEqual(expect.arrayContaining(['/gestion/tareas', '/gestion/ajustes']))
})

test('a subscriber gets 403 on the staff pages', async () => {
  const cookie = await sessionFor('subscriber')
  const thrown = await staffHomeLoader(args(cookie)).catch((e: unknown) => e as Response)
  expect((thrown as Response).status).toBe(403)
  const thrownLayout = await staffLayoutLoader(args(cookie)).catch((e: unknown) => e as Response)
  expect((thrownLayout as Response).status).toBe(403)
})
