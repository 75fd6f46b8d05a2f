/**
 * Security headers (pure; server.ts sets them on every response, entry.server.tsx adds the CSP to HTML documents).
 * Scripts run only with the per-request nonce: no 'unsafe-inline' scripts. Styles allow inline attributes because
 * React `style` props are not scripts and carry no injection risk worth breaking layouts for.
 */

/** Headers for every response (documents, data requests, assets). */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(self), usb=(), interest-cohort=()',
}

/**
 * The Content-Security-Policy of an HTML document. `isDev` (DEV=1 only) relaxes script-src and connect-src for
 * Vite's HMR client, which injects inline scripts and opens a websocket.
 */
export function contentSecurityPolicy(nonce: string, opts: { isDev?: boolean } = {}): string {
  const scriptSrc = opts.isDev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`
  const connectSrc = opts.isDev ? "'self' ws: wss:" : "'self'"
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
