/**
 * Express middleware for server.ts: security headers on every response, the CSRF check before any non-GET reaches
 * Remix, and the client IP the loaders get as `context.ip`.
 */
import type { NextFunction, Request, Response } from 'express'
import { checkCsrf, CSRF_REFUSED_MESSAGE } from '~/auth/csrf.server'
import { clientIpFrom, type TrustedProxyHeader } from './client-ip'
import { BASE_SECURITY_HEADERS } from './headers'

export function securityHeaders() {
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value)
    next()
  }
}

export function csrfProtection(opts: { appOrigin?: string | null } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const verdict = checkCsrf({
      method: req.method,
      path: req.path,
      headers: {
        origin: req.get('origin') ?? null,
        'sec-fetch-site': req.get('sec-fetch-site') ?? null,
        host: req.get('host') ?? null,
      },
      appOrigin: opts.appOrigin ?? null,
    })
    if (verdict.ok) return next()
    console.warn(JSON.stringify({ event: 'csrf_refused', reason: verdict.reason, path: req.path, requestId: res.locals.requestId }))
    res.status(403).type('text/plain; charset=utf-8').send(CSRF_REFUSED_MESSAGE)
  }
}

export function clientIpOf(req: Request, trustedHeader: TrustedProxyHeader): string {
  return clientIpFrom({ headers: req.headers, socketAddress: req.socket.remoteAddress }, trustedHeader)
}
