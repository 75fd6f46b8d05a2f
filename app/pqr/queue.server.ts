/**
 * The agents' queue: open cases ordered by legal deadline (due_on), filtered, one page at a time. One indexed query
 * for the page (pqr_cases_queue_idx, or pqr_cases_assigned_idx for "mis casos", pqr_cases_area_queue_idx for an area)
 * and one capped count; the labels come from small joins on the page's rows only.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { businessDaysBetween, todayInBogota, addCalendarDays } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import { rows, type DbOrTx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { users } from '../../db/schema/auth'
import { serviceAreas } from '../../db/schema/areas'
import { pqrCases, pqrCausales, pqrTypes, type PqrState } from '../../db/schema/pqr'
import { QUEUE_COUNT_CAP, QUEUE_PAGE_SIZE, type QueueFilters } from './queue-filters'

export type QueueViewer = { id: string; serviceAreaId: string | null }

export type QueueRow = {
  id: string
  radicado: string
  typeName: string
  causalName: string | null
  channel: string
  state: PqrState
  filerName: string
  subject: string
  dueOn: string
  nextStepDueOn: string | null
  silencioRisk: boolean
  assignedName: string | null
  areaName: string | null
  /** Business days from today to due_on (negative once overdue). */
  businessDaysLeft: number
}

export type QueuePage = {
  rows: QueueRow[]
  total: number
  isTotalCapped: boolean
  page: number
  pageCount: number
}

function conditions(f: QueueFilters, viewer: QueueViewer): SQL[] {
  // Written as a literal so the planner matches the partial indexes' predicate (a bound parameter would not).
  const where: SQL[] = [sql`${pqrCases.state} not in ('cerrada', 'firme')`]
  // Staff bound to an área de prestación see only its cases (DESIGN.md: staff by role and area).
  const area = viewer.serviceAreaId ?? f.area
  if (area) where.push(eq(pqrCases.areaId, area))
  if (f.tipo) where.push(eq(pqrCases.typeCode, f.tipo))
  if (f.causal) where.push(eq(pqrCases.causalCode, f.causal))
  if (f.canal) where.push(eq(pqrCases.channel, f.canal))
  if (f.estado) where.push(eq(pqrCases.state, f.estado as PqrState))
  if (f.mios) where.push(eq(pqrCases.assignedTo, viewer.id))
  else if (f.agente === 'sin') where.push(isNull(pqrCases.assignedTo))
  else if (f.agente) where.push(eq(pqrCases.assignedTo, f.agente))
  return where
}

