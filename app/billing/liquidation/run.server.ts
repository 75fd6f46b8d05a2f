/**
 * Runs a liquidation: the tariff in force (an unapproved one fails the run with a Spanish error), the settings on the
 * issue date, then the cycle's accounts streamed in keyset batches, each written in its own transaction, progress
 * after each. On the server the next batch is read and computed while the previous one is written (two connections:
 * Node computes while PostgreSQL writes). Re-running a draft run first deletes its drafts (lines, charges, invoices)
 * and returns the other charges they billed to pending; issued invoices are never touched (a trigger refuses it).
 */
import { eq, sql } from 'drizzle-orm'
import { rows, type Db } from '~/db.server'
import { money } from '~/billing/money'
import { getTariffSchedule } from '~/billing/tariffs/schedule.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import { billingCycles } from '../../../db/schema/areas'
import { billingPeriods } from '../../../db/schema/readings'
import { liquidationRuns } from '../../../db/schema/ledger'
import { computeBatch, readBatch, type PhaseTimings, type PreparedBatch, type RunContext } from './batch.server'
import { summariseRun } from './report.server'
import { openWriter } from './write.server'

export type Progress = (done: number, total: number, message: string) => Promise<void> | void

export type RunOptions = {
  batchSize?: number
  onProgress?: Progress
  timings?: PhaseTimings
  /** Force (true) or refuse (false) the set-based foreign-key checks of write.server.ts; default: when permitted. */
  setBasedChecks?: boolean
  /** Batches written at once on the server (each in its own transaction and connection). */
  writers?: number
}

export type RunOutcome = { ok: true; invoices: number } | { ok: false; error: string }

/** Accounts per batch and transaction (~19 rows each: ~38,000 rows, ~7 MB of COPY text). */
export const DEFAULT_BATCH_SIZE = 2000
/** Two writers keep both cores of the target machine busy while Node computes (tests/bench/liquidation.ts). */
export const DEFAULT_WRITERS = 2

export async function runLiquidation(db: Db, runId: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const ctx = await loadContext(db, runId)
  if ('error' in ctx) {
    await db.update(liquidationRuns).set({ status: 'failed', error: ctx.error, finishedAt: new Date() }).where(eq(liquidationRuns.id, runId))
    return { ok: false, error: ctx.error }
  }
  ctx.timings = opts.timings
  await deleteDrafts(db, runId)
  const total = await countPending(db, ctx)
  await opts.onProgress?.(0, total, 'Liquidando')
  const done = await streamBatches(db, ctx, total, opts)
  const totals = await summariseRun(db, runId)
  await db
    .update(liquidationRuns)
    .set({ status: 'draft', totals, error: null, finishedAt: new Date() })
    .where(eq(liquidationRuns.id, runId))
  return { ok: true, invoices: done }
}

/**
 * The stages overlap on the server: while Node computes batch n, PostgreSQL answers the reads of batch n+1 and writes
 * earlier batches, up to `writers` at once (each on its own pooled connection, so both cores work). On PGlite (one
 * connection) the stages run one after another. A failed write stops the loop and is rethrown.
 */
