/**
 * Builders for the deadline tests (silencio, extensions, alerts, dashboard): staff users, and a billing claim against
 * an issued invoice with its disputed amount on hold (Ley 142 art. 155), built through billing's own placeHold.
 */
import { randomUUID } from 'node:crypto'
import { placeHold } from '~/billing/ledger/holds.server'
import { insertAccount, insertArea, insertIssuedInvoice, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import type { Db } from '~/db.server'
import { users, type Role } from '../../db/schema/auth'
import { pqrCaseInvoices, type PqrCase } from '../../db/schema/pqr'
import { insertTestCase, type TestCaseInput } from './test-fixtures.server'

export async function insertUser(db: Db, role: Role, opts: { name?: string; areaId?: string | null } = {}) {
  const tag = randomUUID().slice(0, 8)
  const [u] = await db
    .insert(users)
    .values({
      email: `${role}-${tag}@plazos.test`,
      fullName: opts.name ?? `Persona ${role} ${tag}`,
      role,
      serviceAreaId: opts.areaId ?? null,
      emailVerifiedAt: new Date(),
    })
    .returning()
  return u!
}

/** A reclamo against one issued invoice, `disputed` pesos on hold; returns the case, the invoice and the hold. */
export async function insertBillingClaim(
  db: Db,
  opts: { disputed: string; now: Date; overrides?: TestCaseInput },
): Promise<{ c: PqrCase; invoiceId: string; holdId: string; accountId: string; areaId: string }> {
  const where = await insertArea(db, { band: 'above_2000' })
  const periodId = await insertPeriod(db, where.cycleId, '2026-01')
  const accountId = await insertAccount(db, where)
  const { invoiceId } = await insertIssuedInvoice(db, {
    accountId,
    periodId,
    charges: [['consumo_basico', '90000.00', 'Consumo']],
    totals: '90000.00',
  })
  const c = await insertTestCase(
    db,
    {
      typeCode: 'reclamo',
      causalCode: '102',
      accountId,
      areaId: where.areaId,
      disputedAmount: opts.disputed,
      filerEmail: `reclamante-${randomUUID().slice(0, 6)}@plazos.test`,
      ...opts.overrides,
    },
    opts.now,
  )
  const hold = await db.transaction((tx) =>
    placeHold(tx, {
      accountId,
      amount: opts.disputed,
      reason: `Reclamo ${c.radicado}`,
      invoiceId: invoiceId,
      related: { type: 'pqr_case', id: c.id },
      actor: { kind: 'system', label: 'Prueba' },
    }),
  )
  if (!hold.ok) throw hold.error
  await db
    .insert(pqrCaseInvoices)
    .values({ caseId: c.id, invoiceId: invoiceId, disputedAmount: opts.disputed, holdId: hold.value.holdId })
  return { c, invoiceId: invoiceId, holdId: hold.value.holdId, accountId, areaId: where.areaId }
}