export async function listQueue(
  db: DbOrTx,
  f: QueueFilters,
  viewer: QueueViewer,
  now = new Date(),
): Promise<QueuePage> {
  const where = and(...conditions(f, viewer))!
  const offset = (f.pagina - 1) * QUEUE_PAGE_SIZE
  const [page, counted] = await Promise.all([
    db
      .select({
        id: pqrCases.id,
        radicado: pqrCases.radicado,
        typeCode: pqrCases.typeCode,
        causalCode: pqrCases.causalCode,
        channel: pqrCases.channel,
        state: pqrCases.state,
        filerName: pqrCases.filerName,
        subject: pqrCases.subject,
        dueOn: pqrCases.dueOn,
        nextStepDueOn: pqrCases.nextStepDueOn,
        silencioRisk: pqrCases.silencioRisk,
        assignedTo: pqrCases.assignedTo,
        areaId: pqrCases.areaId,
      })
      .from(pqrCases)
      .where(where)
      .orderBy(asc(pqrCases.dueOn), asc(pqrCases.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset(offset),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from ${pqrCases} where ${where} limit ${QUEUE_COUNT_CAP + 1}) capped`,
    ),
  ])
  const total = Number(counted[0]?.n ?? 0)
  const labels = await pageLabels(db, page)
  const today = todayInBogota(now)
  const saturdays = await getSetting('calendar.saturdays_are_business_days', { db, on: today })
  const dues = page.map((r) => r.dueOn).sort()
  const holidays = dues.length
    ? await loadHolidaySet(db, {
        from: dues[0]! < today ? dues[0]! : today,
        to: addCalendarDays(dues.at(-1)! > today ? dues.at(-1)! : today, 1),
      })
    : new Set<string>()
  return {
    rows: page.map((r) => ({
      id: r.id,
      radicado: r.radicado,
      typeName: labels.types.get(r.typeCode) ?? r.typeCode,
      causalName: r.causalCode ? (labels.causales.get(r.causalCode) ?? r.causalCode) : null,
      channel: r.channel,
      state: r.state,
      filerName: r.filerName,
      subject: r.subject,
      dueOn: r.dueOn,
      nextStepDueOn: r.nextStepDueOn,
      silencioRisk: r.silencioRisk,
      assignedName: r.assignedTo ? (labels.users.get(r.assignedTo) ?? null) : null,
      areaName: r.areaId ? (labels.areas.get(r.areaId) ?? null) : null,
      businessDaysLeft: businessDaysBetween(today, r.dueOn, holidays, { saturdays }),
    })),
    total: Math.min(total, QUEUE_COUNT_CAP),
    isTotalCapped: total > QUEUE_COUNT_CAP,
    page: f.pagina,
    pageCount: Math.max(1, Math.ceil(Math.min(total, QUEUE_COUNT_CAP) / QUEUE_PAGE_SIZE)),
  }
}

type PageRow = {
  typeCode: string
  causalCode: string | null
  assignedTo: string | null
  areaId: string | null
}

async function pageLabels(db: DbOrTx, page: PageRow[]) {
  const ids = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x != null))]
  const [types, causales, people, areas] = await Promise.all([
    db.select({ k: pqrTypes.code, v: pqrTypes.name }).from(pqrTypes),
    ids(page.map((r) => r.causalCode)).length
      ? db
          .select({ k: pqrCausales.code, v: pqrCausales.name })
          .from(pqrCausales)
          .where(inArray(pqrCausales.code, ids(page.map((r) => r.causalCode))))
      : [],
    ids(page.map((r) => r.assignedTo)).length
      ? db
          .select({ k: users.id, v: users.fullName })
          .from(users)
          .where(inArray(users.id, ids(page.map((r) => r.assignedTo))))
      : [],
    ids(page.map((r) => r.areaId)).length
      ? db
          .select({ k: serviceAreas.id, v: serviceAreas.name })
          .from(serviceAreas)
          .where(inArray(serviceAreas.id, ids(page.map((r) => r.areaId))))
      : [],
  ])
  const map = (xs: { k: string; v: string }[]) => new Map(xs.map((x) => [x.k, x.v]))
  return { types: map(types), causales: map(causales), users: map(people), areas: map(areas) }
}

/** The filter form's options: types, causales, areas and the agents who can take cases. */
export async function queueFilterOptions(db: DbOrTx, viewer: QueueViewer) {
  const [types, causales, areas, agents] = await Promise.all([
    db
      .select({ code: pqrTypes.code, name: pqrTypes.name })
      .from(pqrTypes)
      .where(eq(pqrTypes.active, true))
      .orderBy(pqrTypes.sortOrder),
    db
      .select({ code: pqrCausales.code, name: pqrCausales.name })
      .from(pqrCausales)
      .where(eq(pqrCausales.active, true))
      .orderBy(pqrCausales.code),
    db.select({ id: serviceAreas.id, name: serviceAreas.name }).from(serviceAreas).orderBy(serviceAreas.name),
    db
      .select({ id: users.id, name: users.fullName, areaId: users.serviceAreaId })
      .from(users)
      .where(
        and(
          eq(users.isActive, true),
          inArray(users.role, ['agent', 'coordinator', 'area_leader']),
          viewer.serviceAreaId ? eq(users.serviceAreaId, viewer.serviceAreaId) : undefined,
        ),
      )
      .orderBy(users.fullName),
  ])
  return {
    types,
    causales,
    areas: viewer.serviceAreaId ? areas.filter((a) => a.id === viewer.serviceAreaId) : areas,
    agents,
  }
}