async function streamBatches(db: Db, ctx: RunContext, total: number, opts: RunOptions): Promise<number> {
  const writer = await openWriter(db, ctx, { setBased: opts.setBasedChecks })
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE
  const writers = writer.pipelined ? Math.max(1, opts.writers ?? DEFAULT_WRITERS) : 1
  const timings = ctx.timings
  const waitFor = async <T>(phase: 'waitRead' | 'waitWrite', promise: Promise<T>): Promise<T> => {
    const t = performance.now()
    try {
      return await promise
    } finally {
      if (timings) timings[phase] += performance.now() - t
    }
  }
  // A read in flight may fail while the loop awaits a write: mark it handled now, it is still rethrown when awaited.
  const read = (after: string | null) => {
    const p = readBatch(db, ctx, after, size)
    p.catch(() => undefined)
    return p
  }
  let done = 0
  let failure: { error: unknown } | null = null
  const writing = new Set<Promise<void>>()
  const write = (prepared: PreparedBatch, count: number) => {
    const started = performance.now()
    const p: Promise<void> = writer
      .write(prepared)
      .then(async () => {
        if (timings) timings.write += performance.now() - started
        done += count
        await opts.onProgress?.(done, total, `Liquidadas ${done} de ${total} cuentas`)
      })
      .catch((error: unknown) => {
        failure ??= { error }
      })
      .finally(() => writing.delete(p))
    writing.add(p)
  }
  let reading = read(null)
  for (;;) {
    const fetched = await waitFor('waitRead', reading)
    if (fetched.accounts.length === 0) break
    const lastId = fetched.accounts[fetched.accounts.length - 1]!.id
    if (writer.pipelined) reading = read(lastId)
    const prepared = computeBatch(ctx, fetched)
    while (writing.size >= writers) await waitFor('waitWrite', Promise.race(writing))
    if (failure) break
    write(prepared, fetched.accounts.length)
    if (!writer.pipelined) {
      await Promise.all(writing)
      reading = read(lastId)
    }
  }
  await waitFor('waitWrite', Promise.all(writing))
  if (failure) throw (failure as { error: unknown }).error
  return done
}

async function loadContext(db: Db, runId: string): Promise<RunContext | { error: string }> {
  const [found] = await db
    .select({ run: liquidationRuns, period: billingPeriods, cycle: billingCycles })
    .from(liquidationRuns)
    .innerJoin(billingPeriods, eq(billingPeriods.id, liquidationRuns.periodId))
    .innerJoin(billingCycles, eq(billingCycles.id, liquidationRuns.cycleId))
    .where(eq(liquidationRuns.id, runId))
  if (!found) return { error: 'No existe la liquidación indicada.' }
  const { run, period, cycle } = found
  if (run.status !== 'running') return { error: 'La liquidación no está en ejecución.' }
  const schedule = await getTariffSchedule(db, { serviceAreaId: cycle.serviceAreaId, on: period.startsOn })
  if (!schedule.ok) return { error: schedule.error.message }
  const settings = await getSettingsSnapshot(period.issueOn, db)
  const fraction = (pct: string) => money(pct).dividedBy(100).toString()
  return {
    runId,
    periodId: period.id,
    cycleId: cycle.id,
    zoneId: run.zoneId,
    issueOn: period.issueOn,
    dueOn: period.dueOn,
    suspensionOn: period.suspensionOn,
    frequency: cycle.frequency,
    schedule: schedule.value,
    interestResidential: fraction(settings['billing.arrears_interest_residential_monthly_percent']),
    interestNonResidential: fraction(settings['billing.arrears_interest_non_residential_monthly_percent']),
    roundTotalToTen: settings['billing.round_total_to_ten'],
    cache: new Map(),
  }
}

/** Drafts of this run are replaced: their other charges go back to pending, then lines, entries and invoices go. */
async function deleteDrafts(db: Db, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const drafts = sql`select id from invoices where liquidation_run_id = ${runId}::uuid and status = 'draft'`
    await tx.execute(sql`update pending_charges set status = 'pending', invoice_id = null where invoice_id in (${drafts})`)
    await tx.execute(sql`delete from invoice_lines where invoice_id in (${drafts})`)
    await tx.execute(sql`delete from ledger_entries where invoice_id in (${drafts})`)
    await tx.execute(sql`delete from invoices where liquidation_run_id = ${runId}::uuid and status = 'draft'`)
  })
}

async function countPending(db: Db, ctx: RunContext): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from accounts a
          join premises p on p.id = a.premise_id
          join consumptions c on c.account_id = a.id and c.period_id = ${ctx.periodId}::uuid and c.status = 'released'
         where p.cycle_id = ${ctx.cycleId}::uuid and (${ctx.zoneId}::uuid is null or p.zone_id = ${ctx.zoneId}::uuid)
           and not exists (select 1 from invoices i where i.account_id = a.id and i.period_id = ${ctx.periodId}::uuid)`,
  )
  return row?.n ?? 0
}
