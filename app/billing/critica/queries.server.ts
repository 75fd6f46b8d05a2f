/** Reads of the crítica: what the liquidation bills, and the coordinator's page. */
import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { billingCycles, serviceAreas, zones } from '../../../db/schema/areas'
import { billingPeriods } from '../../../db/schema/readings'
import { jobs } from '../../../db/schema/system'
import { consumptions } from '../../../db/schema/critica'
import { accounts, premises } from '../../../db/schema/premises'
import type { Classification, ConsumptionBasis } from './classify'

export type ReleasedConsumption = {
  consumptionId: string
  accountId: string
  billedM3: number
  measuredM3: number | null
  basis: ConsumptionBasis
  classification: Classification
  averageM3: string | null
}

/**
 * Released consumptions of a period (optionally one zone), in account-id order, one page at a time: pass the last
 * account id of a page as `afterAccountId` to get the next. Held and pending accounts are never returned.
 */
export async function releasedConsumptions(
  db: DbOrTx,
  input: { periodId: string; zoneId?: string; afterAccountId?: string | null; limit?: number },
): Promise<ReleasedConsumption[]> {
  const where = and(
    eq(consumptions.periodId, input.periodId),
    eq(consumptions.status, 'released'),
    input.afterAccountId ? gt(consumptions.accountId, input.afterAccountId) : undefined,
    input.zoneId ? eq(premises.zoneId, input.zoneId) : undefined,
  )
  const base = db
    .select({
      consumptionId: consumptions.id,
      accountId: consumptions.accountId,
      billedM3: consumptions.billedM3,
      measuredM3: consumptions.measuredM3,
      basis: consumptions.basis,
      classification: consumptions.classification,
      averageM3: consumptions.averageM3,
    })
    .from(consumptions)
  const query = input.zoneId
    ? base.innerJoin(accounts, eq(accounts.id, consumptions.accountId)).innerJoin(premises, eq(premises.id, accounts.premiseId))
    : base
  return query.where(where).orderBy(asc(consumptions.accountId)).limit(input.limit ?? 5000)
}

export type CriticaFilter = {
  periodId: string
  classification?: Classification
  zoneId?: string
  status?: 'pending' | 'released' | 'held'
  page?: number
  pageSize?: number
}

function filterWhere(f: CriticaFilter): SQL | undefined {
  return and(
    eq(consumptions.periodId, f.periodId),
    f.classification ? eq(consumptions.classification, f.classification) : undefined,
    f.status ? eq(consumptions.status, f.status) : undefined,
    f.zoneId ? eq(premises.zoneId, f.zoneId) : undefined,
  )
}

/** One page of the crítica with the counts per class and status for the same filter (except class/status). */
export async function listCritica(db: DbOrTx, f: CriticaFilter) {
  const pageSize = f.pageSize ?? 50
  const page = Math.max(1, f.page ?? 1)
  const rowsFound = await db
    .select({
      id: consumptions.id,
      accountId: consumptions.accountId,
      accountNumber: accounts.number,
      address: premises.address,
      zoneName: zones.name,
      previousReading: consumptions.previousReading,
      currentReading: consumptions.currentReading,
      measuredM3: consumptions.measuredM3,
      billedM3: consumptions.billedM3,
      averageM3: consumptions.averageM3,
      basis: consumptions.basis,
      classification: consumptions.classification,
      status: consumptions.status,
      workOrderId: consumptions.workOrderId,
      resolvedM3: consumptions.resolvedM3,
    })
    .from(consumptions)
    .innerJoin(accounts, eq(accounts.id, consumptions.accountId))
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .innerJoin(zones, eq(zones.id, premises.zoneId))
    .where(filterWhere(f))
    .orderBy(asc(accounts.number))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
  const counts = await db
    .select({ classification: consumptions.classification, status: consumptions.status, n: count() })
    .from(consumptions)
    .innerJoin(accounts, eq(accounts.id, consumptions.accountId))
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .where(filterWhere({ periodId: f.periodId, zoneId: f.zoneId }))
    .groupBy(consumptions.classification, consumptions.status)
  return { rows: rowsFound.slice(0, pageSize), hasNext: rowsFound.length > pageSize, page, counts }
}

/** Periods with their cycle and area, newest first (for the readings and crítica pages' selectors). */
export async function listBillingPeriods(db: DbOrTx, filter: { serviceAreaId?: string | null } = {}) {
  return db
    .select({
      id: billingPeriods.id,
      code: billingPeriods.code,
      status: billingPeriods.status,
      cycleName: billingCycles.name,
      areaId: serviceAreas.id,
      areaName: serviceAreas.name,
    })
    .from(billingPeriods)
    .innerJoin(billingCycles, eq(billingCycles.id, billingPeriods.cycleId))
    .innerJoin(serviceAreas, eq(serviceAreas.id, billingCycles.serviceAreaId))
    .where(filter.serviceAreaId ? eq(serviceAreas.id, filter.serviceAreaId) : undefined)
    .orderBy(desc(billingPeriods.startsOn), serviceAreas.name, billingCycles.code)
    .limit(120)
}

export async function listZonesOfPeriod(db: DbOrTx, periodId: string) {
  return db
    .select({ id: zones.id, name: zones.name })
    .from(zones)
    .innerJoin(billingCycles, eq(billingCycles.serviceAreaId, zones.serviceAreaId))
    .innerJoin(billingPeriods, eq(billingPeriods.cycleId, billingCycles.id))
    .where(eq(billingPeriods.id, periodId))
    .orderBy(zones.name)
}

/** The progress of a billing job (crítica, readings import) for the page that started it. */
export async function readBillingJob(db: DbOrTx, jobId: string) {
  const [job] = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      progressDone: jobs.progressDone,
      progressTotal: jobs.progressTotal,
      progressMessage: jobs.progressMessage,
      result: jobs.result,
      lastError: jobs.lastError,
    })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), sql`${jobs.kind} like 'billing.%'`))
  return job ?? null
}
