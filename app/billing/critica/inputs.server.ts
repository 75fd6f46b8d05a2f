/**
 * What the crítica needs from the database, read in batches of accounts (keyset by account id) so a 100,000-account
 * cycle never sits in memory: each account's active meter, its readings over the averaging window, and the average
 * consumption of each stratum/use class in the cycle.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import type { BillingFrequency, DeviationRules } from './classify'
import { historyWindow } from './classify'

export type PeriodContext = {
  periodId: string
  cycleId: string
  serviceAreaId: string
  frequency: BillingFrequency
  startsOn: string
  endsOn: string
  /** Earlier periods of the cycle, most recent first, as many as the window needs plus one. */
  earlierPeriodIds: string[]
}

export async function loadPeriodContext(db: DbOrTx, periodId: string): Promise<PeriodContext | null> {
  const [period] = await rows<{ cycle_id: string; service_area_id: string; frequency: BillingFrequency; starts_on: string; ends_on: string }>(
    db,
    sql`select p.cycle_id, c.service_area_id, c.frequency, p.starts_on::text, p.ends_on::text
          from billing_periods p join billing_cycles c on c.id = p.cycle_id where p.id = ${periodId}`,
  )
  if (!period) return null
  const earlier = await rows<{ id: string }>(
    db,
    sql`select id from billing_periods where cycle_id = ${period.cycle_id} and starts_on < ${period.starts_on}
         order by starts_on desc limit ${historyWindow(period.frequency) + 1}`,
  )
  return {
    periodId,
    cycleId: period.cycle_id,
    serviceAreaId: period.service_area_id,
    frequency: period.frequency,
    startsOn: period.starts_on,
    endsOn: period.ends_on,
    earlierPeriodIds: earlier.map((r) => r.id),
  }
}

export type AccountInput = {
  accountId: string
  category: string // 'estrato_3', 'commercial'...
  meterDigits: number
  /** Readings from the current period backwards (index 0 = current); null where the period has no value. */
  values: Array<number | null>
}

/** One batch of the cycle's accounts after `afterAccountId`, ordered by account id. */
export async function loadAccountBatch(
  db: DbOrTx,
  ctx: PeriodContext,
  afterAccountId: string | null,
  limit: number,
): Promise<AccountInput[]> {
  const periodIds = [ctx.periodId, ...ctx.earlierPeriodIds]
  const found = await rows<{ account_id: string; category: string; dial_digits: number; values: Array<number | null> }>(
    db,
    sql`select a.id as account_id,
               case when pr.use_class = 'residential' then 'estrato_' || pr.estrato else pr.use_class::text end as category,
               coalesce(m.dial_digits, 5)::int as dial_digits,
               -- jsonb: postgres.js reads NULL inside an int[] as NaN
               to_jsonb(array(select r.value from unnest(${`{${periodIds.join(',')}}`}::uuid[]) with ordinality as p(id, n)
                       left join readings r on r.period_id = p.id and r.account_id = a.id
                       order by p.n)) as values
          from accounts a
          join premises pr on pr.id = a.premise_id
          left join meters m on m.account_id = a.id and m.is_active
         where pr.cycle_id = ${ctx.cycleId} and a.status <> 'inactive'
           and (${afterAccountId}::uuid is null or a.id > ${afterAccountId}::uuid)
         order by a.id
         limit ${limit}`,
  )
  return found.map((r) => ({ accountId: r.account_id, category: r.category, meterDigits: r.dial_digits, values: r.values }))
}

export async function countCycleAccounts(db: DbOrTx, ctx: PeriodContext): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from accounts a join premises pr on pr.id = a.premise_id
         where pr.cycle_id = ${ctx.cycleId} and a.status <> 'inactive'`,
  )
  return row?.n ?? 0
}

/**
 * Average consumption per period of each stratum/use class in the cycle over the window before this period, from
 * consecutive forward readings (similar users, Ley 142 art. 146; Res. CRA 151/2001 for accounts without history).
 */
export async function loadCategoryAverages(db: DbOrTx, ctx: PeriodContext): Promise<Map<string, number>> {
  if (ctx.earlierPeriodIds.length < 2) return new Map()
  const found = await rows<{ category: string; avg: string }>(
    db,
    sql`with ordered as (
          select r.account_id, r.value, p.starts_on,
                 lag(r.value) over w as prev_value, lag(p.starts_on) over w as prev_start
            from readings r join billing_periods p on p.id = r.period_id
           where r.period_id = any(${`{${ctx.earlierPeriodIds.join(',')}}`}::uuid[]) and r.value is not null
          window w as (partition by r.meter_id order by p.starts_on))
        select case when pr.use_class = 'residential' then 'estrato_' || pr.estrato else pr.use_class::text end as category,
               round(avg(o.value - o.prev_value), 2)::text as avg
          from ordered o join accounts a on a.id = o.account_id join premises pr on pr.id = a.premise_id
         where o.prev_value is not null and o.value >= o.prev_value
         group by 1`,
  )
  return new Map(found.map((r) => [r.category, Number(r.avg)]))
}

export async function loadDeviationRules(db: DbOrTx, on: string): Promise<DeviationRules> {
  const s = await getSettingsSnapshot(on, db)
  return {
    highAverageM3: s['billing.deviation_high_average_m3'],
    highAveragePct: s['billing.deviation_high_average_percent'],
    lowAveragePct: s['billing.deviation_low_average_percent'],
    categoryUpperPct: s['billing.deviation_category_upper_percent'],
    categoryLowerPct: s['billing.deviation_category_lower_percent'],
  }
}
