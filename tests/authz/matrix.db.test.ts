/**
 * The authorization matrix, generated from the app's route manifest (app/routes.ts through flatRoutes): every route
 * module's loader (and action) is called as anonymous, subscriber A, subscriber B and each staff role, and the outcome
 * is compared with tests/authz/expectations.ts. A route without a row fails; a route whose guard is removed or
 * weakened fails (anonymous would get 200 instead of the login redirect, or a role would pass where it must get 403).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import { hashPassword } from '~/auth/password.server'
import { ROLE_PERMISSIONS } from '~/auth/permissions'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import { users, type Role } from '../../db/schema/auth'
import { EXPECTATIONS, type Actor, type Expectation, type Outcome } from './expectations'

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
  }
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

  for (const [file, exp] of Object.entries(EXPECTATIONS)) {
    test(`${file}: loader outcome for each actor`, async () => {
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

    if (exp.policy.kind === 'subscriber' || exp.policy.kind === 'staff' || exp.policy.kind === 'anonymous') {
      test(`${file}: action guard (if any) refuses the wrong people before reading the form`, async () => {
        const mod = (await import(/* @vite-ignore */ path.join(root, 'app/routes', file))) as { action?: (a: unknown) => unknown }
        if (!mod.action) return
        const policy = exp.policy
        const cases: [Actor, Observed][] =
          policy.kind === 'staff'
            ? [['anonymous', 'login'], ['subscriberA', 403]]
            : policy.kind === 'subscriber'
              ? [['anonymous', 'login'], ['coordinator', 403], ['admin', 403]]
              : [['subscriberA', 'home'], ['admin', 'home']]
        for (const [actor, want] of cases) {
          const request = new Request(urlFor(file, exp), { method: 'POST', headers: headersFor(actor), body: new URLSearchParams() })
          expect([actor, await observe(mod.action, request, exp.params ?? {})]).toEqual([actor, want])
        }
      })
    }
  }
})
