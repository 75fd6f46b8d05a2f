/**
 * Demo billing history through the engine itself (issue 2: no second, simplified billing computation in the seed):
 * every demo period whose issue date has passed goes through the crítica (app/billing/critica), is released, liquidated
 * and issued (app/billing/liquidation), and then payments are posted in batches with postPaymentsBulk (app/billing/ledger) with
 * realistic, deterministic behaviour: most subscribers pay on time, some late, some in part, and about one in ten
 * stops paying 1, 2, 3 or more periods before today (the delinquency the collection and suspension issues need).
 */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { rows, type Db } from '../../app/db.server'
import { reviewConsumptions } from '../../app/billing/critica/review.server'
import { runCritica } from '../../app/billing/critica/run.server'
import { postPaymentsBulk } from '../../app/billing/ledger/post-payment.server'
import { fromDb } from '../../app/billing/money'
import { issueLiquidation } from '../../app/billing/liquidation/issue.server'
import { runLiquidation } from '../../app/billing/liquidation/run.server'
import { startLiquidation } from '../../app/billing/liquidation/start.server'
import type { PaymentChannel } from '../schema/ledger'
import { serviceAreas } from '../schema/areas'
import { addDays, bogotaDate } from './dates'
import * as tariffs from './tariffs'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>
type Log = (message: string) => void
type PeriodRow = {
  id: string
  cycle_id: string
  code: string
  issue_on: string
  due_on: string
  ordinal: number
  periods: number
}
type InvoiceRow = {
  account_id: string
  total_to_pay: string
  current_charges: string
  payment_reference: string
}

const actor = { kind: 'system', label: 'datos de demostración' } as const

/** A number in [0, 1) from SHA-256(seed:key), the same in any language (STYLE.md §10). */
function draw(seed: number, key: string): number {
  return createHash('sha256').update(`${seed}:${key}`).digest().readUInt32BE(0) / 2 ** 32
}

type Behaviour = { kind: 'on_time' | 'late' | 'partial' | 'stops'; stopsBefore: number }
const OWES_LAST_PERIOD: Behaviour = { kind: 'stops', stopsBefore: 1 }

function behaviourOf(seed: number, accountId: string): Behaviour {
  const x = draw(seed, `behaviour:${accountId}`)
  if (x < 0.7) return { kind: 'on_time', stopsBefore: 0 }
  if (x < 0.82) return { kind: 'late', stopsBefore: 0 }
  if (x < 0.9) return { kind: 'partial', stopsBefore: 0 }
  // Stops paying 1, 2, 3 or 4 periods before the last issued one.
  return { kind: 'stops', stopsBefore: 1 + Math.floor(draw(seed, `stops:${accountId}`) * 4) }
}

