/**
 * Liquidation benchmark on the PostgreSQL server:
 *   npm run bench:liquidation -- [--accounts 100000] [--spread] [--batch 2000] [--writers 2] [--rerun] [--row-triggers] [--keep]
 * Creates its own database, seeds the accounts with the demo seed module (without billing history) — by default all
 * of them in ONE billing cycle, as the target describes (--spread: the demo's distribution over four cycles) — runs
 * the crítica of that cycle's latest period and releases it (not timed), then times one liquidation of the period and
 * prints invoices/s, rows written, wall time, a per-phase breakdown and peak RSS; and, as the ceiling measured in the
 * same run, the time to COPY the same rows (invoices, lines, ledger entries) into empty tables with the same indexes.
 * --rerun also times a second run of the same draft (every draft replaced); --row-triggers makes the run check
 * foreign keys with PostgreSQL's per-row triggers instead of the set-based checks (app/billing/liquidation/write.server.ts).
 * Targets (issue 3): 100,000 accounts in < 20 s, ≥ 0.3 of the COPY ceiling, < 1 GiB.
 */
import { parseArgs } from 'node:util'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import postgres from 'postgres'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    keep: { type: 'boolean' },
    batch: { type: 'string' },
    spread: { type: 'boolean' },
    rerun: { type: 'boolean' },
    'row-triggers': { type: 'boolean' },
    writers: { type: 'string' },
  },
})
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const accounts = Number(values.accounts ?? 100_000)
const batchSize = values.batch ? Number(values.batch) : undefined
const writers = values.writers ? Number(values.writers) : undefined
const name = `vt_bench_liq_${process.pid}`
const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} })
await admin.unsafe(`create database ${name}`)
process.env.DATABASE_URL = withDatabase(serverUrl, name)
process.env.SEED_BILLING_HISTORY = 'skip'

const { db, rows, closeDb } = await import('../../app/db.server')
const { runMigrations } = await import('../../db/migrate')
const { seedDemo } = await import('../../db/seed/demo')
const { ensureDemoTariffs } = await import('../../db/seed/history')
const { runCritica } = await import('../../app/billing/critica/run.server')
const { reviewConsumptions } = await import('../../app/billing/critica/review.server')
const { startLiquidation } = await import('../../app/billing/liquidation/start.server')
const { runLiquidation, DEFAULT_BATCH_SIZE, DEFAULT_WRITERS } = await import('../../app/billing/liquidation/run.server')
const { sql } = await import('drizzle-orm')
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

