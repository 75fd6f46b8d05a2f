/**
 * Small builders for billing db tests: an area with a zone, a cycle and a period, accounts of a given category,
 * an approved tariff (through the catalogue's own functions), released consumptions and issued invoices.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '~/db.server'
import { approveTariffVersion } from '~/billing/tariffs/approve.server'
import { createTariffDraft } from '~/billing/tariffs/draft.server'
import { demoTariffValues } from '~/billing/tariffs/demo-values'
import { users } from '../../../db/schema/auth'
import { billingCycles, serviceAreas, zones } from '../../../db/schema/areas'
import { accounts, premises, subscribers } from '../../../db/schema/premises'
import { billingPeriods } from '../../../db/schema/readings'
import { invoices, ledgerEntries } from '../../../db/schema/ledger'
import { consumptions } from '../../../db/schema/critica'

export type Band = 'below_1000' | 'from_1000_to_2000' | 'above_2000'

export async function insertStaff(db: Db) {
  const tag = randomUUID().slice(0, 8)
  const [entered, approver] = await db
    .insert(users)
    .values([
      { email: `analista-${tag}@example.com`, fullName: 'Analista', role: 'coordinator' },
      { email: `coordinadora-${tag}@example.com`, fullName: 'Coordinadora', role: 'coordinator' },
    ])
    .returning({ id: users.id })
  return { enteredBy: entered!.id, approvedBy: approver!.id }
}

export async function insertArea(db: Db, opts: { band: Band; frequency?: 'monthly' | 'bimonthly'; code?: string }) {
  const code = opts.code ?? `A${randomUUID().slice(0, 6)}`
  const [area] = await db
    .insert(serviceAreas)
    .values({
      code,
      name: `Área ${code}`,
      municipality: 'Zipaquirá',
      department: 'Cundinamarca',
      daneDepartment: '25',
      daneMunicipality: '25899',
      daneTown: '25899000',
      altitudeM: opts.band === 'above_2000' ? 2650 : opts.band === 'below_1000' ? 289 : 1500,
      altitudeBand: opts.band,
      gln: '7709998001013',
    })
    .returning({ id: serviceAreas.id })
  const [zone] = await db.insert(zones).values({ serviceAreaId: area!.id, code: 'Z1', name: 'Centro' }).returning({ id: zones.id })
  const [cycle] = await db
    .insert(billingCycles)
    .values({ serviceAreaId: area!.id, code: 'C1', name: 'Ciclo 1', frequency: opts.frequency ?? 'monthly', readingDay: 3, issueDay: 6, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 5 })
    .returning({ id: billingCycles.id })
  return { areaId: area!.id, zoneId: zone!.id, cycleId: cycle!.id }
}

export async function insertPeriod(db: Db, cycleId: string, month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const [period] = await db
    .insert(billingPeriods)
    .values({
      cycleId,
      code: month,
      startsOn: `${month}-01`,
      endsOn: `${month}-${last}`,
      readingOn: `${next}-03`,
      issueOn: `${next}-06`,
      dueOn: `${next}-21`,
      suspensionOn: `${next}-26`,
      status: 'reviewed',
    })
    .returning({ id: billingPeriods.id })
  return period!.id
}

export async function insertApprovedTariff(db: Db, areaId: string, effectiveFrom = '2025-01-01') {
  const staff = await insertStaff(db)
  const { versionId } = await createTariffDraft(db, { serviceAreaId: areaId, effectiveFrom, enteredBy: staff.enteredBy, values: demoTariffValues() })
  const approved = await approveTariffVersion(db, { versionId, approvedBy: staff.approvedBy, approvalAct: 'Resolución de Gerencia 004 de 2025' })
  if (!approved.ok) throw approved.error
  return versionId
}

type Category = { estrato: number } | { useClass: 'commercial' | 'industrial' | 'official' | 'special' }

let counter = 0

export async function insertAccount(
  db: Db,
  where: { zoneId: string; cycleId: string },
  category: Category = { estrato: 4 },
  services: Array<'acueducto' | 'alcantarillado' | 'aseo'> = ['acueducto', 'alcantarillado', 'aseo'],
) {
  counter++
  const isResidential = 'estrato' in category
  const [premise] = await db
    .insert(premises)
    .values({
      zoneId: where.zoneId,
      cycleId: where.cycleId,
      address: `Calle ${counter} # 10-20`,
      addressParts: { viaType: 'Calle', viaNumber: String(counter), crossNumber: '10', plate: '20' },
      neighborhood: 'Centro',
      estrato: isResidential ? category.estrato : null,
      useClass: isResidential ? 'residential' : category.useClass,
      routeOrder: counter,
    })
    .returning({ id: premises.id })
  const [subscriber] = await db
    .insert(subscribers)
    .values({ documentType: 'CC', documentNumber: String(10_000_000 + counter) + randomUUID().slice(0, 4).replace(/\D/g, '7'), kind: 'person', fullName: `Suscriptor ${counter}` })
    .returning({ id: subscribers.id })
  const [account] = await db
    .insert(accounts)
    .values({ number: `T-${randomUUID().slice(0, 10)}`, premiseId: premise!.id, subscriberId: subscriber!.id, services, openedOn: '2020-01-01' })
    .returning({ id: accounts.id })
  return account!.id
}

export async function releaseConsumption(db: Db, accountId: string, periodId: string, m3: number, reviewedBy?: string) {
  await db.insert(consumptions).values({
    accountId,
    periodId,
    previousReading: 1000,
    currentReading: 1000 + m3,
    measuredM3: m3,
    billedM3: m3,
    basis: 'measured',
    classification: 'normal',
    status: 'released',
    reviewedBy: reviewedBy ?? null,
    reviewedAt: new Date(),
  })
}

/**
 * An issued invoice whose charges (concept, amount, optional description; the concept by default) are ledger entries
 * tied to it. Dates default to a January 2026 invoice; `totals` fills current charges and total to pay.
 */
export async function insertIssuedInvoice(
  db: Db,
  input: {
    accountId: string
    periodId: string
    charges: Array<[concept: string, amount: string, description?: string]>
    issueOn?: string
    dueOn?: string
    suspensionOn?: string
    totals?: string
    paymentReference?: string
    /** The invoice number, when the test looks it up by number (a PQR claim). */
    number?: number
  },
): Promise<{ invoiceId: string; number: number | null; entryIds: string[] }> {
  const { accountId, issueOn = '2026-02-06', dueOn = '2026-02-21', totals = '0.00' } = input
  const [inv] = await db
    .insert(invoices)
    .values({
      accountId,
      periodId: input.periodId,
      status: 'issued',
      issueOn,
      dueOn,
      suspensionOn: input.suspensionOn ?? '2026-02-26',
      previousBalance: '0.00',
      currentCharges: totals,
      totalToPay: totals,
      paymentReference: input.paymentReference ?? randomUUID(),
      number: input.number,
    })
    .returning({ id: invoices.id, number: invoices.number })
  const entries = await db
    .insert(ledgerEntries)
    .values(
      input.charges.map(([concept, amount, description]) => ({
        accountId,
        occurredOn: issueOn,
        kind: 'charge' as const,
        concept,
        amount,
        dueOn,
        invoiceId: inv!.id,
        description: description ?? concept,
      })),
    )
    .returning({ id: ledgerEntries.id })
  return { invoiceId: inv!.id, number: inv!.number, entryIds: entries.map((e) => e.id) }
}
