/**
 * The webhook's use case: verify the event's checksum, store the raw event (always, even a forged one, as evidence),
 * and apply its transaction once (apply-transaction.server.ts). Answers with the HTTP status the gateway expects:
 * 200 for anything verified (applied, repeated, flagged or ignored: Wompi retries anything else, §3.4), 401 for a
 * bad checksum, 400 for a body that is not an event, 404 when that gateway is not configured here.
 */
import { db as defaultDb, type Db, type DbOrTx } from '~/db.server'
import { gatewayEvents } from '../../db/schema/payments'
import type { GatewayName, GatewayTransaction } from './gateway'
import { gatewayFor } from './gateways.server'
import { applyTransaction, type ApplyResult } from './apply-transaction.server'

export type ReceiveResult = { status: 200 | 400 | 401 | 404; outcome: string; detail: string }

type StoredEvent = {
  gateway: GatewayName
  checksumValid: boolean
  outcome: 'applied' | 'duplicate' | 'refused' | 'flagged' | 'ignored'
  detail: string
  rawBody: string
  transaction?: Pick<GatewayTransaction, 'id' | 'status'> | null
  eventType?: string | null
  attemptId?: string | null
}

/** The raw body as jsonb: parsed when it is JSON, otherwise kept as text inside an object. */
function rawJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown
  } catch {
    return { unparsed: rawBody.slice(0, 100_000) }
  }
}

/** What an unverified body claims, stored only as evidence next to a refused event. */
function claimed(rawBody: string): { eventType: string | null; id: string | null; status: string | null } {
  const body = rawJson(rawBody) as {
    event?: unknown
    data?: { transaction?: { id?: unknown; status?: unknown } }
  } | null
  const t = body?.data?.transaction
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null)
  return { eventType: text(body?.event), id: text(t?.id), status: text(t?.status) }
}

async function storeEvent(dbOrTx: DbOrTx, e: StoredEvent): Promise<void> {
  const unverified = e.checksumValid ? null : claimed(e.rawBody)
  await dbOrTx.insert(gatewayEvents).values({
    gateway: e.gateway,
    eventType: e.eventType ?? unverified?.eventType ?? null,
    transactionId: e.transaction?.id ?? unverified?.id ?? null,
    transactionStatus: e.transaction?.status ?? unverified?.status ?? null,
    checksumValid: e.checksumValid,
    outcome: e.outcome,
    outcomeDetail: e.detail,
    attemptId: e.attemptId ?? null,
    raw: rawJson(e.rawBody),
  })
}

export async function receiveGatewayEvent(
  gatewayName: GatewayName,
  rawBody: string,
  headers: Headers,
  opts: { origin: string; db?: Db; now?: Date },
): Promise<ReceiveResult> {
  const db = opts.db ?? defaultDb
  const gateway = gatewayFor(gatewayName, db)
  if (!gateway) return { status: 404, outcome: 'refused', detail: 'Pasarela no configurada' }
  const parsed = await gateway.parseEvent(rawBody, headers)
  if (!parsed.ok) {
    await storeEvent(db, {
      gateway: gatewayName,
      checksumValid: false,
      outcome: 'refused',
      detail: parsed.error.message,
      rawBody,
    })
    const status = parsed.error.code === 'payments/bad_checksum' ? 401 : 400
    return { status, outcome: 'refused', detail: parsed.error.message }
  }
  const { event } = parsed
  if (!event.transaction) {
    await storeEvent(db, {
      gateway: gatewayName,
      checksumValid: true,
      outcome: 'ignored',
      detail: `Evento ${event.kind} sin efecto`,
      rawBody,
      eventType: event.kind,
    })
    return { status: 200, outcome: 'ignored', detail: `Evento ${event.kind} sin efecto` }
  }
  const transaction = event.transaction
  const result: ApplyResult = await applyAndStore(db, transaction, event.kind, rawBody, opts)
  return { status: 200, outcome: result.outcome, detail: result.detail }
}

/** One transaction: apply and store the event together. If it fails, the event is still stored, and the error rethrown
 *  (the webhook answers 500 and the gateway delivers it again). */
async function applyAndStore(
  db: Db,
  transaction: GatewayTransaction,
  kind: string,
  rawBody: string,
  opts: { origin: string; now?: Date },
): Promise<ApplyResult> {
  const gatewayName = transaction.gateway
  try {
    return await db.transaction(async (tx) => {
      const applied = await applyTransaction(tx, transaction, { origin: opts.origin, now: opts.now })
      await storeEvent(tx, {
        gateway: gatewayName,
        checksumValid: true,
        outcome: applied.outcome,
        detail: applied.detail,
        rawBody,
        transaction,
        eventType: kind,
        attemptId: applied.attemptId,
      })
      return applied
    })
  } catch (error) {
    const detail = `Error al aplicar; la pasarela lo enviará de nuevo: ${(error as Error).message.slice(0, 300)}`
    await storeEvent(db, {
      gateway: gatewayName,
      checksumValid: true,
      outcome: 'refused',
      detail,
      rawBody,
      transaction,
      eventType: kind,
    })
    throw error
  }
}
