/**
 * `npm run db:seed -- [--accounts 100000] [--seed N]`: applies migrations, then loads the demo data set.
 * Refuses a database that already has users or accounts: the demo data must never mix with real data.
 */
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { checkConnection, closeDb, db, rows } from '../../app/db.server'
import { runMigrations } from '../migrate'
import { DEFAULT_ACCOUNTS, DEFAULT_SEED, formatDemoLogins, seedDemo } from './demo'

const { values } = parseArgs({
  options: { accounts: { type: 'string' }, seed: { type: 'string' } },
  allowPositionals: false,
})

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} debe ser un entero positivo (recibido: ${raw}).`)
    process.exit(2)
  }
  return n
}

const accounts = positiveInt(values.accounts, DEFAULT_ACCOUNTS, 'accounts')
const seed = positiveInt(values.seed, DEFAULT_SEED, 'seed')

const check = await checkConnection()
if (!check.ok) {
  console.error(check.message)
  process.exit(1)
}
await runMigrations(db)
const [state] = await rows<{ users: number; accounts: number }>(
  db,
  sql`select (select count(*) from users)::int as users, (select count(*) from accounts)::int as accounts`,
)
if ((state?.users ?? 0) > 0 || (state?.accounts ?? 0) > 0) {
  console.error(
    `La base de datos no está vacía (${state?.users} usuarios, ${state?.accounts} cuentas): no se cargan datos de demostración. ` +
      'Use una base de datos nueva (otra DATABASE_URL, o borre .data/pglite).',
  )
  await closeDb()
  process.exit(1)
}
const result = await seedDemo(db, { accounts, seed, log: (m) => console.log(m) })
console.log(`Listo en ${(result.millis / 1000).toFixed(1)} s.`)
for (const line of formatDemoLogins()) console.log(line)
await closeDb()
