import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { isValidNit } from '~/utils/documents'
import { DEMO_LOGINS, seedDemo, type SeedDemoResult } from './demo'

const NOW = new Date('2026-11-15T15:00:00Z')
const SEED = 777

type Fingerprint = { accounts: string; addresses: string; readings: string }

async function fingerprint(): Promise<Fingerprint> {
  const [row] = await rows<Fingerprint>(
    db,
    sql`select
      (select md5(string_agg(number, ',' order by number)) from accounts) as accounts,
      (select md5(string_agg(a.number || '|' || p.address, ',' order by a.number)) from accounts a join premises p on p.id = a.premise_id) as addresses,
      (select md5(string_agg(a.number || '|' || bp.code || '|' || coalesce(r.value::text, '-'), ',' order by a.number, bp.code))
         from readings r join accounts a on a.id = r.account_id join billing_periods bp on bp.id = r.period_id) as readings`,
  )
  return row as Fingerprint
}

async function wipe() {
  await db.execute(sql`truncate users, subscribers, service_areas cascade`)
}

async function count(table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`))
  return row?.n ?? -1
}

describe('the demo seed with 200 accounts', () => {
  let result: SeedDemoResult
  beforeAll(async () => {
    result = await seedDemo(db, { accounts: 200, seed: SEED, now: NOW, withHistory: false })
  })

  test('writes exactly the expected rows', async () => {
    expect(await count('service_areas')).toBe(2)
    expect(await count('zones')).toBe(7)
    expect(await count('billing_cycles')).toBe(4)
    // 3 monthly cycles × (12 + 1 opening) + 1 bimonthly × (6 + 1), ending October 2026 (last complete month)
    expect(await count('billing_periods')).toBe(46)
    expect(await count('premises')).toBe(200)
    expect(await count('accounts')).toBe(200)
    expect(await count('meters')).toBe(200)
    expect(await count('subscribers')).toBe(199) // subscriber A holds two accounts
    expect(await count('users')).toBe(DEMO_LOGINS.length)
    expect(await count('user_accounts')).toBe(3)
    const [expected] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from accounts a join premises p on p.id = a.premise_id join billing_periods bp on bp.cycle_id = p.cycle_id`,
    )
    expect(await count('readings')).toBe(expected?.n)
    expect(result).toMatchObject({ accounts: 200, premises: 200, meters: 200, subscribers: 199, readings: expected?.n, periods: 46 })
    const [last] = await rows<{ code: string }>(db, sql`select max(code) as code from billing_periods`)
    expect(last?.code).toBe('2026-10')
  })

  test('every reference resolves although the bulk load may skip per-row foreign-key triggers', async () => {
    const [orphans] = await rows<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from premises p where not exists (select 1 from zones z where z.id = p.zone_id)
           or not exists (select 1 from billing_cycles c where c.id = p.cycle_id)) as premises,
        (select count(*)::int from accounts a where not exists (select 1 from premises p where p.id = a.premise_id)
           or not exists (select 1 from subscribers s where s.id = a.subscriber_id)) as accounts,
        (select count(*)::int from meters m where not exists (select 1 from accounts a where a.id = m.account_id)) as meters,
        (select count(*)::int from readings r where not exists (select 1 from meters m where m.id = r.meter_id and m.account_id = r.account_id)
           or not exists (select 1 from billing_periods bp join premises p on p.cycle_id = bp.cycle_id join accounts a on a.premise_id = p.id
                          where bp.id = r.period_id and a.id = r.account_id)) as readings`,
    )
    expect(orphans).toEqual({ premises: 0, accounts: 0, meters: 0, readings: 0 })
  })

  test('every NIT carries a valid check digit', async () => {
    const nits = await rows<{ document_number: string; check_digit: string }>(
      db,
      sql`select document_number, check_digit from subscribers where document_type = 'NIT'`,
    )
    expect(nits.length).toBeGreaterThan(0)
    for (const n of nits) expect(isValidNit(n.document_number, n.check_digit), n.document_number).toBe(true)
  })

  test('each demo login exists with its role, verified, and the area leader is scoped to Zipaquirá', async () => {
    const users = await rows<{ email: string; role: string; verified: boolean; area: string | null }>(
      db,
      sql`select u.email, u.role, u.email_verified_at is not null as verified, sa.code as area
          from users u left join service_areas sa on sa.id = u.service_area_id order by u.email`,
    )
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual(DEMO_LOGINS.map((l) => [l.email, l.role]).sort())
    expect(users.every((u) => u.verified)).toBe(true)
    expect(users.filter((u) => u.area).map((u) => [u.email, u.area])).toEqual([['lider.area@demo.ventanilla.test', 'ZIP']])
  })

  test('subscriber A owns exactly two accounts (estratos 2 and 4) and B one', async () => {
    const owned = await rows<{ email: string; estrato: number; holder: string }>(
      db,
      sql`select u.email, p.estrato, s.email as holder from user_accounts ua join users u on u.id = ua.user_id
          join accounts a on a.id = ua.account_id join premises p on p.id = a.premise_id join subscribers s on s.id = a.subscriber_id
          order by u.email, p.estrato`,
    )
    expect(owned).toEqual([
      { email: 'suscriptor@demo.ventanilla.test', estrato: 2, holder: 'suscriptor@demo.ventanilla.test' },
      { email: 'suscriptor@demo.ventanilla.test', estrato: 4, holder: 'suscriptor@demo.ventanilla.test' },
      { email: 'suscriptora.b@demo.ventanilla.test', estrato: 3, holder: 'suscriptora.b@demo.ventanilla.test' },
    ])
  })

  test('the data has the cases the billing engine must handle', async () => {
    const [cases] = await rows<Record<string, number>>(
      db,
      sql`with series as (
            select r.meter_id, r.value, lag(r.value) over (partition by r.meter_id order by bp.starts_on) as prev
            from readings r join billing_periods bp on bp.id = r.period_id)
          select
            (select count(*)::int from readings where value is null) as missing,
            (select count(*)::int from series where value = prev) as zero,
            (select count(*)::int from series where value < prev) as rollover,
            (select count(*)::int from series where value - prev > 60) as jumps,
            (select count(*)::int from premises where is_protected) as protected,
            (select count(distinct estrato)::int from premises) as estratos,
            (select count(distinct use_class)::int from premises) as uses,
            (select count(*)::int from billing_cycles where frequency = 'bimonthly') as bimonthly`,
    )
    expect(cases?.missing).toBeGreaterThan(0)
    expect(cases?.zero).toBeGreaterThan(0)
    expect(cases?.rollover).toBeGreaterThanOrEqual(1)
    expect(cases?.jumps).toBeGreaterThan(0)
    expect(cases?.protected).toBeGreaterThanOrEqual(3)
    expect(cases?.estratos).toBe(6)
    expect(cases?.uses).toBeGreaterThanOrEqual(4)
    expect(cases?.bimonthly).toBe(1)
    const addresses = await rows<{ address: string }>(db, sql`select address from premises p join zones z on z.id = p.zone_id where z.code <> 'Z4' or z.name <> 'Rural'`)
    for (const a of addresses) expect(a.address).toMatch(/^(Calle|Carrera|Diagonal|Transversal|Avenida) \d+[A-C]?( Bis)? # \d+-\d+( (Apto|Local) \d+)?$/)
  })

  test('the same seed gives the same accounts, addresses and readings; another seed does not', async () => {
    const first = await fingerprint()
    await wipe()
    await seedDemo(db, { accounts: 200, seed: SEED, now: NOW, withHistory: false })
    expect(await fingerprint()).toEqual(first)
    await wipe()
    await seedDemo(db, { accounts: 200, seed: SEED + 1, now: NOW, withHistory: false })
    const other = await fingerprint()
    expect(other.addresses).not.toBe(first.addresses)
    expect(other.readings).not.toBe(first.readings)
  })
})
