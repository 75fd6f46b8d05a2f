/**
 * The authorization matrix, generated from the app's route manifest (app/routes.ts through flatRoutes): every route
 * module's loader (and action) is called as anonymous, subscriber A, subscriber B and each staff role, and the outcome
 * is compared with tests/authz/expectations.ts. A route without a row fails; a route whose guard is removed or
 * weakened fails (anonymous would get 200 instead of the login redirect, or a role would pass where it must get 403).
 * `owned` rows: beforeAll builds real records belonging to subscriber A only (OWNED_FIXTURES, one builder per kind,
 * built lazily when a row asks for it); the row's id segment is filled with that record's id, so subscriber B (who
 * has an account and an invoice of their own) must get 404 and a query that forgets the owner fails here.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { ROLE_PERMISSIONS } from '~/auth/permissions'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { users, type Role } from '../../db/schema/auth'
import { invoices, payments } from '../../db/schema/ledger'
import { userAccounts } from '../../db/schema/premises'
import { billingPeriods } from '../../db/schema/readings'
import { insertAccount } from '../factories/accounts'
import { EXPECTATIONS, type Actor, type Expectation, type OwnedFixture, type Outcome } from './expectations'
import { insertTestCase } from '../../app/pqr/test-fixtures.server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const STAFF_ROLES = ['agent', 'auditor', 'coordinator', 'area_leader', 'collections', 'crew', 'legal', 'admin'] as const
const ACTORS: Actor[] = ['anonymous', 'subscriberA', 'subscriberB', ...STAFF_ROLES]

type RouteEntry = { file: string; children?: RouteEntry[] }

async function manifestFiles(): Promise<string[]> {
  // flatRoutes reads the app directory the Remix Vite plugin normally sets.
  ;(globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = path.join(root, 'app')
  const config = (await import('../../app/routes')).default as unknown as RouteEntry[] | Promise<RouteEntry[]>
  const out: string[] = []
  const walk = (entries: RouteEntry[]) => {
    for (const e of entries) {
      out.push(e.file.replace(/^routes\//, ''))
      if (e.children) walk(e.children)
    }
  }
  walk(await config)
  return out.sort()
}

/** The URL of a flat-routes file name, with params filled in. */
function urlFor(file: string, exp: Expectation): string {
  const segments = file
    .replace(/\.(tsx?|jsx?)$/, '')
    .split('.')
    .filter((s) => s !== '_index' && !s.startsWith('_'))
    .map((s) => s.replace(/_$/, ''))
    .map((s) => (s === '$' ? 'no-existe' : s.startsWith('$') ? (exp.params?.[s.slice(1)] ?? 'x') : s))
  return `http://localhost/${segments.join('/')}${exp.query ? `?${exp.query}` : ''}`
}

const cookies: Partial<Record<Actor, string>> = {}
const userIds: Partial<Record<Actor, string>> = {}

/** An account linked to `actor` with one issued invoice (period 2026-01). */
async function ownedAccount(actor: Actor): Promise<{ accountId: string; invoiceId: string }> {
  const graph = await insertAccount(db)
  await db.insert(userAccounts).values({ userId: userIds[actor]!, accountId: graph.account.id })
  const [period] = await db
    .insert(billingPeriods)
    .values({
      cycleId: graph.cycle.id,
      code: '2026-01',
      startsOn: '2026-01-01',
      endsOn: '2026-01-31',
      readingOn: '2026-02-03',
      issueOn: '2026-02-06',
      dueOn: '2026-02-21',
      suspensionOn: '2026-02-26',
      status: 'issued',
    })
    .returning()
  const [invoice] = await db
    .insert(invoices)
    .values({
      accountId: graph.account.id,
      periodId: period!.id,
      number: Math.floor(Math.random() * 1e9) + 1e9,
      status: 'issued',
      issueOn: '2026-02-06',
      dueOn: '2026-02-21',
      suspensionOn: '2026-02-26',
      previousBalance: '0.00',
      currentCharges: '45000.00',
      totalToPay: '45000.00',
      paymentReference: String(Math.floor(Math.random() * 1e9) + 1e9), // digits: the PDF's barcode carries it
      issuedAt: new Date(),
    })
    .returning()
  return { accountId: graph.account.id, invoiceId: invoice!.id }
}

let ownedA: Promise<{ accountId: string; invoiceId: string }> | undefined
/** Builders of subscriber A's records, one per OwnedFixture kind; each returns the id the route's segment takes. */
const OWNED_FIXTURES: Record<OwnedFixture, () => Promise<string>> = {
  account: async () => (await ownedA!).accountId,
  invoice: async () => (await ownedA!).invoiceId,
  payment: async () => {
    const [p] = await db
      .insert(payments)
      .values({ accountId: (await ownedA!).accountId, amount: '45000.00', paidOn: '2026-02-10', channel: 'counter', externalRef: `matriz-${Date.now()}` })
      .returning()
    return p!.id
  },
  pqr: async () => (await insertTestCase(db, { accountId: (await ownedA!).accountId, filedByUserId: userIds.subscriberA! })).id,
}
const ownedIds: Partial<Record<OwnedFixture, string>> = {}

/** The row's params, with an owned row's id segment (and `{id}` in its query) filled from subscriber A's fixture. */
function withFixture(exp: Expectation): Expectation {
  if (exp.policy.kind !== 'owned') return exp
  const id = ownedIds[exp.policy.fixture]!
  const param = exp.policy.param ?? `${exp.policy.fixture}Id`
  return { ...exp, params: { ...exp.params, [param]: id }, query: exp.query?.replaceAll('{id}', id) }
}

