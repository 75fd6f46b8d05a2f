/**
 * CSRF defence for every state-changing request, applied once in server.ts (before Remix), so no route can forget
 * it. Two browser signals, checked in order:
 *   1. Sec-Fetch-Site (all current browsers): only 'same-origin' and 'none' (typed URL, bookmark) pass.
 *   2. Origin: its host must be this site's host (APP_ORIGIN when set, else the Host header).
 * A request carrying neither header is not from a modern browser page; the session cookie's SameSite=Lax already
 * keeps it from riding a cross-site form post in older browsers, so it passes.
 * Webhook routes (signature-verified, posted by servers) are exempt by path prefix.
 */

/** Paths that verify a signature instead of a session; each handler MUST check its provider's signature. */
export const CSRF_EXEMPT_PATH_PREFIXES: readonly string[] = ['/webhooks/']

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type CsrfVerdict = { ok: true } | { ok: false; reason: 'cross_site_fetch' | 'foreign_origin' }

export type CsrfInput = {
  method: string
  path: string
  /** Lower-case header names. */
  headers: { origin?: string | null; 'sec-fetch-site'?: string | null; host?: string | null }
  /** e.g. https://ventanilla.aguasdelasabana.gov.co; overrides the Host header as this site's identity. */
  appOrigin?: string | null
}

export function isCsrfExempt(path: string): boolean {
  return CSRF_EXEMPT_PATH_PREFIXES.some((prefix) => path.startsWith(prefix))
}

export function checkCsrf(input: CsrfInput): CsrfVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true }
  if (isCsrfExempt(input.path)) return { ok: true }
  const site = input.headers['sec-fetch-site']?.toLowerCase()
  if (site && site !== 'same-origin' && site !== 'none') return { ok: false, reason: 'cross_site_fetch' }
  const origin = input.headers.origin
  if (origin) {
    const expectedHost = hostOf(input.appOrigin) ?? input.headers.host?.toLowerCase() ?? null
    if (origin === 'null' || !expectedHost || hostOf(origin) !== expectedHost) {
      return { ok: false, reason: 'foreign_origin' }
    }
  }
  return { ok: true }
}

function hostOf(origin: string | null | undefined): string | null {
  if (!origin) return null
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return null
  }
}

export const CSRF_REFUSED_MESSAGE =
  'Solicitud rechazada: el formulario no se envió desde la ventanilla virtual. Vuelva a la página e inténtelo de nuevo.'
