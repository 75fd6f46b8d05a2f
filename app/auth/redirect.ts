/** Where people land after signing in. Client-safe. */
import type { Role } from '../../db/schema/auth'

export function homePathFor(user: { role: Role }): string {
  return user.role === 'subscriber' ? '/mi-cuenta' : '/gestion'
}

/**
 * A `redirectTo` is honoured only if it is a same-site relative path ('/x', not '//host' or '/\host') inside the
 * user's own area; anything else goes to the user's home.
 */
export function safeRedirectPath(redirectTo: unknown, user: { role: Role }): string {
  const home = homePathFor(user)
  if (typeof redirectTo !== 'string' || !redirectTo.startsWith('/')) return home
  const hasControlChar = [...redirectTo].some((c) => c.charCodeAt(0) < 0x20)
  if (redirectTo.startsWith('//') || redirectTo.includes('\\') || hasControlChar) return home
  const otherArea = user.role === 'subscriber' ? '/gestion' : '/mi-cuenta'
  if (redirectTo === otherArea || redirectTo.startsWith(`${otherArea}/`)) return home
  if (redirectTo === '/ingresar' || redirectTo.startsWith('/ingresar?') || redirectTo.startsWith('/salir')) return home
  return redirectTo
}
