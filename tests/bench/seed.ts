/**
 * Seed benchmark on the PostgreSQL server: `DATABASE_URL=postgres://… npm run bench:seed -- [--accounts 100000]
 * [--seed N] [--keep] [--no-history]`. Creates a fresh database, migrates it, seeds, and prints wall time, rows per table, rows/s
 * and peak RSS. Target (issue 2): 100,000 accounts under 2 minutes and 1 GiB on 2 cores.
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'

const { values } = parseArgs({
  options: { accounts: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' }, 'no-history': { type: 'boolean' } },
})
const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error('DATABASE_URL es obligatoria: el benchmark corre sobre el servidor PostgreSQL.')
  process.exit(2)
}
const accounts = Number(values.accounts ?? 100_000)
const name = `vt_bench_${process.pid}`
const admin = postgres({ ...parse(serverUrl, 'postgres'), max: 1, onnotice: () => {} })
await admin.unsafe(`create database ${name}`)
process.env.DATABASE_URL = parse(serverUrl, name).url

const { db, rows, closeDb } = await import('../../app/db.server')
const { runMigrations } = await import('../../db/migrate')
const { seedDemo } = await import('../../db/seed/demo')
const { sql } = await import('drizzle-orm')

try {
  await runMigrations(db)
  const started = performance.now()
  const result = await seedDemo(db, {
    accounts,
    seed: values.seed ? Number(values.seed) : undefined,
    withHistory: !values['no-history'],
    log: (m) => console.log(m),
  })
  const seconds = (performance.now() - started) / 1000
  const tables = ['service_areas', 'zones', 'billing_cycles', 'billing_periods', 'premises', 'subscribers', 'accounts', 'meters', 'readings', 'users', 'user_accounts']
  const counts = await rows<{ table: string; n: number }>(
    db,
    sql.raw(tables.map((t) => `select '${t}' as table, count(*)::int as n from ${t}`).join(' union all ')),
  )
  const total = counts.reduce((s, c) => s + c.n, 0)
  console.log(`\nSemilla de ${accounts} cuentas en PostgreSQL (${new URL(serverUrl).host}): ${seconds.toFixed(1)} s`)
  for (const c of counts) console.log(`  ${c.table.padEnd(16)} ${String(c.n).padStart(10)}`)
  console.log(`  ${'total'.padEnd(16)} ${String(total).padStart(10)} filas, ${Math.round(total / seconds).toLocaleString('es-CO')} filas/s`)
  console.log(`  memoria máxima (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
  console.log(`  fases (s): ${Object.entries(result.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`)
  const loaded = result.premises + result.subscribers + result.accounts + result.meters + result.readings
  console.log(`  cuentas y lecturas: ${loaded} filas en ${(result.phases.accounts / 1000).toFixed(1)} s, ${Math.round(loaded / (result.phases.accounts / 1000)).toLocaleString('es-CO')} filas/s`)
} finally {
  await closeDb()
  if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`)
  else console.log(`Base de datos conservada: ${name}`)
  await admin.end()
}

function parse(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return { url: u.toString(), host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username || 'postgres'), password: decodeURIComponent(u.password) || undefined, database }
}
