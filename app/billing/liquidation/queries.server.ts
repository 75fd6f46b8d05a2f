/** Reads for the billing pages: cycles with their periods, liquidation runs, one run with its job. */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { getJobProgress } from '~/jobs/queries.server'
import type { RunTotals } from './report.server'

export type PeriodView = { id: string; code: string; status: string; startsOn: string; issueOn: string; dueOn: string; runStatus: string | null }
export type CycleView = { id: string; code: string; name: string; areaName: string; frequency: string; accounts: number; periods: PeriodView[] }

/** Each cycle of the area (all areas when null) with its last 12 periods, newest first. */
export async function listCyclesWithPeriods(db: DbOrTx, filter: { serviceAreaId?: string | null } = {}): Promise<CycleView[]> {
  const area = filter.serviceAreaId ?? null
  const cycles = await rows<{ id: string; code: string; name: string; area_name: string; frequency: string; accounts: number }>(
    db,
    sql`select c.id, c.code, c.name, s.name as area_name, c.frequency::text,
               (select count(*)::int from premises p join accounts a on a.premise_id = p.id where p.cycle_id = c.id) as accounts
          from billing_cycles c join service_areas s on s.id = c.service_area_id
         where ${area}::uuid is null or s.id = ${area}::uuid order by s.name, c.code`,
  )
  const periods = await rows<{ id: string; cycle_id: string; code: string; status: string; starts_on: string; issue_on: string; due_on: string; run_status: string | null }>(
    db,
    sql`select * from (
          select bp.id, bp.cycle_id, bp.code, bp.status::text, bp.starts_on::text, bp.issue_on::text, bp.due_on::text,
                 (select r.status::text from liquidation_runs r where r.period_id = bp.id and r.zone_id is null
                   order by r.started_at desc limit 1) as run_status,
                 row_number() over (partition by bp.cycle_id order by bp.starts_on desc) as n
            from billing_periods bp join billing_cycles c on c.id = bp.cycle_id
           where ${area}::uuid is null or c.service_area_id = ${area}::uuid) x
         where n <= 12 order by starts_on desc`,
  )
  return cycles.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    areaName: c.area_name,
    frequency: c.frequency,
    accounts: c.accounts,
    periods: periods
      .filter((p) => p.cycle_id === c.id)
      .map((p) => ({ id: p.id, code: p.code, status: p.status, startsOn: p.starts_on, issueOn: p.issue_on, dueOn: p.due_on, runStatus: p.run_status })),
  }))
}

export type RunListItem = {
  id: string
  status: string
  cycleName: string
  periodCode: string
  zoneName: string | null
  invoices: number | null
  totalToPay: string | null
  startedAt: string
  issuedAt: string | null
}

export async function listRuns(db: DbOrTx, filter: { serviceAreaId?: string | null; limit?: number } = {}): Promise<RunListItem[]> {
  const area = filter.serviceAreaId ?? null
  const list = await rows<{ id: string; status: string; cycle_name: string; period_code: string; zone_name: string | null; totals: RunTotals | string | null; started_at: string; issued_at: string | null }>(
    db,
    sql`select r.id, r.status::text, c.name as cycle_name, bp.code as period_code, z.name as zone_name, r.totals,
               to_json(r.started_at)#>>'{}' as started_at, to_json(r.issued_at)#>>'{}' as issued_at
          from liquidation_runs r join billing_cycles c on c.id = r.cycle_id join billing_periods bp on bp.id = r.period_id
          left join zones z on z.id = r.zone_id
         where ${area}::uuid is null or c.service_area_id = ${area}::uuid
         order by r.started_at desc limit ${filter.limit ?? 50}`,
  )
  return list.map((r) => {
    const totals = parseTotals(r.totals)
    return {
      id: r.id,
      status: r.status,
      cycleName: r.cycle_name,
      periodCode: r.period_code,
      zoneName: r.zone_name,
      invoices: totals?.invoices ?? null,
      totalToPay: totals?.totalToPay ?? null,
      startedAt: r.started_at,
      issuedAt: r.issued_at,
    }
  })
}

export type RunDetail = {
  id: string
  status: string
  error: string | null
  serviceAreaId: string
  cycleName: string
  periodCode: string
  zoneName: string | null
  issueOn: string
  dueOn: string
  startedBy: string | null
  issuedBy: string | null
  issuedAt: string | null
  job: Awaited<ReturnType<typeof getJobProgress>>
}

export async function getRun(db: DbOrTx, runId: string): Promise<RunDetail | null> {
  const [r] = await rows<{ id: string; status: string; error: string | null; service_area_id: string; cycle_name: string; period_code: string; zone_name: string | null; issue_on: string; due_on: string; started_by: string | null; issued_by: string | null; issued_at: string | null; job_id: string | null }>(
    db,
    sql`select r.id, r.status::text, r.error, c.service_area_id, c.name as cycle_name, bp.code as period_code, z.name as zone_name,
               bp.issue_on::text, bp.due_on::text, us.full_name as started_by, ui.full_name as issued_by,
               to_json(r.issued_at)#>>'{}' as issued_at, r.job_id
          from liquidation_runs r join billing_cycles c on c.id = r.cycle_id join billing_periods bp on bp.id = r.period_id
          left join zones z on z.id = r.zone_id left join users us on us.id = r.started_by left join users ui on ui.id = r.issued_by
         where r.id = ${runId}::uuid`,
  )
  if (!r) return null
  const job = r.job_id ? await getJobProgress(db, r.job_id) : null
  return {
    id: r.id,
    status: r.status,
    error: r.error,
    serviceAreaId: r.service_area_id,
    cycleName: r.cycle_name,
    periodCode: r.period_code,
    zoneName: r.zone_name,
    issueOn: r.issue_on,
    dueOn: r.due_on,
    startedBy: r.started_by,
    issuedBy: r.issued_by,
    issuedAt: r.issued_at,
    job,
  }
}

/** Periods that can be liquidated (issue date reached or near, not closed) with the zones of their area. */
export async function listLiquidablePeriods(db: DbOrTx, filter: { serviceAreaId?: string | null } = {}) {
  const area = filter.serviceAreaId ?? null
  const periods = await rows<{ id: string; label: string; service_area_id: string }>(
    db,
    sql`select bp.id, c.name || ' — ' || bp.code as label, c.service_area_id
          from billing_periods bp join billing_cycles c on c.id = bp.cycle_id
         where bp.status <> 'closed' and (${area}::uuid is null or c.service_area_id = ${area}::uuid)
         order by bp.starts_on desc, c.name limit 60`,
  )
  const zones = await rows<{ id: string; name: string; service_area_id: string }>(
    db,
    sql`select id, name, service_area_id from zones where ${area}::uuid is null or service_area_id = ${area}::uuid order by name`,
  )
  return {
    periods: periods.map((p) => ({ id: p.id, label: p.label, areaId: p.service_area_id })),
    zones: zones.map((z) => ({ id: z.id, name: z.name, areaId: z.service_area_id })),
  }
}

function parseTotals(value: RunTotals | string | null): RunTotals | null {
  if (!value) return null
  return typeof value === 'string' ? (JSON.parse(value) as RunTotals) : value
}
