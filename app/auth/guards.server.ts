/**
 * Guards: every loader and action calls one on its first line (a layout's guard does not protect its children,
 * because Remix runs nested loaders in parallel).
 */
import { eq } from 'drizzle-orm'
import { db } from '~/db.server'
import { forbidden } from '~/utils/errors'
import { userAccounts } from '../../db/schema'
import { can, isStaffRole, type Permission } from './permissions'
import { homePathFor } from './redirect'
import { getSession, type SessionUser } from './session.server'

export type { SessionUser }

/**
 * One session lookup per request: a layout and its page each call their guard (Remix runs them in parallel), and
 * both get the same Request object, so the second guard reuses the first one's answer instead of asking PostgreSQL
 * again. After an action, Remix builds a new Request for the loaders, so a sign-out is never hidden by this.
 */
const userOfRequest = new WeakMap<Request, Promise<SessionUser | null>>()
const accountsOfRequest = new WeakMap<Request, Promise<string[]>>()

export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let found = userOfRequest.get(request)
  if (!found) {
    found = getSession(request).then((result) => result?.user ?? null)
    userOfRequest.set(request, found)
  }
  return found
}

// A plain Response (what Remix's redirect() builds): domain modules do not import Remix.
function throwRedirect(location: string): never {
  throw new Response(null, { status: 302, headers: { Location: location } })
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url)
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })
  throwRedirect(`/ingresar?${params.toString()}`)
}

/** The signed-in user, or a redirect to /ingresar?redirectTo=<this path>. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request)
  if (!user) loginRedirect(request)
  return user
}

/**
 * A subscriber, without reading their accounts: for the portal layout (it shows only the name) and for a page whose
 * own query checks ownership against user_accounts. Staff get 403.
 */
export async function requireSubscriberUser(request: Request): Promise<SessionUser> {
  const user = await requireUser(request)
  if (user.role !== 'subscriber') forbidden('Esta página es para suscriptores. Use el panel de gestión.')
  return user
}

/** A subscriber and the ids of the accounts linked to them; staff get 403. */
export async function requireSubscriber(request: Request): Promise<{ user: SessionUser; accountIds: string[] }> {
  const user = await requireSubscriberUser(request)
  let accountIds = accountsOfRequest.get(request)
  if (!accountIds) {
    accountIds = db
      .select({ accountId: userAccounts.accountId })
      .from(userAccounts)
      .where(eq(userAccounts.userId, user.id))
      .then((links) => links.map((l) => l.accountId))
    accountsOfRequest.set(request, accountIds)
  }
  return { user, accountIds: await accountIds }
}

/** Staff holding `permission`; anonymous → login, subscribers and staff without it → 403. */
export async function requireStaff(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!isStaffRole(user.role)) forbidden('Esta página es para el personal de la empresa.')
  if (!can(user, permission)) forbidden()
  return user
}

/** For the sign-in page: people already signed in go to their home. */
export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getOptionalUser(request)
  if (user) throwRedirect(homePathFor(user))
}
