/**
 * Sessions stored in PostgreSQL. The ONLY file that imports lucia (v3 is no longer developed upstream): routes and
 * guards use the four functions below, so the implementation can be replaced without touching them.
 */
import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle'
import { Lucia, TimeSpan } from 'lucia'
import { db } from '~/db.server'
import { sessions, users, type Role, type User } from '../../db/schema/auth'

export const SESSION_COOKIE = 'ventanilla_session'

/** The signed-in person as the app sees them (never the password hash). */
export type SessionUser = {
  id: string
  email: string
  fullName: string
  role: Role
  serviceAreaId: string | null
}

/** Browser tests run on http://localhost with NODE_ENV=production, so COOKIE_SECURE=false may turn Secure off. */
function isSecureCookie(): boolean {
  return process.env.NODE_ENV === 'production' && process.env.COOKIE_SECURE !== 'false'
}

function buildLucia() {
  // `db` is a Proxy that resolves the current connection on each call, so the adapter keeps working across the
  // per-test-file databases and both drivers (postgres.js, PGlite).
  const adapter = new DrizzlePostgreSQLAdapter(db, sessions, users)
  return new Lucia(adapter, {
    // Sliding expiry in the database: lucia extends the row when half the span has passed. `expires: false` gives
    // the cookie lucia's long fixed Max-Age, so the row (not the cookie) decides, and no loader must refresh it.
    sessionExpiresIn: new TimeSpan(7, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: false,
      attributes: { secure: isSecureCookie(), sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (row) => ({
      email: row.email,
      fullName: row.fullName,
      role: row.role,
      serviceAreaId: row.serviceAreaId,
      isActive: row.isActive,
    }),
  })
}

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof buildLucia>
    DatabaseUserAttributes: User
  }
}

let instance: ReturnType<typeof buildLucia> | undefined
function lucia() {
  instance ??= buildLucia()
  return instance
}

function sessionIdFrom(request: Request): string | null {
  return lucia().readSessionCookie(request.headers.get('cookie') ?? '')
}

/** The valid session and its active user, or null. */
export async function getSession(request: Request): Promise<{ session: { id: string; expiresAt: Date }; user: SessionUser } | null> {
  const id = sessionIdFrom(request)
  if (!id) return null
  const { session, user } = await lucia().validateSession(id)
  if (!session || !user) return null
  if (!user.isActive) {
    await lucia().invalidateSession(session.id)
    return null
  }
  const { isActive: _isActive, ...sessionUser } = user
  return { session: { id: session.id, expiresAt: session.expiresAt }, user: sessionUser }
}

/** Opens a session for the user and returns the Set-Cookie header value. */
export async function createSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, {})
  return lucia().createSessionCookie(session.id).serialize()
}

/** Ends the request's session (if any) and returns the Set-Cookie header value that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const id = sessionIdFrom(request)
  if (id) await lucia().invalidateSession(id)
  return lucia().createBlankSessionCookie().serialize()
}

/** Ends every session of a user (deactivation, password change). */
export async function invalidateUserSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId)
}
