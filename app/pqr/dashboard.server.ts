/**
 * Read model of the deadlines dashboard: counts and lists per bucket (dashboard.ts), optionally scoped to one área de
 * prestación. Each bucket is a range on an indexed stored clock (STYLE.md §7: "vencidos / por vencer" run on indexed
 * columns), so the counts stay fast with a million cases (tests/bench/pqr-queue.ts).
 */
import { and, asc, eq, gt, lt, lte, sql, type SQL } from 'drizzle-orm'
import { addBusinessDays, addCalendarDays, todayInBogota, type IsoDate } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import { rows, type DbOrTx } from '~/db.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import { users } from '../../db/schema/auth'
import { serviceAreas } from '../../db/schema/areas'
import { pqrCases, pqrTasks, pqrTypes } from '../../db/schema/pqr'
import { COMPANY_DEADLINE_STATES } from './alerts'
import { DASHBOARD_BUCKETS, type DashboardBucket } from './dashboard'

export type DashboardWindow = { today: IsoDate; soonUntil: IsoDate; atRiskDays: number }
export type DashboardScope = { areaId: string | null }

/** Today in Bogotá and the last day of "por vencer" (N business days ahead, setting `pqr.at_risk_business_days`). */
export async function dashboardWindow(db: DbOrTx, now = new Date()): Promise<DashboardWindow> {
  const today = todayInBogota(now)
  const settings = await getSettingsSnapshot(today, db)
  const atRiskDays = settings['pqr.at_risk_business_days']
  const holidays = await loadHolidaySet(db, { from: today, to: addCalendarDays(today, 90) })
  const soonUntil = addBusinessDays(today, atRiskDays, holidays, {
    saturdays: settings['calendar.saturdays_are_business_days'],
  })
  return { today, soonUntil, atRiskDays }
}

// Literal state lists (constants, never user input) so the planner matches the partial indexes' predicates; a bound
// parameter would not match them in a generic plan.
const literalList = (states: readonly string[]) => sql.raw(states.map((s) => `'${s}'`).join(', '))
const companyStep = sql`${pqrCases.state} in (${literalList(COMPANY_DEADLINE_STATES)})`

function bucketWhere(bucket: DashboardBucket, w: DashboardWindow): SQL {
  switch (bucket) {
    case 'vence-hoy':
      return and(companyStep, eq(pqrCases.nextStepDueOn, w.today))!
    case 'por-vencer':
      return and(companyStep, gt(pqrCases.nextStepDueOn, w.today), lte(pqrCases.nextStepDueOn, w.soonUntil))!
    case 'vencidos':
      return and(companyStep, lt(pqrCases.nextStepDueOn, w.today))!
    case 'en-riesgo':
      return sql`${pqrCases.silencioRisk} and ${pqrCases.state} not in ('cerrada', 'firme')`
    case 'silencio':
      return sql`${pqrCases.state} = 'silencio_positivo'`
  }
}

function scoped(where: SQL, scope: DashboardScope): SQL {
  return scope.areaId ? and(where, eq(pqrCases.areaId, scope.areaId))! : where
}

/** Every bucket's count in one round trip (one indexed count per bucket). */
export async function countDashboard(
  db: DbOrTx,
  w: DashboardWindow,
  scope: DashboardScope,
): Promise<Record<DashboardBucket, number>> {
  const parts = DASHBOARD_BUCKETS.map(
    (b) =>
      sql`(select count(*)::int from ${pqrCases} where ${scoped(bucketWhere(b, w), scope)}) as ${sql.identifier(b)}`,
  )
  const [row] = await rows<Record<DashboardBucket, number>>(db, sql`select ${sql.join(parts, sql`, `)}`)
  return Object.fromEntries(DASHBOARD_BUCKETS.map((b) => [b, Number(row?.[b] ?? 0)])) as Record<
    DashboardBucket,
    number
  >
}

export type DashboardRow = {
  id: string
  radicado: string
  subject: string
  typeName: string
  state: (typeof pqrCases.$inferSelect)['state']
  dueOn: IsoDate | null
  assignedName: string | null
  areaName: string | null
  silencioRisk: boolean
  recognitionDueAt: string | null
}

/**
 * One page of a bucket, most urgent first. The page is chosen on pqr_cases alone (an ordered scan of the bucket's
 * partial index stops after `limit` rows), then the labels are joined to those rows only.
 */
export async function listDashboardBucket(
  db: DbOrTx,
  bucket: DashboardBucket,
  w: DashboardWindow,
  scope: DashboardScope,
  page: { limit: number; offset: number },
): Promise<DashboardRow[]> {
  const due = bucket === 'silencio' ? pqrCases.dueOn : pqrCases.nextStepDueOn
  const chosen = db
    .select({ id: pqrCases.id, due: sql<IsoDate | null>`${due}`.as('due'), radicado: pqrCases.radicado })
    .from(pqrCases)
    .where(scoped(bucketWhere(bucket, w), scope))
    .orderBy(sql`${due} asc nulls last`, asc(pqrCases.radicado))
    .limit(page.limit)
    .offset(page.offset)
    .as('chosen')
  const found = await db
    .select({
      id: pqrCases.id,
      radicado: pqrCases.radicado,
      subject: pqrCases.subject,
      typeName: pqrTypes.name,
      state: pqrCases.state,
      dueOn: chosen.due,
      assignedName: users.fullName,
      areaName: serviceAreas.name,
      silencioRisk: pqrCases.silencioRisk,
      recognitionDueAt: pqrTasks.dueAt,
    })
    .from(chosen)
    .innerJoin(pqrCases, eq(pqrCases.id, chosen.id))
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .leftJoin(users, eq(users.id, pqrCases.assignedTo))
    .leftJoin(serviceAreas, eq(serviceAreas.id, pqrCases.areaId))
    .leftJoin(
      pqrTasks,
      and(
        eq(pqrTasks.caseId, pqrCases.id),
        eq(pqrTasks.kind, 'silencio_recognition'),
        eq(pqrTasks.status, 'open'),
      ),
    )
    .orderBy(sql`${chosen.due} asc nulls last`, asc(chosen.radicado))
  return found.map((r) => ({
    ...r,
    recognitionDueAt: r.recognitionDueAt ? r.recognitionDueAt.toISOString() : null,
  }))
}
