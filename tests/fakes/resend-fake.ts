/**
 * A local fake of Resend's documented HTTP API (POST /emails), for tests of the real adapter: it checks the bearer
 * key and the JSON body (from, to, subject, html/text), returns `{ id }`, honours `Idempotency-Key` (the same key
 * and body give the same id without sending again; the same key with another body is a 409), and can be told to
 * fail with 500 or 429 for a while, as during a provider outage.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeRequest = { status: number; idempotencyKey: string | null; body: unknown }
export type FakeEmail = {
  id: string
  idempotencyKey: string | null
  from: string
  to: string[]
  subject: string
  html?: string
  text?: string
}

export type ResendFake = {
  url: string
  apiKey: string
  /** Every request received, with the status the fake answered. */
  requests: FakeRequest[]
  /** Emails actually accepted (a repeated idempotency key does not add one). */
  emails: FakeEmail[]
  /** Fail the next `times` requests (default: until `recover()`) with this status. */
  fail: (status: 500 | 429 | 503, times?: number) => void
  recover: () => void
  close: () => Promise<void>
}

export async function startResendFake(opts: { apiKey?: string } = {}): Promise<ResendFake> {
  const apiKey = opts.apiKey ?? 're_test_key'
  const requests: FakeRequest[] = []
  const emails: FakeEmail[] = []
  const byKey = new Map<string, { id: string; bodyJson: string }>()
  let failure: { status: number; remaining: number } | null = null

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      let parsed: unknown = null
      try {
        parsed = JSON.parse(raw)
      } catch {
        parsed = raw
      }
      requests.push({ status, idempotencyKey: key, body: parsed })
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    const error = (status: number, name: string, message: string) =>
      reply(status, { statusCode: status, name, message })

    if (req.method !== 'POST' || req.url !== '/emails') return error(404, 'not_found', 'Ruta no encontrada')
    const auth = req.headers.authorization
    if (!auth) return error(401, 'missing_api_key', 'Missing API key in the authorization header')
    if (auth !== `Bearer ${apiKey}`) return error(403, 'invalid_api_key', 'API key is invalid')
    if (failure && failure.remaining !== 0) {
      failure.remaining--
      return failure.status === 429
        ? reply(
            429,
            { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
            { 'retry-after': '1' },
          )
        : error(failure.status, 'internal_server_error', 'Unexpected error')
    }
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw) as Record<string, unknown>
    } catch {
      return error(422, 'validation_error', 'Invalid JSON body')
    }
    const to = typeof body.to === 'string' ? [body.to] : body.to
    const isValid =
      typeof body.from === 'string' &&
      Array.isArray(to) &&
      to.length > 0 &&
      to.every((t) => typeof t === 'string' && t.includes('@')) &&
      typeof body.subject === 'string' &&
      (typeof body.html === 'string' || typeof body.text === 'string')
    if (!isValid) return error(422, 'validation_error', 'from, to, subject and html or text are required')
    if (key) {
      const seen = byKey.get(key)
      if (seen && seen.bodyJson !== raw) {
        return error(409, 'invalid_idempotent_request', 'Same idempotency key used with a different payload')
      }
      if (seen) return reply(200, { id: seen.id })
    }
    const id = randomUUID()
    if (key) byKey.set(key, { id, bodyJson: raw })
    emails.push({
      id,
      idempotencyKey: key,
      from: body.from as string,
      to: to as string[],
      subject: body.subject as string,
      html: body.html as string | undefined,
      text: body.text as string | undefined,
    })
    return reply(200, { id })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    emails,
    fail: (status, times = -1) => {
      failure = { status, remaining: times }
    },
    recover: () => {
      failure = null
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
