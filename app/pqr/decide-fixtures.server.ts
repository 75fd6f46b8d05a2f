/**
 * Builders for the decision and notification db tests: a reclamo against an issued invoice with its disputed amount
 * held in the ledger (as filing leaves it), staff users, and the seeded template of a given code.
 */
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { placeHold } from '~/billing/ledger/holds.server'
import { insertAccount, insertArea, insertIssuedInvoice, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import type { Db } from '~/db.server'
import { users, type Role } from '../../db/schema/auth'
import { pqrCaseInvoices, pqrDecisionTemplates, type PqrCase } from '../../db/schema/pqr'
import { insertTestCase, type TestCaseInput } from './test-fixtures.server'

export async function insertStaffUser(
  db: Db,
  role: Role,
  overrides: { serviceAreaId?: string | null; fullName?: string } = {},
) {
  const [u] = await db
    .insert(users)
    .values({
      email: `${role}-${randomUUID().slice(0, 8)}@example.com`,
      fullName: overrides.fullName ?? `Persona ${role}`,
      role,
      serviceAreaId: overrides.serviceAreaId ?? null,
    })
    .returning()
  return u!
}

export type ClaimFixture = {
  case: PqrCase
  accountId: string
  areaId: string
  invoiceId: string
  holdId: string
}

/** A reclamo on an issued invoice of `invoiceAmount`, disputing `disputed` (held), as filing leaves it. */
export async function insertBillingClaim(
  db: Db,
  opts: { invoiceAmount?: string; disputed?: string; now: Date; overrides?: TestCaseInput },
): Promise<ClaimFixture> {
  const where = await insertArea(db, { band: 'above_2000' })
  const accountId = await insertAccount(db, where)
  const periodId = await insertPeriod(db, where.cycleId, '2026-01')
  const amount = opts.invoiceAmount ?? '80000.00'
  const issued = await insertIssuedInvoice(db, {
    accountId,
    periodId,
    charges: [['consumo_basico', amount, 'Consumo']],
    totals: amount,
    number: Math.floor(Math.random() * 1e9),
  })
  const invoice = { id: issued.invoiceId, number: issued.number }
  const disputed = opts.disputed ?? '50000.00'
  const c = await insertTestCase(
    db,
    {
      typeCode: 'reclamo',
      causalCode: '102',
      accountId,
      areaId: where.areaId,
      disputedAmount: disputed,
      filerEmail: 'reclamante@example.com',
      subject: 'Alto consumo',
      ...opts.overrides,
    },
    opts.now,
  )
  const hold = await db.transaction((tx) =>
    placeHold(tx, {
      accountId,
      amount: disputed,
      invoiceId: invoice.id,
      reason: `Reclamo ${c.radicado}`,
      related: { type: 'pqr_case', id: c.id },
      actor: { kind: 'system', label: 'Prueba' },
    }),
  )
  if (!hold.ok) throw hold.error
  await db
    .insert(pqrCaseInvoices)
    .values({ caseId: c.id, invoiceId: invoice.id, disputedAmount: disputed, holdId: hold.value.holdId })
  return { case: c, accountId, areaId: where.areaId, invoiceId: invoice.id, holdId: hold.value.holdId }
}

export async function templateId(db: Db, code: string): Promise<string> {
  const [t] = await db
    .select({ id: pqrDecisionTemplates.id })
    .from(pqrDecisionTemplates)
    .where(and(eq(pqrDecisionTemplates.code, code), eq(pqrDecisionTemplates.version, 1)))
  if (!t) throw new Error(`template ${code} not seeded`)
  return t.id
}

export const STANDARD_RECURSOS = [
  { kind: 'reposicion', termBusinessDays: 5, fileWith: 'Ante la Oficina de PQR de la empresa' },
  { kind: 'apelacion', termBusinessDays: 5, fileWith: 'En subsidio, ante la SSPD, en el mismo escrito' },
]
