/**
 * A small billing cycle for billing tests: one area, zone and monthly cycle, `months` consecutive periods
 * (2026-01 onwards) and accounts with meters. Readings are added by each test.
 */
import type { Db } from '~/db.server'
import { billingCycles, serviceAreas, zones } from '../../db/schema/areas'
import { users } from '../../db/schema/auth'
import { accounts, meters, premises, subscribers } from '../../db/schema/premises'
import { billingPeriods, readings } from '../../db/schema/readings'

export type CycleFixture = {
  areaId: string
  zoneId: string
  cycleId: string
  periodIds: string[]
  userId: string
}

const pad = (n: number) => String(n).padStart(2, '0')

export async function insertBillingCycle(db: Db, months = 8): Promise<CycleFixture> {
  const [area] = await db
    .insert(serviceAreas)
    .values({
      code: 'GIR',
      name: 'Girardot',
      municipality: 'Girardot',
      department: 'Cundinamarca',
      daneDepartment: '25',
      daneMunicipality: '25307',
      daneTown: '25307000',
      altitudeM: 289,
      altitudeBand: 'below_1000',
      gln: '7701234000028',
    })
    .returning()
  const [zone] = await db.insert(zones).values({ serviceAreaId: area!.id, code: 'Z1', name: 'Centro' }).returning()
  const [cycle] = await db
    .insert(billingCycles)
    .values({ serviceAreaId: area!.id, code: 'C1', name: 'Ciclo 1', frequency: 'monthly', readingDay: 2, issueDay: 5, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 5 })
    .returning()
  const periodIds: string[] = []
  for (let i = 0; i < months; i++) {
    const y = 2026 + Math.floor(i / 12)
    const m = (i % 12) + 1
    const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`
    const [p] = await db
      .insert(billingPeriods)
      .values({
        cycleId: cycle!.id,
        code: `${y}-${pad(m)}`,
        startsOn: `${y}-${pad(m)}-01`,
        endsOn: `${y}-${pad(m)}-28`,
        readingOn: `${next}-02`,
        issueOn: `${next}-05`,
        dueOn: `${next}-20`,
        suspensionOn: `${next}-25`,
      })
      .returning()
    periodIds.push(p!.id)
  }
  const [user] = await db.insert(users).values({ email: 'lector.jefe@example.com', fullName: 'Jefa de lectura', role: 'coordinator' }).returning()
  return { areaId: area!.id, zoneId: zone!.id, cycleId: cycle!.id, periodIds, userId: user!.id }
}

export type AccountFixture = { accountId: string; meterId: string; number: string }

export async function insertMeteredAccount(
  db: Db,
  fx: CycleFixture,
  opts: { number: string; estrato?: number; useClass?: 'residential' | 'commercial'; dialDigits?: number; isMeterActive?: boolean },
): Promise<AccountFixture> {
  const useClass = opts.useClass ?? 'residential'
  const [premise] = await db
    .insert(premises)
    .values({
      zoneId: fx.zoneId,
      cycleId: fx.cycleId,
      address: `Calle 10 # 20-${opts.number.slice(-2)}`,
      addressParts: { kind: 'urban', viaType: 'Calle', viaNumber: '10', crossNumber: '20', plate: opts.number.slice(-2) },
      neighborhood: 'Centro',
      estrato: useClass === 'residential' ? (opts.estrato ?? 3) : null,
      useClass,
      routeOrder: Number(opts.number.slice(-3)),
    })
    .returning()
  const [subscriber] = await db
    .insert(subscribers)
    .values({ documentType: 'CC', documentNumber: `1000${opts.number.replace(/\D/g, '')}`, kind: 'person', fullName: `Suscriptor ${opts.number}` })
    .returning()
  const [account] = await db
    .insert(accounts)
    .values({ number: opts.number, premiseId: premise!.id, subscriberId: subscriber!.id, services: ['acueducto', 'alcantarillado', 'aseo'], openedOn: '2020-01-01' })
    .returning()
  const [meter] = await db
    .insert(meters)
    .values({
      accountId: account!.id,
      serial: `MTR-${opts.number}`,
      brand: 'Itron',
      diameterIn: '1/2',
      dialDigits: opts.dialDigits ?? 5,
      installedOn: '2020-01-01',
      isActive: opts.isMeterActive ?? true,
    })
    .returning()
  return { accountId: account!.id, meterId: meter!.id, number: opts.number }
}

/** Readings for consecutive periods from the first; null leaves a period unread (anomaly "sin lectura"). */
export async function insertReadings(db: Db, fx: CycleFixture, account: AccountFixture, values: Array<number | null>): Promise<void> {
  await db.insert(readings).values(
    values.map((value, i) => ({
      meterId: account.meterId,
      accountId: account.accountId,
      periodId: fx.periodIds[i]!,
      value,
      readOn: `2026-${pad(i + 2)}-02`,
      anomalyCode: value === null ? 'SL' : null,
      source: 'seed' as const,
    })),
  )
}
