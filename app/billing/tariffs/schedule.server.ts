/**
 * The approved tariff in force for an area on a date, in the shape the liquidation engine reads. A draft is never
 * used: only approved versions, or approved ones since superseded by a later version (still in force for their own
 * dates, e.g. to re-liquidate an earlier period).
 */
import { and, desc, eq, inArray, lte } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { serviceAreas } from '../../../db/schema/areas'
import {
  tariffMeteredRates,
  tariffOtherCharges,
  tariffSolidarityFactors,
  tariffVersions,
  tariffWasteCharges,
} from '../../../db/schema/tariffs'
import { basicConsumptionFor, categoryFromCode, type CategoryCode } from './categories'
import type { AltitudeBand, MeteredServiceRate, Service, TariffSchedule, WasteServiceRate } from './types'

export type NoApprovedTariff = DomainError<'billing/no_approved_tariff'>

export async function getTariffSchedule(
  db: DbOrTx,
  input: { serviceAreaId: string; on: string },
): Promise<Result<TariffSchedule, NoApprovedTariff>> {
  const [area] = await db
    .select({ name: serviceAreas.name, band: serviceAreas.altitudeBand })
    .from(serviceAreas)
    .where(eq(serviceAreas.id, input.serviceAreaId))
  const [version] = await db
    .select()
    .from(tariffVersions)
    .where(
      and(
        eq(tariffVersions.serviceAreaId, input.serviceAreaId),
        inArray(tariffVersions.status, ['approved', 'superseded']),
        lte(tariffVersions.effectiveFrom, input.on),
      ),
    )
    .orderBy(desc(tariffVersions.effectiveFrom))
    .limit(1)
  if (!area || !version) {
    const where = area ? `el área ${area.name}` : 'el área indicada'
    return fail(
      new DomainError(
        'billing/no_approved_tariff',
        `No hay una tarifa aprobada vigente para ${where} el ${formatDate(input.on)}. Una versión en borrador no se puede usar: debe aprobarla un coordinador distinto de quien la registró.`,
      ),
    )
  }
  return ok(await loadSchedule(db, version.id, input.serviceAreaId, version.effectiveFrom, area.band))
}

async function loadSchedule(
  db: DbOrTx,
  versionId: string,
  serviceAreaId: string,
  effectiveFrom: string,
  band: AltitudeBand,
): Promise<TariffSchedule> {
  const [metered, waste, factors, others] = await Promise.all([
    db.select().from(tariffMeteredRates).where(eq(tariffMeteredRates.versionId, versionId)),
    db.select().from(tariffWasteCharges).where(eq(tariffWasteCharges.versionId, versionId)),
    db.select().from(tariffSolidarityFactors).where(eq(tariffSolidarityFactors.versionId, versionId)),
    db.select().from(tariffOtherCharges).where(eq(tariffOtherCharges.versionId, versionId)).orderBy(tariffOtherCharges.code),
  ])
  const rates: Array<MeteredServiceRate | WasteServiceRate> = metered.map((r) => ({
    service: r.service as MeteredServiceRate['service'],
    fixedCharge: r.fixedCharge,
    basicPrice: r.basicPrice,
    complementaryPrice: r.complementaryPrice,
    luxuryPrice: r.luxuryPrice,
  }))
  // The estrato 4 charge is the aseo reference (neither subsidised nor contributing).
  const reference = waste.find((w) => w.category === 'estrato_4')
  if (reference) rates.push({ service: 'aseo', fixedCharge: reference.fixedCharge, variableCharge: reference.variableCharge })
  return {
    versionId,
    serviceAreaId,
    effectiveFrom,
    basicConsumptionM3: basicConsumptionFor(band),
    rates,
    factors: factors.map((f) => ({
      category: categoryFromCode(f.category as CategoryCode),
      service: f.service as Service,
      factor: f.factor,
    })),
    otherCharges: others.map((o) => ({ code: o.code, label: o.label, amount: o.amount, approvalAct: o.approvalAct })),
    wasteRates: waste.map((w) => ({
      service: 'aseo' as const,
      category: categoryFromCode(w.category as CategoryCode),
      fixedCharge: w.fixedCharge,
      variableCharge: w.variableCharge,
    })),
  }
}
