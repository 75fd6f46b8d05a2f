/** Reads of the tariff catalogue for the staff pages and the use cases. */
import { and, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '~/db.server'
import { serviceAreas } from '../../../db/schema/areas'
import { users } from '../../../db/schema/auth'
import {
  tariffMeteredRates,
  tariffOtherCharges,
  tariffSolidarityFactors,
  tariffVersions,
  tariffWasteCharges,
} from '../../../db/schema/tariffs'
import { CATEGORY_CODES, type CategoryCode } from './categories'
import type { Service } from './types'
import type { VersionToValidate } from './validate'

export async function loadVersionValues(db: DbOrTx, versionId: string): Promise<VersionToValidate> {
  const [metered, waste, factors, others] = await Promise.all([
    db.select().from(tariffMeteredRates).where(eq(tariffMeteredRates.versionId, versionId)).orderBy(tariffMeteredRates.service),
    db.select().from(tariffWasteCharges).where(eq(tariffWasteCharges.versionId, versionId)),
    db.select().from(tariffSolidarityFactors).where(eq(tariffSolidarityFactors.versionId, versionId)),
    db.select().from(tariffOtherCharges).where(eq(tariffOtherCharges.versionId, versionId)).orderBy(tariffOtherCharges.code),
  ])
  const order = (c: string) => CATEGORY_CODES.indexOf(c as CategoryCode)
  return {
    meteredRates: metered.map((r) => ({
      service: r.service as 'acueducto' | 'alcantarillado',
      fixedCharge: r.fixedCharge,
      basicPrice: r.basicPrice,
      complementaryPrice: r.complementaryPrice,
      luxuryPrice: r.luxuryPrice,
    })),
    wasteCharges: waste
      .sort((a, b) => order(a.category) - order(b.category))
      .map((w) => ({ category: w.category as CategoryCode, fixedCharge: w.fixedCharge, variableCharge: w.variableCharge })),
    factors: factors
      .sort((a, b) => order(a.category) - order(b.category) || a.service.localeCompare(b.service))
      .map((f) => ({ category: f.category as CategoryCode, service: f.service as Service, factor: f.factor })),
    otherCharges: others.map((o) => ({ code: o.code, label: o.label, amount: o.amount, approvalAct: o.approvalAct })),
  }
}

const enteredByUser = alias(users, 'entered_by_user')
const approvedByUser = alias(users, 'approved_by_user')

const versionColumns = {
  id: tariffVersions.id,
  serviceAreaId: tariffVersions.serviceAreaId,
  areaName: serviceAreas.name,
  effectiveFrom: tariffVersions.effectiveFrom,
  status: tariffVersions.status,
  approvalAct: tariffVersions.approvalAct,
  notes: tariffVersions.notes,
  enteredBy: tariffVersions.enteredBy,
  enteredByName: enteredByUser.fullName,
  approvedByName: approvedByUser.fullName,
  approvedAt: tariffVersions.approvedAt,
  createdAt: tariffVersions.createdAt,
}

function versionQuery(db: DbOrTx) {
  return db
    .select(versionColumns)
    .from(tariffVersions)
    .innerJoin(serviceAreas, eq(serviceAreas.id, tariffVersions.serviceAreaId))
    .innerJoin(enteredByUser, eq(enteredByUser.id, tariffVersions.enteredBy))
    .leftJoin(approvedByUser, eq(approvedByUser.id, tariffVersions.approvedBy))
}

export type TariffVersionSummary = Awaited<ReturnType<typeof listTariffVersions>>[number]

export async function listTariffVersions(db: DbOrTx, filter: { serviceAreaId?: string } = {}) {
  return versionQuery(db)
    .where(filter.serviceAreaId ? eq(tariffVersions.serviceAreaId, filter.serviceAreaId) : undefined)
    .orderBy(serviceAreas.name, desc(tariffVersions.effectiveFrom), desc(tariffVersions.createdAt))
}

export async function getTariffVersion(db: DbOrTx, versionId: string) {
  const [version] = await versionQuery(db).where(eq(tariffVersions.id, versionId))
  if (!version) return null
  return { ...version, values: await loadVersionValues(db, versionId) }
}

/** The version a new draft copies: the area's latest by effective date (approved or not). */
export async function latestVersionId(db: DbOrTx, serviceAreaId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: tariffVersions.id })
    .from(tariffVersions)
    .where(and(eq(tariffVersions.serviceAreaId, serviceAreaId)))
    .orderBy(desc(tariffVersions.effectiveFrom), desc(tariffVersions.createdAt))
    .limit(1)
  return row?.id ?? null
}

export async function listServiceAreas(db: DbOrTx) {
  return db.select({ id: serviceAreas.id, name: serviceAreas.name }).from(serviceAreas).orderBy(serviceAreas.name)
}
