/**
 * The demo data set: two service areas, zones, cycles, 12 months of billing periods, ~5,000 accounts with meters
 * and readings, one user per role; then the tariff catalogue and the billing engine add tariffs, invoices and
 * payments through their own hooks. Deterministic for a given seed and `now`.
 */
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { rows, type Db } from '../../app/db.server'
import { serviceAreas } from '../schema/areas'
import { seedAccounts, type SeedCounts } from './accounts'
import { buildAccountBundle } from './builders/bundle'
import { bogotaDate } from './dates'
import { buildGeography, insertGeography } from './geography'
import * as history from './history'
import * as tariffs from './tariffs'
import { formatDemoLogins, linkDemoAccounts, seedDemoUsers } from './users'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>
type Log = (message: string) => void

export { DEMO_LOGINS, DEMO_PASSWORD, formatDemoLogins } from './users'

export const DEFAULT_SEED = 20261128
export const DEFAULT_ACCOUNTS = 5000

/**
 * `trustedBulk` (default true): skip per-row FK triggers during COPY when allowed; see withBulkSession.
 * `withHistory` (default true): run the billing engine's history hook (invoices, payments) after the readings.
 */
export type SeedDemoOptions = {
  accounts?: number
  seed?: number
  now?: Date
  batchSize?: number
  trustedBulk?: boolean
  withHistory?: boolean
  /** Every account in one billing cycle (the liquidation benchmark). */
  singleCycle?: boolean
  log?: Log
}
export type SeedPhase = 'geography' | 'tariffs' | 'accounts' | 'users' | 'history'
export type SeedDemoResult = SeedCounts & {
  periods: number
  users: number
  millis: number
  phases: Record<SeedPhase, number>
}

export async function seedDemo(db: AnyDb, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now()
  const phases: Record<SeedPhase, number> = { geography: 0, tariffs: 0, accounts: 0, users: 0, history: 0 }
  let mark = started
  const lap = (phase: SeedPhase) => {
    const t = performance.now()
    phases[phase] = Math.round(t - mark)
    mark = t
  }
  const { accounts = DEFAULT_ACCOUNTS, seed = DEFAULT_SEED, now = new Date(), log = () => {} } = opts
  const ctx = { ...buildGeography(seed, bogotaDate(now)), singleCycle: opts.singleCycle }
  log(`Generando datos de demostración: ${accounts} cuentas, semilla ${seed}, hasta ${ctx.today}`)
  await insertGeography(db, ctx)
  lap('geography')

  const leaderArea = ctx.areas.find((a) => a.code === 'ZIP') ?? ctx.areas[0]
  const userIds = await seedDemoUsers(db, { now, leaderAreaId: leaderArea?.id as string })
  lap('users')

  const areas = await db.select().from(serviceAreas).orderBy(serviceAreas.code)
  if (typeof tariffs.seedDemoTariffs === 'function') await tariffs.seedDemoTariffs(db, { areas, now, log })
  lap('tariffs')

  const counts = await seedAccounts(ctx, {
    accounts,
    batchSize: opts.batchSize,
    trusted: opts.trustedBulk ?? true,
    log,
  })
  log(
    `  ${counts.accounts} cuentas, ${counts.readings} lecturas escritas en ${((performance.now() - mark) / 1000).toFixed(1)} s`,
  )
  const accountId = (i: number) => (i < accounts ? [buildAccountBundle(ctx, i).account.id] : [])
  const accountsB = accountId(2)
  await linkDemoAccounts(db, {
    now,
    userIds,
    accountsA: [...accountId(0), ...accountId(1)],
    accountsB,
  })
  // Fresh statistics so the billing run that follows plans its joins on real row counts.
  await db.execute(sql`analyze premises, subscribers, accounts, meters, readings, billing_periods`)
  lap('accounts')

  if (opts.withHistory !== false && typeof history.seedBillingHistory === 'function') {
    // Subscriber B always owes the last period, so the demo (and the payment browser test) has something to pay.
    await history.seedBillingHistory(db, { now, seed, log, owingAccountIds: accountsB })
  }
  lap('history')
  const periods = ctx.areas.reduce((n, a) => n + a.cycles.reduce((m, c) => m + c.periods.length, 0), 0)
  return {
    ...counts,
    periods,
    users: Object.keys(userIds).length,
    millis: Math.round(performance.now() - started),
    phases,
  }
}

/** Seeds the demo data when the database has no users yet (first start of the embedded database). */
export async function seedDemoIfEmpty(
  db: Db,
  opts: { log?: Log } & Omit<SeedDemoOptions, 'log'> = {},
): Promise<boolean> {
  const log = opts.log ?? ((m: string) => console.log(m))
  const [state] = await rows<{ users: number; accounts: number }>(
    db,
    sql`select (select count(*) from users)::int as users, (select count(*) from accounts)::int as accounts`,
  )
  if ((state?.users ?? 0) > 0) return false
  if ((state?.accounts ?? 0) > 0) {
    log(
      'La base de datos tiene cuentas pero ningún usuario: no se cargan datos de demostración sobre datos existentes.',
    )
    return false
  }
  const result = await seedDemo(db, { ...opts, log })
  log(`Datos de demostración cargados en ${(result.millis / 1000).toFixed(1)} s.`)
  for (const line of formatDemoLogins()) log(line)
  return true
}
