import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod, releaseConsumption } from '~/billing/ledger/test-fixtures.server'
import { runLiquidation } from '~/billing/liquidation/run.server'
import { startLiquidation } from '~/billing/liquidation/start.server'
import { pendingCharges } from '../../../db/schema/ledger'
import { addPendingCharge, cancelPendingCharge } from './pending.server'
import { listPendingCharges } from './queries.server'

const actor = { kind: 'system', label: 'prueba' } as const
let where: { areaId: string; zoneId: string; cycleId: string }
let period: string
let withCharge: string
let twin: string

beforeAll(async () => {
  where = await insertArea(db, { band: 'above_2000' })
  await insertApprovedTariff(db, where.areaId)
  period = await insertPeriod(db, where.cycleId, '2026-01')
  withCharge = await insertAccount(db, where, { estrato: 1 })
  twin = await insertAccount(db, where, { estrato: 1 })
  for (const id of [withCharge, twin]) await releaseConsumption(db, id, period, 14)
})

async function liquidate(opts: { setBasedChecks?: boolean } = {}) {
  const started = await db.transaction((tx) => startLiquidation(tx, { periodId: period, actor }))
  if (!started.ok) throw started.error
  const outcome = await runLiquidation(db, started.value.runId, { batchSize: 1, ...opts })
  expect(outcome.ok).toBe(true)
}

async function linesOf(accountId: string) {
  return rows<{ invoice_id: string; concept: string; amount: string; description: string }>(
    db,
    sql`select l.invoice_id, l.concept, l.amount::text, l.description from invoice_lines l join invoices i on i.id = l.invoice_id
         where i.account_id = ${accountId}::uuid and i.period_id = ${period}::uuid order by l.position`,
  )
}

describe('pending other charges', () => {
  test('takes the price and label of the approved tariff for the code on the date', async () => {
    const added = await addPendingCharge(db, { accountId: withCharge, code: 'reconexion', on: '2026-01-20', actor })
    expect(added).toMatchObject({ ok: true, value: { description: 'Reconexión del servicio', amount: '38500.00' } })
    const listed = await listPendingCharges(db, withCharge, { page: 1, pageSize: 10 })
    expect(listed.total).toBe(1)
    expect(listed.items[0]).toMatchObject({ code: 'reconexion', amount: '38500.00', requestedOn: '2026-01-20' })
  })

  test('a code without an approved price, or an area without a tariff in force, is refused in Spanish', async () => {
    const unknown = await addPendingCharge(db, { accountId: withCharge, code: 'instalacion_medidor', on: '2026-01-20', actor })
    expect(!unknown.ok && unknown.error.message).toMatch(/no tiene un valor aprobado en la tarifa vigente el/)
    const early = await addPendingCharge(db, { accountId: withCharge, code: 'reconexion', on: '2024-06-01', actor })
    expect(!early.ok && early.error.code).toBe('billing/no_approved_tariff')
    const missing = await addPendingCharge(db, { accountId: '00000000-0000-4000-8000-000000000000', code: 'reconexion', on: '2026-01-20', actor })
    expect(!missing.ok && missing.error.message).toBe('No existe la cuenta indicada.')
  })

  test('the liquidation bills it once, never subsidised, and marks it billed with its invoice', async () => {
    const cancelled = await addPendingCharge(db, { accountId: withCharge, code: 'visita_tecnica', on: '2026-01-21', actor })
    if (!cancelled.ok) throw cancelled.error
    expect((await cancelPendingCharge(db, { id: cancelled.value.id, actor })).ok).toBe(true)
    const later = await addPendingCharge(db, { accountId: withCharge, code: 'duplicado_factura', on: '2026-03-01', actor })
    if (!later.ok) throw later.error
    await liquidate()
    const lines = await linesOf(withCharge)
    const others = lines.filter((l) => l.concept === 'otro_cobro')
    expect(others.map((l) => [l.description, l.amount])).toEqual([['Reconexión del servicio', '38500.00']])
    // Same category and consumption without the charge: every other line, subsidies included, is identical.
    const twinLines = await linesOf(twin)
    const strip = (list: typeof lines) => list.filter((l) => l.concept !== 'otro_cobro').map((l) => [l.concept, l.amount, l.description])
    expect(strip(lines)).toEqual(strip(twinLines))
    const charges = await db.select().from(pendingCharges).where(eq(pendingCharges.accountId, withCharge)).orderBy(pendingCharges.requestedOn)
    expect(charges.map((c) => [c.code, c.status, c.invoiceId])).toEqual([
      ['reconexion', 'billed', lines[0]!.invoice_id],
      ['visita_tecnica', 'cancelled', null],
      ['duplicado_factura', 'pending', null], // arises after the issue date: the next invoice
    ])
  })

  test('re-running the draft restores and bills it again on the new invoice, never twice', async () => {
    await liquidate({ setBasedChecks: false })
    const lines = await linesOf(withCharge)
    expect(lines.filter((l) => l.concept === 'otro_cobro')).toHaveLength(1)
    const [billed] = await db
      .select()
      .from(pendingCharges)
      .where(and(eq(pendingCharges.accountId, withCharge), eq(pendingCharges.code, 'reconexion')))
    expect([billed!.status, billed!.invoiceId]).toEqual(['billed', lines[0]!.invoice_id])
    const again = await cancelPendingCharge(db, { id: billed!.id, actor })
    expect(!again.ok && again.error.message).toMatch(/ya no está pendiente/)
  })
})
