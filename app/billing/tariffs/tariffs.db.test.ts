import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { serviceAreas } from '../../../db/schema/areas'
import { users } from '../../../db/schema/auth'
import { tariffMeteredRates, tariffSolidarityFactors, tariffVersions } from '../../../db/schema/tariffs'
import { approveTariffVersion } from './approve.server'
import { demoTariffValues } from './demo-values'
import { createTariffDraft } from './draft.server'
import { getTariffSchedule } from './schedule.server'

let areaId: string
let clerk: string
let coordinator: string

beforeAll(async () => {
  const [area] = await db
    .insert(serviceAreas)
    .values({
      code: 'ZIP',
      name: 'Zipaquirá',
      municipality: 'Zipaquirá',
      department: 'Cundinamarca',
      daneDepartment: '25',
      daneMunicipality: '25899',
      daneTown: '25899000',
      altitudeM: 2650,
      altitudeBand: 'above_2000',
      gln: '7701234000011',
    })
    .returning()
  areaId = area!.id
  const [a, b] = await db
    .insert(users)
    .values([
      { email: 'digitador@example.com', fullName: 'Digitador', role: 'area_leader' },
      { email: 'coordinadora@example.com', fullName: 'Coordinadora', role: 'coordinator' },
    ])
    .returning()
  clerk = a!.id
  coordinator = b!.id
})

describe('tariff catalogue', () => {
  test('a draft is never used: getTariffSchedule refuses with a clear Spanish error until it is approved', async () => {
    const { versionId } = await createTariffDraft(db, {
      serviceAreaId: areaId,
      effectiveFrom: '2026-01-01',
      enteredBy: clerk,
      values: demoTariffValues(),
    })
    const before = await getTariffSchedule(db, { serviceAreaId: areaId, on: '2026-03-15' })
    expect(before.ok).toBe(false)
    if (!before.ok) {
      expect(before.error.code).toBe('billing/no_approved_tariff')
      expect(before.error.message).toContain('No hay una tarifa aprobada vigente para el área Zipaquirá el 15/03/2026')
    }

    const selfApproval = await approveTariffVersion(db, { versionId, approvedBy: clerk, approvalAct: 'Acuerdo 012 de 2026' })
    expect(selfApproval).toMatchObject({ ok: false, error: { code: 'billing/four_eyes' } })

    const approved = await approveTariffVersion(db, { versionId, approvedBy: coordinator, approvalAct: 'Acuerdo Concejo 012 de 2026' })
    expect(approved.ok).toBe(true)

    const after = await getTariffSchedule(db, { serviceAreaId: areaId, on: '2026-03-15' })
    if (!after.ok) throw after.error
    expect(after.value.versionId).toBe(versionId)
    expect(after.value.basicConsumptionM3).toBe(11) // above 2,000 m (Res. CRA 750/2016)
    expect(after.value.rates.find((r) => r.service === 'acueducto')).toMatchObject({ fixedCharge: '10450.37', basicPrice: '2874.12' })
    expect(after.value.rates.find((r) => r.service === 'aseo')).toEqual({ service: 'aseo', fixedCharge: '9800.00', variableCharge: '9600.00' })
    expect(after.value.factors).toHaveLength(30)
    expect(after.value.factors).toContainEqual({ category: { useClass: 'residential', estrato: 1 }, service: 'acueducto', factor: '-0.6000' })
    expect(after.value.otherCharges.map((o) => o.code)).toContain('reconexion')

    const beforeEffective = await getTariffSchedule(db, { serviceAreaId: areaId, on: '2025-12-31' })
    expect(beforeEffective.ok).toBe(false)
  })

  test('the database itself refuses self-approval (CHECK) and any change to an approved version (trigger)', async () => {
    const [approved] = await db.select().from(tariffVersions).where(eq(tariffVersions.status, 'approved'))
    await expect(db.update(tariffVersions).set({ approvalAct: 'otro' }).where(eq(tariffVersions.id, approved!.id))).rejects.toThrow()
    await expect(db.delete(tariffVersions).where(eq(tariffVersions.id, approved!.id))).rejects.toThrow()
    await expect(
      db.update(tariffMeteredRates).set({ basicPrice: '1.00' }).where(eq(tariffMeteredRates.versionId, approved!.id)),
    ).rejects.toThrow()

    const [draft] = await db
      .insert(tariffVersions)
      .values({ serviceAreaId: areaId, effectiveFrom: '2027-01-01', enteredBy: clerk })
      .returning()
    await expect(
      db
        .update(tariffVersions)
        .set({ status: 'approved', approvedBy: clerk, approvedAt: new Date(), approvalAct: 'Acuerdo' })
        .where(eq(tariffVersions.id, draft!.id)),
    ).rejects.toThrow()
    await db.delete(tariffVersions).where(eq(tariffVersions.id, draft!.id))
  })

  test('approval validates factors against the legal caps and minimums, naming category and value', async () => {
    const values = demoTariffValues('1.05')
    const set = (category: string, factor: string) => {
      for (const f of values.factors) if (f.category === category) f.factor = factor
    }
    set('estrato_1', '-0.7500')
    set('estrato_6', '0.5000')
    set('estrato_4', '0.1000')
    const { versionId } = await createTariffDraft(db, { serviceAreaId: areaId, effectiveFrom: '2026-07-01', enteredBy: clerk, values })
    const result = await approveTariffVersion(db, { versionId, approvedBy: coordinator, approvalAct: 'Acuerdo 020 de 2026' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('billing/tariff_invalid')
    expect(result.error.message).toContain('Estrato 1, acueducto: el subsidio de 75 % supera el tope legal de 70 %.')
    expect(result.error.message).toContain('Estrato 6, aseo: el aporte de 50 % es inferior al mínimo legal de 60 %.')
    expect(result.error.message).toContain('Estrato 4, alcantarillado: debe ser 0 %')
    const [row] = await db.select().from(tariffVersions).where(eq(tariffVersions.id, versionId))
    expect(row!.status).toBe('draft')
  })

  test('a mid-year version supersedes the earlier one, which stays in force for its own dates', async () => {
    const { versionId } = await createTariffDraft(db, {
      serviceAreaId: areaId,
      effectiveFrom: '2026-08-01',
      enteredBy: clerk,
      values: demoTariffValues('1.05'),
    })
    const r = await approveTariffVersion(db, { versionId, approvedBy: coordinator, approvalAct: 'Acuerdo Concejo 021 de 2026' })
    expect(r.ok).toBe(true)
    const july = await getTariffSchedule(db, { serviceAreaId: areaId, on: '2026-07-31' })
    const august = await getTariffSchedule(db, { serviceAreaId: areaId, on: '2026-08-01' })
    if (!july.ok || !august.ok) throw new Error('expected schedules')
    expect(august.value.versionId).toBe(versionId)
    expect(july.value.versionId).not.toBe(versionId)
    const statuses = await db.select({ status: tariffVersions.status }).from(tariffVersions).where(eq(tariffVersions.serviceAreaId, areaId))
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'draft', 'superseded'])
    const count = await db.select().from(tariffSolidarityFactors).where(eq(tariffSolidarityFactors.versionId, versionId))
    expect(count).toHaveLength(30)
  })

  test('a new draft without values copies the latest version', async () => {
    const { versionId } = await createTariffDraft(db, { serviceAreaId: areaId, effectiveFrom: '2027-01-01', enteredBy: clerk })
    const rates = await db.select().from(tariffMeteredRates).where(eq(tariffMeteredRates.versionId, versionId))
    expect(rates.map((r) => r.fixedCharge).sort()).toEqual(['10972.89', '7597.59'])
  })
})
