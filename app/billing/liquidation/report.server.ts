/**
 * The control report the coordinator reads before issuing: counts, totals by service, category and concept,
 * subsidies against contributions and the solidarity-fund balance (Σ contributions − Σ subsidies, Decreto 1077/2015
 * arts. 2.3.4.2.x), and the largest consumption deviations of the period. Amounts are decimal strings.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { fromDb, sum } from '~/billing/money'

export type RunTotals = {
  invoices: number
  currentCharges: string
  totalToPay: string
  previousBalance: string
  subsidies: string
  contributions: string
  /** Σ contributions − Σ subsidies (subsidies counted as positive amounts). */
  solidarityBalance: string
}

export type ControlReport = {
  totals: RunTotals
  pendingAccounts: number
  byService: Array<{ service: string | null; amount: string }>
  byCategory: Array<{ category: string; invoices: number; amount: string }>
  byConcept: Array<{ concept: string; lines: number; amount: string }>
  topDeviations: Array<{ accountNumber: string; classification: string; billedM3: number; averageM3: string | null }>
}

export async function summariseRun(db: DbOrTx, runId: string): Promise<RunTotals> {
  const [inv] = await rows<{ n: number; charges: string; total: string; previous: string }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(current_charges), 0)::text as charges,
               coalesce(sum(total_to_pay), 0)::text as total, coalesce(sum(previous_balance), 0)::text as previous
          from invoices where liquidation_run_id = ${runId}::uuid`,
  )
  const [sol] = await rows<{ subsidies: string; contributions: string }>(
    db,
    sql`select coalesce(-sum(l.amount) filter (where l.concept = 'subsidio'), 0)::text as subsidies,
               coalesce(sum(l.amount) filter (where l.concept = 'contribucion'), 0)::text as contributions
          from invoice_lines l join invoices i on i.id = l.invoice_id where i.liquidation_run_id = ${runId}::uuid`,
  )
  const subsidies = fromDb(sol!.subsidies)
  const contributions = fromDb(sol!.contributions)
  return {
    invoices: inv!.n,
    currentCharges: fromDb(inv!.charges).toFixed(2),
    totalToPay: fromDb(inv!.total).toFixed(2),
    previousBalance: fromDb(inv!.previous).toFixed(2),
    subsidies: subsidies.toFixed(2),
    contributions: contributions.toFixed(2),
    solidarityBalance: contributions.minus(subsidies).toFixed(2),
  }
}

export async function getControlReport(db: DbOrTx, runId: string): Promise<ControlReport> {
  const lines = sql`invoice_lines l join invoices i on i.id = l.invoice_id where i.liquidation_run_id = ${runId}::uuid`
  const [totals, byService, byCategory, byConcept, pending, deviations] = await Promise.all([
    summariseRun(db, runId),
    rows<{ service: string | null; amount: string }>(
      db,
      sql`select l.service::text as service, sum(l.amount)::text as amount from ${lines} group by 1 order by 1 nulls last`,
    ),
    rows<{ category: string; invoices: number; amount: string }>(
      db,
      sql`select case when p.use_class = 'residential' then 'Estrato ' || p.estrato
                      else initcap(p.use_class::text) end as category,
                 count(*)::int as invoices, sum(i.current_charges)::text as amount
            from invoices i join accounts a on a.id = i.account_id join premises p on p.id = a.premise_id
           where i.liquidation_run_id = ${runId}::uuid group by 1 order by 1`,
    ),
    rows<{ concept: string; lines: number; amount: string }>(
      db,
      sql`select l.concept, count(*)::int as lines, sum(l.amount)::text as amount from ${lines} group by 1 order by 1`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from liquidation_runs r
            join premises p on p.cycle_id = r.cycle_id and (r.zone_id is null or p.zone_id = r.zone_id)
            join accounts a on a.premise_id = p.id
            left join consumptions c on c.account_id = a.id and c.period_id = r.period_id
           where r.id = ${runId}::uuid and a.status <> 'inactive' and (c.id is null or c.status <> 'released')`,
    ),
    rows<{ account_number: string; classification: string; billed_m3: number; average_m3: string | null }>(
      db,
      sql`select a.number as account_number, c.classification::text, c.billed_m3, c.average_m3::text
            from liquidation_runs r
            join consumptions c on c.period_id = r.period_id
            join accounts a on a.id = c.account_id join premises p on p.id = a.premise_id
           where r.id = ${runId}::uuid and p.cycle_id = r.cycle_id and (r.zone_id is null or p.zone_id = r.zone_id)
             and c.classification in ('significant_deviation_up', 'significant_deviation_down')
           order by abs(coalesce(c.measured_m3, c.billed_m3) - coalesce(c.average_m3, 0)) desc limit 20`,
    ),
  ])
  return {
    totals,
    pendingAccounts: pending[0]?.n ?? 0,
    byService,
    byCategory,
    byConcept,
    topDeviations: deviations.map((d) => ({
      accountNumber: d.account_number,
      classification: d.classification,
      billedM3: Number(d.billed_m3),
      averageM3: d.average_m3,
    })),
  }
}

/** Σ of a report section, for consistency checks. */
export function totalOf(section: ReadonlyArray<{ amount: string }>): string {
  return sum(section.map((s) => s.amount)).toFixed(2)
}