beforeAll(async () => {
  const passwordHash = await hashPassword('matriz de autorizacion')
  const people: { actor: Actor; role: Role }[] = [
    { actor: 'subscriberA', role: 'subscriber' },
    { actor: 'subscriberB', role: 'subscriber' },
    ...STAFF_ROLES.map((role) => ({ actor: role as Actor, role })),
  ]
  for (const p of people) {
    const [u] = await db
      .insert(users)
      .values({ email: `${p.actor}@matriz.test`, fullName: p.actor, role: p.role, passwordHash, emailVerifiedAt: new Date() })
      .returning()
    cookies[p.actor] = (await createSession(u!.id)).split(';')[0]!
    userIds[p.actor] = u!.id
  }
  ownedA = ownedAccount('subscriberA')
  await ownedAccount('subscriberB') // B is a real subscriber with records of their own, not an empty account
  const kinds = new Set(Object.values(EXPECTATIONS).flatMap((e) => (e.policy.kind === 'owned' ? [e.policy.fixture] : [])))
  for (const kind of kinds) ownedIds[kind] = await OWNED_FIXTURES[kind]()
})

type Observed = number | 'login' | 'home' | 'redirect'

async function observe(fn: (args: unknown) => unknown, request: Request, params: Record<string, string>): Promise<Observed> {
  let result: unknown
  try {
    result = await fn({ request, params, context: { requestId: 'authz', ip: '127.0.0.1' } })
  } catch (error) {
    if (!(error instanceof Response)) throw error
    result = error
  }
  if (result instanceof Response) {
    if (result.status >= 300 && result.status < 400) {
      const location = result.headers.get('location') ?? ''
      if (location.startsWith('/ingresar')) return 'login'
      if (location === '/mi-cuenta' || location === '/gestion') return 'home'
      return 'redirect'
    }
    return result.status
  }
  const init = (result as { init?: { status?: number } } | null)?.init
  return init?.status ?? 200
}

function expectedLoader(exp: Expectation, actor: Actor): Outcome | Outcome[] {
  const p = exp.policy
  const isStaff = actor !== 'anonymous' && actor !== 'subscriberA' && actor !== 'subscriberB'
  switch (p.kind) {
    case 'public':
      return 200
    case 'anonymous':
      return actor === 'anonymous' ? 200 : 'home'
    case 'subscriber':
      return actor === 'anonymous' ? 'login' : isStaff ? 403 : 200
    case 'owned':
      return actor === 'anonymous' ? 'login' : isStaff ? 403 : actor === 'subscriberB' ? 404 : 200
    case 'staff': {
      if (actor === 'anonymous') return 'login'
      if (!isStaff) return 403
      if (!ROLE_PERMISSIONS[actor as Role].includes(p.permission)) return 403
      return exp.isMissingFixture ? [200, 404] : 200
    }
    case 'custom':
      return p.loader[actor] ?? p.loader.default
  }
}

function headersFor(actor: Actor): HeadersInit {
  const cookie = cookies[actor]
  return cookie ? { cookie } : {}
}

describe('authorization matrix', () => {
  test('every route in the manifest has an expectation row, and every row names a real route', async () => {
    const files = await manifestFiles()
    expect(files.length).toBeGreaterThan(10)
    expect(files.filter((f) => !EXPECTATIONS[f])).toEqual([])
    expect(Object.keys(EXPECTATIONS).filter((f) => !files.includes(f))).toEqual([])
  })

  for (const [file, row] of Object.entries(EXPECTATIONS)) {
    test(`${file}: loader outcome for each actor`, async () => {
      const exp = withFixture(row)
      const mod = (await import(/* @vite-ignore */ path.join(root, 'app/routes', file))) as {
        loader?: (a: unknown) => unknown
        action?: (a: unknown) => unknown
      }
      const observed: Record<string, Observed> = {}
      const expected: Record<string, Observed> = {}
      for (const actor of ACTORS) {
        const want = expectedLoader(exp, actor)
        if (mod.loader) {
          const got = await observe(mod.loader, new Request(urlFor(file, exp), { headers: headersFor(actor) }), exp.params ?? {})
          observed[actor] = got
          expected[actor] = Array.isArray(want) ? (want.includes(got as Outcome) ? got : want[0]!) : want
        }
      }
      expect(observed).toEqual(expected)
    })

    const kind = row.policy.kind
    if (kind === 'subscriber' || kind === 'owned' || kind === 'staff' || kind === 'anonymous') {
      test(`${file}: action guard (if any) refuses the wrong people before reading the form`, async () => {
        const exp = withFixture(row)
        const mod = (await import(/* @vite-ignore */ path.join(root, 'app/routes', file))) as { action?: (a: unknown) => unknown }
        if (!mod.action) return
        const policy = exp.policy
        const cases: [Actor, Observed][] =
          policy.kind === 'staff'
            ? [['anonymous', 'login'], ['subscriberA', 403]]
            : policy.kind === 'subscriber'
              ? [['anonymous', 'login'], ['coordinator', 403], ['admin', 403]]
              : policy.kind === 'owned'
                ? [['anonymous', 'login'], ['coordinator', 403], ['subscriberB', 404]]
                : [['subscriberA', 'home'], ['admin', 'home']]
        for (const [actor, want] of cases) {
          const request = new Request(urlFor(file, exp), { method: 'POST', headers: headersFor(actor), body: new URLSearchParams() })
          expect([actor, await observe(mod.action, request, exp.params ?? {})]).toEqual([actor, want])
        }
      })
    }
  }
})
