/** For tests that need several connections at once: they run on the server and are skipped, visibly, on PGlite. */
import { describe } from 'vitest'

export const isServer = Boolean(process.env.DATABASE_URL)

export function describeOnServer(name: string, fn: () => void) {
  if (isServer) return describe(name, fn)
  return describe.skip(`${name} [omitido: requiere el servidor PostgreSQL (DATABASE_URL); PGlite es una sola conexión]`, fn)
}
