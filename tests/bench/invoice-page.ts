/**
 * Invoice page benchmark (issue 5, 8a) on the PostgreSQL server:
 *   npm run bench:invoice-page -- [--accounts 100000] [--duration 20] [--connections 50] [--warmup 5] [--skip-build] [--keep]
 *     [--reuse <database>]   (a database kept by an earlier --keep run: skips the seed)
 * Creates its own database, migrates it and seeds the demo (db/seed/demo.ts WITH its billing history: 12 monthly or 6
 * bimonthly periods liquidated and issued through the real billing engine, so about 12 invoices per account), builds
 * the app (unless --skip-build), starts the production server (server.ts), signs the demo subscriber in, and runs
 * autocannon against the subscriber's latest invoice page and then, in the same run, against a trivial route of the
 * app (the home page `/`, with the same session cookie: a session lookup and a server render). Prints requests/s,
 * p50 and p99 of each and the ratios, and which large tables were read by sequential scans during the invoice-page
 * run (pg_stat_user_tables), to show the page's queries use indexes.
 * Both routes are first warmed for `--warmup` seconds each (5 by default, not measured): otherwise the route measured
 * first also measures the fresh server's cold start (code not yet optimised by V8, empty caches), which lands in its
 * p99 (seen: 772 ms cold against 540 ms warm for the same invoice page, with the trivial route at 441–505 ms).
 * Targets: invoice page ≥ 0.5 × the trivial route's requests/s, and p99 ≤ 1.5 × its p99.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { adminUrl, databaseUrlFor } from '../setup/db-urls'
import { cleanEnv, repoRoot, startServer } from '../server/process'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    warmup: { type: 'string' },
    'skip-build': { type: 'boolean' },
    keep: { type: 'boolean' },
    reuse: { type: 'string' },
  },
})
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const accounts = Number(values.accounts ?? 100_000)
const duration = Number(values.duration ?? 20)
const connections = Number(values.connections ?? 50)
const warmup = Number(values.warmup ?? 5)
const name = values.reuse ?? `vt_bench_inv_${process.pid}`
const url = databaseUrlFor(serverUrl, name)

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number }
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} })
if (!values.reuse) await admin.unsafe(`create database ${name}`)
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-invoice-'))
let stop: (() => Promise<unknown>) | null = null
const sqlDb = postgres(url, { max: 2, onnotice: () => {} })

try {
  let t = performance.now()
  // Migrations, reference data and the demo with its billing history, in a child process (the same as the e2e setup).
  if (!values.reuse)
    execFileSync(process.execPath, ['--import', 'tsx', 'tests/server/prepare-db.ts', String(accounts)], {
      cwd: repoRoot,
      env: { ...cleanEnv(), DATABASE_URL: url },
      stdio: 'inherit',
    })
  await sqlDb`analyze`
  const [counts] = await sqlDb`select (select count(*)::int from accounts) as accounts, (select count(*)::int from invoices where status = 'issued') as invoices`
  console.log(`Datos: ${counts!.accounts} cuentas, ${counts!.invoices} facturas expedidas, en ${((performance.now() - t) / 1000).toFixed(0)} s`)

  if (!values['skip-build']) {
    t = performance.now()
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, env: cleanEnv(), stdio: 'ignore' })
    console.log(`Compilación: ${((performance.now() - t) / 1000).toFixed(0)} s`)
  }
  const server = await startServer({ env: { DATABASE_URL: url }, tmpDir })
  stop = () => server.stop()

  const { DEMO_LOGINS, DEMO_PASSWORD } = await import('../../db/seed/users')
  const email = DEMO_LOGINS.find((l) => l.role === 'subscriber')!.email
  const login = await fetch(`${server.baseUrl}/ingresar`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  if (login.status !== 302 || !cookie) throw new Error(`No se pudo ingresar como ${email} (HTTP ${login.status})`)
  const [invoice] = await sqlDb`
    select i.id from invoices i join user_accounts ua on ua.account_id = i.account_id join users u on u.id = ua.user_id
      join billing_periods p on p.id = i.period_id
     where u.email = ${email} and i.status = 'issued' order by p.starts_on desc limit 1`
  if (!invoice) throw new Error('El suscriptor de demostración no tiene facturas expedidas')
  const invoicePath = `/mi-cuenta/facturas/${invoice.id}`
  for (const p of [invoicePath, '/']) {
    const check = await fetch(server.baseUrl + p, { headers: { cookie } })
    if (check.status !== 200) throw new Error(`${p} respondió ${check.status}`)
  }

  const run = (p: string, seconds = duration) =>
    autocannon({ url: server.baseUrl + p, connections, duration: seconds, headers: { cookie }, timeout: 30 })
  if (warmup > 0) {
    for (const p of [invoicePath, '/']) await run(p, warmup)
    console.log(`Calentamiento: ${warmup} s por ruta (no medido)`)
  }
  await sqlDb`select pg_stat_reset()`
  const invoiceRun = await run(invoicePath)
  await new Promise((r) => setTimeout(r, 1500)) // statistics are flushed about once a second
  const scans = await sqlDb<{ relname: string; n_live_tup: number; seq_scan: number; idx_scan: number }[]>`
    select s.relname, greatest(c.reltuples, 0)::bigint::int as n_live_tup, s.seq_scan::int, coalesce(s.idx_scan, 0)::int as idx_scan
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     where s.relname in ('invoices', 'invoice_lines', 'ledger_entries', 'consumptions', 'dispute_holds', 'billing_periods',
                       'accounts', 'premises', 'subscribers', 'meters', 'user_accounts', 'sessions', 'payments')
     order by s.relname`
  const trivialRun = await run('/')

  const line = (label: string, r: Result) =>
    `  ${label.padEnd(16)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   errores ${r.errors + r.non2xx}`
  console.log(`\nautocannon: ${connections} conexiones, ${duration} s cada ruta; ${counts!.accounts} cuentas × ~${(counts!.invoices / counts!.accounts).toFixed(1)} facturas`)
  console.log(line('factura', invoiceRun))
  console.log(line('ruta trivial /', trivialRun))
  const rpsRatio = invoiceRun.requests.average / trivialRun.requests.average
  const p99Ratio = invoiceRun.latency.p99 / Math.max(trivialRun.latency.p99, 1)
  console.log(`  relación req/s ${rpsRatio.toFixed(2)} (objetivo ≥ 0,5): ${rpsRatio >= 0.5 ? 'CUMPLE' : 'NO CUMPLE'}`)
  console.log(`  relación p99   ${p99Ratio.toFixed(2)} (objetivo ≤ 1,5): ${p99Ratio <= 1.5 ? 'CUMPLE' : 'NO CUMPLE'}`)
  console.log('\nLecturas por tabla durante la prueba de la factura (una lectura secuencial en una tabla grande delata un índice que falta):')
  for (const s of scans)
    console.log(`  ${s.relname.padEnd(16)} filas ${String(s.n_live_tup).padStart(9)}   secuenciales ${String(s.seq_scan).padStart(6)}   por índice ${String(s.idx_scan).padStart(8)}${s.seq_scan > 0 && s.n_live_tup > 10_000 ? '   ← revisar' : ''}`)
} finally {
  await stop?.()
  await sqlDb.end()
  if (!values.keep && !values.reuse) await admin.unsafe(`drop database if exists ${name} with (force)`)
  else console.log(`Base de datos conservada: ${name}`)
  await admin.end()
  fs.rmSync(tmpDir, { recursive: true, force: true })
}
