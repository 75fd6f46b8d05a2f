/**
 * Posts payments: a negative ledger entry each, then allocation to open charges oldest first, skipping amounts on
 * hold (allocate.server.ts, the one rule). What is left over stays as a credit (a negative balance) that the next
 * issued invoice consumes. Idempotent per (channel, external_ref): a payment reported twice is posted once.
 * postPaymentsBulk writes a whole batch (a bank file, the demo history) in a few set-based statements; postPayment is
 * the same path with one payment.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { money, toDb } from '~/billing/money'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import type { PaymentChannel } from '../../../db/schema/ledger'
import { orderedUuid } from '../liquidation/ids'
import { allocateAccounts, lockAccounts, type Allocation } from './allocate.server'

export type PostPaymentInput = {
  accountId: string
  amount: string
  paidOn: string
  channel: PaymentChannel
  externalRef?: string | null
  /** The payment reference the payer quoted (without an attempt suffix): lets a bank file recognise a gateway payment. */
  reference?: string | null
  actor?: TrailActor
}

export type PostedPayment = { paymentId: string; isDuplicate: boolean; allocations: Allocation[] }

export async function postPayment(tx: DbOrTx, input: PostPaymentInput): Promise<PostedPayment> {
  const [posted] = await postPaymentsBulk(tx, [input], { actor: input.actor })
  return posted!
}

const keyOf = (p: { channel: string; externalRef?: string | null }) =>
  p.externalRef ? `${p.channel}|${p.externalRef}` : null

/**
 * Posts many payments at once, in input order (which breaks ties of the same day in the allocation order).
 * The trail gets one 'payment.posted' entry for a single payment and one 'payment.batch_posted' entry for a batch.
 */
const LARGE_BATCH = 500

export async function postPaymentsBulk(
  tx: DbOrTx,
  inputs: PostPaymentInput[],
  opts: { actor?: TrailActor } = {},
): Promise<PostedPayment[]> {
  if (inputs.length === 0) return []
  for (const p of inputs) if (money(p.amount).lte(0)) throw new Error('payment amount must be positive')
  await lockAccounts(tx, [...new Set(inputs.map((p) => p.accountId))].sort())
  const existing = await findExisting(tx, inputs)
  const results: Array<PostedPayment | null> = inputs.map(() => null)
  const fresh: Array<{ i: number; p: PostPaymentInput }> = []
  const seen = new Map<string, number>()
  inputs.forEach((p, i) => {
    const key = keyOf(p)
    const found = key ? existing.get(key) : undefined
    if (found) results[i] = { paymentId: found, isDuplicate: true, allocations: [] }
    else if (key && seen.has(key)) results[i] = { paymentId: '', isDuplicate: true, allocations: [] }
    else {
      if (key) seen.set(key, i)
      fresh.push({ i, p })
    }
  })
  const actor = opts.actor ?? { kind: 'system', label: 'billing' }
  const createdBy = actor.kind === 'user' ? actor.userId : null
  const payload = fresh.map(({ i, p }) => ({
    i,
    // Time-ordered: payment ids append to the indexes of payments and payment_allocations (0015_uuid-v7-function.sql).
    id: orderedUuid(),
    account_id: p.accountId,
    amount: toDb(money(p.amount)),
    paid_on: p.paidOn,
    channel: p.channel,
    external_ref: p.externalRef ?? null,
    reference: p.reference ?? null,
    description: `Pago recibido (${CHANNEL_LABELS[p.channel]})`,
  }))
  // The allocation statement writes the payments and their ledger entries too (allocate.server.ts, NewPayment).
  if (fresh.length >= LARGE_BATCH) await refreshStatistics(tx, fresh.length)
  const byIndex = new Map(payload.map((r) => [r.i, r.id]))
  const allocations = await allocateAccounts(
    tx,
    fresh.map(({ p }) => p.accountId),
    { rows: payload, createdBy },
  )
  const byPayment = new Map<string, Allocation[]>()
  for (const a of allocations) {
    const list = byPayment.get(a.paymentId)
    if (list) list.push(a)
    else byPayment.set(a.paymentId, [a])
  }
  for (const { i } of fresh) {
    const paymentId = byIndex.get(i)!
    results[i] = { paymentId, isDuplicate: false, allocations: byPayment.get(paymentId) ?? [] }
  }
  inputs.forEach((p, i) => {
    if (results[i]!.paymentId === '')
      results[i] = { ...results[i]!, paymentId: results[seen.get(keyOf(p)!)!]!.paymentId }
  })
  await trailPosted(
    tx,
    actor,
    fresh.map(({ i, p }) => ({
      p,
      paymentId: results[i]!.paymentId,
      allocations: results[i]!.allocations.length,
    })),
  )
  return results as PostedPayment[]
}

/**
 * A large batch can outgrow the planner's statistics (first bank file, first demo period: the ledger's tables were
 * empty when last analysed), and the allocation query then picks nested loops that grow with the square of the batch. Refresh them when the batch
 * is a sizeable share of the table (reltuples, the planner's own count); on a grown ledger the analyze would cost
 * seconds per batch (three tables of millions of rows) for statistics that barely move.
 */
async function refreshStatistics(tx: DbOrTx, batch: number): Promise<void> {
  const [payments] = await rows<{ n: number }>(tx, sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'payments'::regclass`)
  if ((payments?.n ?? 0) < batch * 10) await tx.execute(sql`analyze payments, ledger_entries, payment_allocations`)
}

async function findExisting(tx: DbOrTx, inputs: PostPaymentInput[]): Promise<Map<string, string>> {
  const refs = inputs.filter((p) => p.externalRef).map((p) => ({ channel: p.channel, ref: p.externalRef }))
  if (refs.length === 0) return new Map()
  const found = await rows<{ channel: string; external_ref: string; id: string }>(
    tx,
    // The column side stays uncast so the lookup uses payments_channel_ref_key.
    sql`select p.channel::text, p.external_ref, p.id from payments p
          join json_to_recordset(${JSON.stringify(refs)}::json) as x(channel text, ref text)
            on p.channel = x.channel::payment_channel and p.external_ref = x.ref
         where p.external_ref is not null`,
  )
  return new Map(found.map((r) => [`${r.channel}|${r.external_ref}`, r.id]))
}

type Posted = { p: PostPaymentInput; paymentId: string; allocations: number }

async function trailPosted(tx: DbOrTx, actor: TrailActor, posted: Posted[]): Promise<void> {
  if (posted.length === 0) return
  if (posted.length === 1) {
    const { p, paymentId, allocations } = posted[0]!
    await recordTrail(tx, {
      entityType: 'payment',
      entityId: paymentId,
      action: 'payment.posted',
      actor,
      summary: {
        accountId: p.accountId,
        amount: toDb(money(p.amount)),
        paidOn: p.paidOn,
        channel: p.channel,
        allocations,
      },
    })
    return
  }
  const total = posted.reduce((s, x) => s.plus(money(x.p.amount)), money('0'))
  await recordTrail(tx, {
    entityType: 'payment',
    entityId: posted[0]!.paymentId,
    action: 'payment.batch_posted',
    actor,
    summary: {
      payments: posted.length,
      total: toDb(total),
      first: posted[0]!.paymentId,
      last: posted[posted.length - 1]!.paymentId,
    },
  })
}

export const CHANNEL_LABELS: Record<PaymentChannel, string> = {
  gateway: 'pasarela en línea',
  bank_file: 'recaudo bancario',
  counter: 'taquilla',
}
