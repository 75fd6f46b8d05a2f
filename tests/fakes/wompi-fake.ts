/**
 * A local fake of Wompi's HTTP API (formats.md §3.2, §3.5), for tests of the real adapter and of status polling:
 * `GET /v1/transactions/{id}` with `Authorization: Bearer <private key>` answers `{ data: <transaction> }` from the
 * recorded fixtures (tests/fixtures/wompi/*.json, `data.transaction`) or from transactions a test puts in; an unknown
 * id is 404 with Wompi's error body, a wrong key 401; `fail()` makes it answer 503 for a while, as in an outage.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WompiTransactionJson } from '../../app/payments/wompi-event'

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/wompi')

/** A recorded event fixture ('approved', 'declined', 'pending', 'voided'), parsed. */
export function wompiFixture(name: 'approved' | 'declined' | 'pending' | 'voided'): {
  event: string
  data: { transaction: WompiTransactionJson }
  signature: { properties: string[]; checksum: string }
  timestamp: number
  [more: string]: unknown
} {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'))
}

export type WompiFake = {
  /** API base, as WOMPI_API_URL: http://127.0.0.1:<port>/v1 */
  apiUrl: string
  privateKey: string
  requests: Array<{ path: string; status: number; authorization: string | null }>
  /** Adds or replaces a transaction the API reports. */
  setTransaction: (t: WompiTransactionJson) => void
  fail: (times?: number) => void
  close: () => Promise<void>
}

export async function startWompiFake(opts: { privateKey?: string } = {}): Promise<WompiFake> {
  const privateKey = opts.privateKey ?? 'prv_test_fake'
  const transactions = new Map<string, WompiTransactionJson>()
  for (const name of ['approved', 'declined', 'pending', 'voided'] as const) {
    const t = wompiFixture(name).data.transaction
    transactions.set(t.id, t)
  }
  const requests: WompiFake['requests'] = []
  let failures = 0

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const authorization = req.headers.authorization ?? null
    const reply = (status: number, body: unknown) => {
      requests.push({ path: url.pathname, status, authorization })
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (failures > 0) {
      failures--
      return reply(503, { error: { type: 'SERVICE_UNAVAILABLE', reason: 'Servicio no disponible' } })
    }
    const match = /^\/v1\/transactions\/([^/]+)$/.exec(url.pathname)
    if (req.method !== 'GET' || !match) return reply(404, { error: { type: 'NOT_FOUND_ERROR', reason: 'Ruta no encontrada' } })
    if (authorization !== `Bearer ${privateKey}`)
      return reply(401, { error: { type: 'INVALID_ACCESS_TOKEN', reason: 'Se esperaba una llave privada válida' } })
    const transaction = transactions.get(decodeURIComponent(match[1]!))
    if (!transaction) return reply(404, { error: { type: 'NOT_FOUND_ERROR', reason: 'La entidad solicitada no existe' } })
    return reply(200, { data: transaction })
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiUrl: `http://127.0.0.1:${port}/v1`,
    privateKey,
    requests,
    setTransaction: (t) => void transactions.set(t.id, t),
    fail: (times = 1) => void (failures = times),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