/** The demo tariffs, when the seed could not approve them earlier (they need the demo users: 4-eyes). */
export async function ensureDemoTariffs(db: Db, now: Date, log: Log): Promise<void> {
  const [found] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from tariff_versions where status <> 'draft'`,
  )
  if ((found?.n ?? 0) > 0) return
  const areas = await db.select().from(serviceAreas).orderBy(serviceAreas.code)
  await tariffs.seedDemoTariffs(db, { areas, now, log })
}

export type HistoryProgress = (done: number, total: number, message?: string) => Promise<void>

export async function seedBillingHistory(
  anyDb: AnyDb,
  opts: {
    now: Date
    seed: number
    log?: Log
    onProgress?: HistoryProgress
    /** Accounts that stop paying before the last period, whatever their draw (the demo subscriber B always owes). */
    owingAccountIds?: readonly string[]
  },
): Promise<void> {
  const db = anyDb as unknown as Db
  const log = opts.log ?? (() => {})
  // The liquidation benchmark seeds accounts only and times one liquidation itself.
  if (process.env.SEED_BILLING_HISTORY === 'skip') return
  const started = performance.now()
  const today = bogotaDate(opts.now)
  // The bulk load left no planner statistics: without them the first allocation queries pick nested loops.
  await db.execute(sql`analyze`)
  await ensureDemoTariffs(db, opts.now, log)
  const periods = await rows<PeriodRow>(
    db,
    sql`select id, cycle_id, code, issue_on::text, due_on::text,
               (row_number() over (partition by cycle_id order by starts_on))::int as ordinal,
               (count(*) over (partition by cycle_id))::int as periods
          from billing_periods where issue_on <= ${today}::date order by issue_on, cycle_id`,
  )
  let invoices = 0
  let payments = 0
  let done = 0
  for (const period of periods) {
    // Between transactions: on PGlite a progress write inside one would wait for it forever.
    await opts.onProgress?.(done++, periods.length, `Periodo ${period.code}`)
    const t0 = performance.now()
    await runCritica(db, { periodId: period.id, now: opts.now })
    await reviewConsumptions(db, { periodId: period.id, decision: 'release', by: null, now: opts.now })
    const tCritica = performance.now()
    const run = await db.transaction((tx) => startLiquidation(tx, { periodId: period.id, actor }))
    if (!run.ok) continue
    const timings = { select: 0, read: 0, compute: 0, write: 0, waitRead: 0, waitWrite: 0 }
    const outcome = await runLiquidation(db, run.value.runId, { timings })
    if (!outcome.ok) {
      log(`  Periodo ${period.code}: ${outcome.error}`)
      continue
    }
    const tRun = performance.now()
    await db.transaction((tx) => issueLiquidation(tx, { runId: run.value.runId, actor }))
    const tIssue = performance.now()
    invoices += outcome.invoices
    // Fresh statistics as the ledger grows, so allocation queries keep their index plans.
    await db.execute(sql`analyze invoices, invoice_lines, ledger_entries, payments, payment_allocations`)
    const t1 = performance.now()
    const paid = await payPeriod(db, opts.seed, period, run.value.runId, today, new Set(opts.owingAccountIds ?? []))
    payments += paid
    const secs = (ms: number) => (ms / 1000).toFixed(1)
    log(
      `  Periodo ${period.code}: ${outcome.invoices} facturas (${secs(t1 - t0)} s: crítica ${secs(tCritica - t0)}, ` +
        `liquidación ${secs(tRun - tCritica)} [leer ${secs(timings.select + timings.read)}, calcular ${secs(timings.compute)}, escribir ${secs(timings.write)}], expedición ${secs(tIssue - tRun)}), ${paid} pagos (${secs(performance.now() - t1)} s)`,
    )
  }
  await db.execute(sql`analyze invoices, invoice_lines, ledger_entries, payments, payment_allocations`)
  await opts.onProgress?.(periods.length, periods.length, 'Terminado')
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  log(
    `  Historia de facturación: ${invoices} facturas expedidas y ${payments} pagos aplicados en ${seconds} s`,
  )
}

const CHANNELS: PaymentChannel[] = ['bank_file', 'bank_file', 'gateway', 'counter']

/** Posts the period's payments (one per account at most) in set-based batches. */
async function payPeriod(
  db: Db,
  seed: number,
  period: PeriodRow,
  runId: string,
  today: string,
  owing: ReadonlySet<string>,
): Promise<number> {
  const list = await rows<InvoiceRow>(
    db,
    sql`select account_id, total_to_pay::text, current_charges::text, payment_reference
          from invoices where liquidation_run_id = ${runId}::uuid order by account_id`,
  )
  const remaining = period.periods - period.ordinal // 0 for the last issued period of the cycle
  const planned = list.flatMap((inv) => {
    const behaviour = owing.has(inv.account_id) ? OWES_LAST_PERIOD : behaviourOf(seed, inv.account_id)
    const plan = planPayment(seed, period, inv, behaviour, remaining)
    return plan && plan.paidOn <= today ? [{ inv, ...plan }] : []
  })
  // One set-based batch per 2,000 payments (postPaymentsBulk: the same allocation rule as postPayment).
  for (let i = 0; i < planned.length; i += 2000) {
    const batch = planned.slice(i, i + 2000).map((p) => {
      const channel =
        CHANNELS[Math.floor(draw(seed, `channel:${p.inv.payment_reference}`) * CHANNELS.length)]!
      const externalRef = channel === 'counter' ? null : `demo-${p.inv.payment_reference}`
      return { accountId: p.inv.account_id, amount: p.amount, paidOn: p.paidOn, channel, externalRef }
    })
    await db.transaction((tx) => postPaymentsBulk(tx, batch, { actor }))
  }
  return planned.length
}

function planPayment(
  seed: number,
  period: PeriodRow,
  inv: InvoiceRow,
  b: Behaviour,
  remaining: number,
): { amount: string; paidOn: string } | null {
  const total = fromDb(inv.total_to_pay)
  if (total.lte(0)) return null
  if (b.kind === 'stops' && remaining < b.stopsBefore) return null
  const key = `${period.id}:${inv.account_id}`
  const u = draw(seed, `day:${key}`)
  const dueIn = Math.round((Date.parse(period.due_on) - Date.parse(period.issue_on)) / 86_400_000)
  // A few on-time payers slip once in a while; late payers pay 3–20 days after the due date.
  const isLate = b.kind === 'late' || (b.kind !== 'stops' && draw(seed, `slip:${key}`) < 0.05)
  const paidOn = isLate
    ? addDays(period.due_on, 3 + Math.floor(u * 18))
    : addDays(period.issue_on, 2 + Math.floor(u * Math.max(dueIn - 2, 1)))
  if (b.kind === 'partial') {
    const share = 0.5 + draw(seed, `share:${key}`) * 0.4
    const partial = fromDb(inv.current_charges)
      .times(share.toFixed(2))
      .dividedBy(100)
      .toDecimalPlaces(0)
      .times(100)
    return partial.gt(0) ? { amount: partial.toFixed(2), paidOn } : null
  }
  return { amount: total.toFixed(2), paidOn }
}