try {
  await runMigrations(db)
  let t = performance.now()
  await seedDemo(db, { accounts, singleCycle: !values.spread, log: () => {} })
  await ensureDemoTariffs(db, new Date(), () => {})
  console.log(`Semilla: ${accounts} cuentas en ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const [period] = await rows<{ id: string; code: string; cycle: string; n: number }>(
    db,
    sql`select bp.id, bp.code, c.code as cycle, (select count(*)::int from premises p where p.cycle_id = c.id) as n
          from billing_periods bp join billing_cycles c on c.id = bp.cycle_id
         where bp.issue_on <= current_date order by n desc, bp.issue_on desc limit 1`,
  )
  if (!period) throw new Error('no hay periodos sembrados')
  t = performance.now()
  await runCritica(db, { periodId: period.id })
  await reviewConsumptions(db, { periodId: period.id, decision: 'release', by: null })
  console.log(`Crítica del periodo ${period.code} del ciclo ${period.cycle} (${period.n} predios): ${((performance.now() - t) / 1000).toFixed(1)} s (no cronometrada)`)
  await db.execute(sql`analyze`)

  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 50)
  t = performance.now()
  const started = await db.transaction((tx) => startLiquidation(tx, { periodId: period.id, actor: { kind: 'system', label: 'benchmark' } }))
  if (!started.ok) throw started.error
  const timings = { select: 0, read: 0, compute: 0, write: 0, waitRead: 0, waitWrite: 0 }
  const setBasedChecks = values['row-triggers'] ? false : undefined
  const outcome = await runLiquidation(db, started.value.runId, { batchSize, writers, timings, setBasedChecks })
  const seconds = (performance.now() - t) / 1000
  clearInterval(sampler)
  if (!outcome.ok) throw new Error(outcome.error)
  const runId = started.value.runId
  const [counts] = await rows<{ invoices: number; lines: number; entries: number }>(
    db,
    sql`select (select count(*)::int from invoices where liquidation_run_id = ${runId}::uuid) as invoices,
               (select count(*)::int from invoice_lines l join invoices i on i.id = l.invoice_id where i.liquidation_run_id = ${runId}::uuid) as lines,
               (select count(*)::int from ledger_entries e join invoices i on i.id = e.invoice_id where i.liquidation_run_id = ${runId}::uuid) as entries`,
  )
  const written = counts!.invoices + counts!.lines + counts!.entries
  console.log(`Liquidación terminada en ${seconds.toFixed(2)} s; midiendo el techo COPY…`)
  const copySeconds = await measureCopy(runId)
  const ratio = copySeconds / seconds
  console.log(`\nLiquidación de ${outcome.invoices} cuentas en PostgreSQL (${new URL(serverUrl).host})`)
  console.log(`  tiempo total:        ${seconds.toFixed(2)} s  (meta < 20 s)`)
  console.log(`  facturas por segundo: ${Math.round(outcome.invoices / seconds)}`)
  console.log(`  filas escritas:      ${written} (facturas ${counts!.invoices}, líneas ${counts!.lines}, asientos ${counts!.entries}), ${Math.round(written / seconds)} filas/s`)
  console.log(`  techo COPY:          ${copySeconds.toFixed(2)} s para las mismas filas → razón ${ratio.toFixed(2)} (meta ≥ 0,3)`)
  const phase = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`  por fase (lotes de ${batchSize ?? DEFAULT_BATCH_SIZE}, ${writers ?? DEFAULT_WRITERS} escritores): calcular ${phase(timings.compute)} + esperar lecturas ${phase(timings.waitRead)} + esperar escrituras ${phase(timings.waitWrite)}`)
  console.log(`  en segundo plano (se solapan con el cálculo): elegir cuentas ${phase(timings.select)}, leer ${phase(timings.read)}, escribir ${phase(timings.write)}`)
  console.log(`  claves foráneas: ${values['row-triggers'] ? 'disparadores por fila' : 'verificación por lote (bloqueo FOR KEY SHARE)'}`)
  console.log(`  carga de la máquina: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} (uptime)`)
  console.log(`  memoria máxima durante la liquidación: ${mib(peakRss)} (meta < 1 GiB); maxRSS del proceso: ${mib(process.resourceUsage().maxRSS * 1024)}; montículo JS máximo ${mib(peakHeap)} (incluye lo que dejó la semilla)`)
  if (values.rerun) await timeRerun(period.id, counts!.invoices)
} finally {
  await closeDb()
  if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`)
  else console.log(`Base de datos conservada: ${name}`)
  await admin.end()
}

/** Re-runs the same draft: every draft invoice is deleted and written again; the counts must not change. */
async function timeRerun(periodId: string, invoices: number): Promise<void> {
  const t = performance.now()
  const again = await db.transaction((tx) => startLiquidation(tx, { periodId, actor: { kind: 'system', label: 'benchmark' } }))
  if (!again.ok) throw again.error
  const outcome = await runLiquidation(db, again.value.runId, { batchSize })
  if (!outcome.ok) throw new Error(outcome.error)
  const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from invoices where period_id = ${periodId}::uuid`)
  console.log(`  segunda corrida (reemplaza ${invoices} borradores): ${((performance.now() - t) / 1000).toFixed(2)} s, facturas del periodo ${n!.n}`)
}

/** COPY the run's rows out to memory, then time COPY FROM STDIN into empty tables with the same indexes. */
async function measureCopy(runId: string): Promise<number> {
  // One connection per COPY: postgres.js does not start a second COPY on a connection that has run one.
  const connect = async () => {
    const c = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    await c`select 1`
    return c
  }
  const sources = {
    invoices: `select * from invoices where liquidation_run_id = '${runId}'`,
    invoice_lines: `select l.* from invoice_lines l join invoices i on i.id = l.invoice_id where i.liquidation_run_id = '${runId}'`,
    ledger_entries: `select e.* from ledger_entries e join invoices i on i.id = e.invoice_id where i.liquidation_run_id = '${runId}'`,
  }
  const buffers: Record<string, Buffer[]> = {}
  for (const [table, query] of Object.entries(sources)) {
    const c = await connect()
    await c.unsafe(`create table copy_${table} (like ${table} including defaults including indexes)`)
    const chunks: Buffer[] = []
    for await (const chunk of await c.unsafe(`copy (${query}) to stdout`).readable()) chunks.push(chunk as Buffer)
    buffers[table] = chunks
    await c.end()
  }
  const clients = await Promise.all(Object.keys(sources).map(() => connect()))
  const t = performance.now()
  for (const [i, table] of Object.keys(sources).entries()) {
    const stream = await clients[i]!.unsafe(`copy copy_${table} from stdin`).writable()
    await pipeline(Readable.from(buffers[table]!), stream)
  }
  const seconds = (performance.now() - t) / 1000
  await Promise.all(clients.map((c) => c.end()))
  return seconds
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
