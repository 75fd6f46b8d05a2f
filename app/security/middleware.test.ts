import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CSRF_EXEMPT_PATH_PREFIXES, checkCsrf } from '~/auth/csrf.server'
import { clientIpFrom } from './client-ip'
import { contentSecurityPolicy } from './headers'
import { csrfProtection, securityHeaders } from './middleware.server'

let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(securityHeaders())
  app.use(csrfProtection())
  app.all('*', (req, res) => res.status(200).send(`handled ${req.method} ${req.path}`))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const post = (path: string, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body: new URLSearchParams({ a: '1' }) })

describe('CSRF defence in front of Remix', () => {
  test('a cross-site form POST (Sec-Fetch-Site: cross-site) is refused with 403 before reaching the app', async () => {
    const response = await post('/ingresar', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/Solicitud rechazada/)
  })
  test('a POST whose Origin is another host is refused even without Sec-Fetch-Site', async () => {
    expect((await post('/mi-cuenta/perfil', { origin: 'https://evil.example' })).status).toBe(403)
    expect((await post('/mi-cuenta/perfil', { origin: 'null' })).status).toBe(403)
  })
  test('a same-origin POST passes', async () => {
    const host = new URL(base).host
    const response = await post('/ingresar', { 'sec-fetch-site': 'same-origin', origin: `http://${host}` })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('handled POST /ingresar')
  })
  test('a cross-site POST to a signature-verified webhook path is accepted (the handler checks the signature)', async () => {
    expect(CSRF_EXEMPT_PATH_PREFIXES).toContain('/webhooks/')
    const response = await post('/webhooks/wompi', { 'sec-fetch-site': 'cross-site', origin: 'https://wompi.example' })
    expect(response.status).toBe(200)
  })
  test('a cross-site GET is not blocked (links from other sites must work)', async () => {
    const response = await fetch(`${base}/ingresar`, { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(response.status).toBe(200)
  })
  test('every response carries nosniff, a referrer policy, frame denial and a permissions policy', async () => {
    const response = await fetch(`${base}/`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('same-origin')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/)
  })
})

describe('checkCsrf', () => {
  test.each([
    ['PUT', 'same-site', undefined, false],
    ['DELETE', undefined, 'http://localhost:3000', true],
    ['POST', 'none', undefined, true],
    ['PATCH', undefined, 'http://localhost:3001', false],
  ])('%s with Sec-Fetch-Site %s and Origin %s → ok %s', (method, site, origin, expected) => {
    const verdict = checkCsrf({ method, path: '/x', headers: { 'sec-fetch-site': site, origin, host: 'localhost:3000' } })
    expect(verdict.ok).toBe(expected)
  })
  test('APP_ORIGIN, when set, is the site identity behind a proxy that rewrites Host', () => {
    const headers = { origin: 'https://ventanilla.example.co', host: 'app:3000' }
    expect(checkCsrf({ method: 'POST', path: '/x', headers, appOrigin: 'https://ventanilla.example.co' }).ok).toBe(true)
    expect(checkCsrf({ method: 'POST', path: '/x', headers }).ok).toBe(false)
  })
})

describe('content security policy', () => {
  test('scripts need the nonce; no unsafe-inline scripts outside dev; framing denied', () => {
    const csp = contentSecurityPolicy('abc123')
    expect(csp).toMatch(/script-src 'self' 'nonce-abc123'/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(contentSecurityPolicy('x', { isDev: true })).toMatch(/script-src 'self' 'unsafe-inline'/)
  })
})

describe('client IP', () => {
  const headers = { 'x-forwarded-for': '6.6.6.6, 10.0.0.7', 'x-real-ip': '10.0.0.8' }
  test('without a trusted header, forwarded headers are ignored and the socket address is used', () => {
    expect(clientIpFrom({ headers, socketAddress: '172.16.0.2' }, null)).toBe('172.16.0.2')
  })
  test('with x-forwarded-for trusted, the right-most entry (added by our proxy) is used', () => {
    expect(clientIpFrom({ headers, socketAddress: '172.16.0.2' }, 'x-forwarded-for')).toBe('10.0.0.7')
    expect(clientIpFrom({ headers, socketAddress: '172.16.0.2' }, 'x-real-ip')).toBe('10.0.0.8')
    expect(clientIpFrom({ headers: {}, socketAddress: '172.16.0.2' }, 'x-real-ip')).toBe('172.16.0.2')
  })
})
