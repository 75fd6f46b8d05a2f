import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { createSession } from '~/auth/session.server'
import { db, rows } from '~/db.server'
import { action as subscriberHomeAction, loader as subscriberHomeLoader } from './mi-cuenta._index'
import {
  accounts,
  billingCycles,
  meters,
  premises,
  serviceAreas,
  subscribers,
  userAccounts,
  users,
  zones,
} from '../../db/schema'

// Rows are inserted directly: tests/factories did not exist when this was written.
async function insertWorld() {
  const [area] = await db
    .insert(serviceAreas)
    .values({
      code: 'MSQ',
      name: 'Mosquera urbano',
      municipality: 'Mosquera',
      department: 'Cundinamarca',
      daneDepartment: '25',
      daneMunicipality: '25473',
      daneTown: '25473000',
      altitudeM: 2516,
      altitudeBand: 'above_2000',
      gln: '7709998888487',
    })
    .returning()
  const [zone] = await db.insert(zones).values({ serviceAreaId: area!.id, code: 'Z1', name: 'Centro' }).returning()
  const [cycle] = await db
    .insert(billingCycles)
    .values({
      serviceAreaId: area!.id,
      code: 'C1',
      name: 'Ciclo 1',
      frequency: 'monthly',
      readingDay: 5,
      issueDay: 8,
      dueDaysAfterIssue: 15,
      suspensionDaysAfterDue: 5,
    })
    .returning()
  return { zoneId: zone!.id, cycleId: cycle!.id }
}

async function insertSubscriberWithAccounts(
  world: { zoneId: string; cycleId: string },
  who: { email: string; document: string; accountNumbers: string[] },
) {
  const [person] = await db
    .insert(subscribers)
    .values({ documentType: 'CC', documentNumber: who.document, kind: 'person', fullName: `Titular ${who.document}` })
    .returning()
  const [user] = await db
    .insert(users)
    .values({ email: who.email, fullName: `Usuario ${who.document}`, role: 'subscriber', passwordHash: await hashPassword('clave-segura-1') })
    .returning()
  for (const [i, number] of who.accountNumbers.entries()) {
    const [premise] = await db
      .insert(premises)
      .values({
        zoneId: world.zoneId,
        cycleId: world.cycleId,
        address: `Calle ${10 + i} # 20-3${i}`,
        addressParts: { viaType: 'Calle', viaNumber: String(10 + i), crossNumber: '20', plate: `3${i}` },
        neighborhood: 'El Centro',
        estrato: 3,
        useClass: 'residential',
        routeOrder: i + 1,
      })
      .returning()
    const [account] = await db
      .insert(accounts)
      .values({ number, premiseId: premise!.id, subscriberId: person!.id, services: ['acueducto', 'alcantarillado'], openedOn: '2020-01-15' })
      .returning()
    await db.insert(meters).values({ accountId: account!.id, serial: `M-${number}`, brand: 'Itron', diameterIn: '1/2', installedOn: '2021-06-30' })
    await db.insert(userAccounts).values({ userId: user!.id, accountId: account!.id })
  }
  return user!
}

const requestWithCookie = (url: string, setCookie?: string) =>
  new Request(url, { headers: setCookie ? { cookie: setCookie.split(';')[0]! } : {} })

const loaderArgs = (request: Request) => ({ request, params: {}, context: { requestId: 't', ip: '127.0.0.1' } })

describe('/mi-cuenta shows only the signed-in subscriber’s accounts', () => {
  let userA: { id: string }
  let userB: { id: string }

  beforeAll(async () => {
    const world = await insertWorld()
    userA = await insertSubscriberWithAccounts(world, { email: 'a@example.com', document: '1010101', accountNumbers: ['100001', '100002'] })
    userB = await insertSubscriberWithAccounts(world, { email: 'b@example.com', document: '2020202', accountNumbers: ['200001'] })
  })

  test('the loader returns exactly the accounts user_accounts links to A, with premise, services and meter', async () => {
    const cookie = await createSession(userA.id)
    const result = await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta', cookie)))
    const expected = await rows<{ number: string }>(
      db,
      sql`select a.number from user_accounts ua join accounts a on a.id = ua.account_id where ua.user_id = ${userA.id} order by a.number`,
    )
    const ofB = await rows<{ number: string }>(
      db,
      sql`select a.number from user_accounts ua join accounts a on a.id = ua.account_id where ua.user_id = ${userB.id}`,
    )
    const shown = result.accounts.map((a) => a.number)
    expect(shown).toEqual(expected.map((r) => r.number))
    expect(shown).toHaveLength(2)
    for (const b of ofB) expect(shown).not.toContain(b.number)

    const first = result.accounts[0]!
    expect(first.address).toBe('Calle 10 # 20-30')
    expect(first.zone).toBe('Centro')
    expect(first.serviceArea).toBe('Mosquera urbano')
    expect(first.estrato).toBe(3)
    expect(first.services).toEqual(['acueducto', 'alcantarillado'])
    expect(first.meter).toEqual({ serial: 'M-100001', installedOn: '2021-06-30' })
    expect(first.status).toBe('active')
  })

  test('an anonymous visitor is sent to /ingresar with the page to come back to', async () => {
    const thrown = await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta'))).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(302)
    expect((thrown as Response).headers.get('location')).toBe('/ingresar?redirectTo=%2Fmi-cuenta')
  })

  test('staff get 403 on the subscriber page', async () => {
    const [agent] = await db.insert(users).values({ email: 'agente@example.com', fullName: 'Agente', role: 'agent' }).returning()
    const cookie = await createSession(agent!.id)
    const thrown = await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta', cookie))).catch((e: unknown) => e)
    expect((thrown as Response).status).toBe(403)
  })

  test('a subscriber with no linked account gets an empty list', async () => {
    const [lonely] = await db.insert(users).values({ email: 'sola@example.com', fullName: 'Sola', role: 'subscriber' }).returning()
    const cookie = await createSession(lonely!.id)
    const result = await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta', cookie)))
    expect(result.accounts).toEqual([])
  })

  test('each account shows its balance (no invoices yet: zero, nothing to pay), and the electronic invoice consent toggles', async () => {
    const cookie = await createSession(userA.id)
    const before = await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta', cookie)))
    expect(before.accounts[0]!.money).toMatchObject({ balance: '0.00', onHold: '0.00', payInvoiceId: null, latestInvoice: null })
    expect(before.electronicInvoice).toBe(false)
    const post = (intent: string) =>
      subscriberHomeAction({
        request: new Request('http://localhost/mi-cuenta', { method: 'POST', headers: { cookie: cookie.split(';')[0]! }, body: new URLSearchParams({ intent }) }),
        params: {},
        context: { requestId: 't', ip: '127.0.0.1' },
      })
    expect(((await post('factura-electronica-si')) as Response).status).toBe(302)
    expect((await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta', cookie)))).electronicInvoice).toBe(true)
    await post('factura-electronica-no')
    expect((await subscriberHomeLoader(loaderArgs(requestWithCookie('http://localhost/mi-cuenta', cookie)))).electronicInvoice).toBe(false)
    const kinds = await rows<{ kind: string; withdrawn: boolean }>(db, sql`select kind::text, withdrawn_at is not null as withdrawn from consents where user_id = ${userA.id}`)
    expect(kinds).toEqual([{ kind: 'electronic_invoice', withdrawn: true }])
  })
})
