import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getTariffSchedule } from '~/billing/tariffs/schedule.server'
import { db } from '~/db.server'
import { serviceAreas } from '../schema/areas'
import { users } from '../schema/auth'
import { tariffVersions } from '../schema/tariffs'
import { seedDemoTariffs } from './tariffs'

const area = (code: string, band: 'below_1000' | 'above_2000', town: string) => ({
  code,
  name: code === 'ZIP' ? 'Zipaquirá' : 'Girardot',
  municipality: code,
  department: 'Cundinamarca',
  daneDepartment: '25',
  daneMunicipality: `25${town}`,
  daneTown: `25${town}000`,
  altitudeM: band === 'above_2000' ? 2650 : 289,
  altitudeBand: band,
  gln: code === 'ZIP' ? '7701234000011' : '7701234000028',
})

test('demo tariffs: per area a version before the first period and a mid-year update, 4-eyes approved', async () => {
  const areas = await db.insert(serviceAreas).values([area('ZIP', 'above_2000', '899'), area('GIR', 'below_1000', '307')]).returning()
  const now = new Date('2026-11-28T15:00:00Z')
  const messages: string[] = []
  await seedDemoTariffs(db, { areas, now, log: (m) => messages.push(m) })
  expect(messages[0]).toContain('omitidas') // without the demo users nothing is created
  expect(await db.select().from(tariffVersions)).toEqual([])

  await db.insert(users).values([
    { email: 'lider.area@demo.ventanilla.test', fullName: 'Líder', role: 'area_leader' },
    { email: 'coordinador@demo.ventanilla.test', fullName: 'Coordinadora', role: 'coordinator' },
  ])
  await seedDemoTariffs(db, { areas, now, log: () => {} })
  const zip = areas.find((a) => a.code === 'ZIP')!
  const versions = await db.select().from(tariffVersions).where(eq(tariffVersions.serviceAreaId, zip.id)).orderBy(tariffVersions.effectiveFrom)
  expect(versions.map((v) => [v.effectiveFrom, v.status])).toEqual([
    ['2025-09-01', 'superseded'],
    ['2026-06-01', 'approved'],
  ])
  const first = await getTariffSchedule(db, { serviceAreaId: zip.id, on: '2025-11-01' })
  const later = await getTariffSchedule(db, { serviceAreaId: zip.id, on: '2026-10-01' })
  if (!first.ok || !later.ok) throw new Error('expected schedules')
  expect(first.value.basicConsumptionM3).toBe(11)
  expect(first.value.rates.find((r) => r.service === 'acueducto')).toMatchObject({ fixedCharge: '10450.37' })
  expect(later.value.rates.find((r) => r.service === 'acueducto')).toMatchObject({ fixedCharge: '10993.79' })
  const gir = await getTariffSchedule(db, { serviceAreaId: areas.find((a) => a.code === 'GIR')!.id, on: '2026-10-01' })
  expect(gir.ok && gir.value.basicConsumptionM3).toBe(16)
})
