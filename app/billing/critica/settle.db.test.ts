import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { money, sum, toDb } from '~/billing/money'
import { getBalance } from '~/billing/ledger/balance.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import { issueLiquidation } from '~/billing/liquidation/issue.server'
import { runLiquidation } from '~/billing/liquidation/run.server'
import { startLiquidation } from '~/billing/liquidation/start.server'
import { consumptions } from '../../../db/schema/critica'
import { ledgerEntries } from '../../../db/schema/ledger'
import { workOrders } from '../../../db/schema/service'
import { recordDeviationVisit } from './review.server'
import { settleDeviation } from './settle.server'
import { listPendingSettlements } from './settlement-queries.server'

const actor = { kind: 'system', label: 'prueba' } as const
let where: { areaId: string; zoneId: string; cycleId: string }
let jan: string
const ids: Record<'up' | 'down', { account: string; consumption: string }> = {} as never

/** An account billed on its average (20 m³) while a deviation visit is open (art. 149). */
async function billedOnAverage(measured: number) {
  const account = await insertAccount(db, where, { estrato: 2 })
  const [order] = await db.insert(workOrders).values({ accountId: account, kind: 'deviation_visit', reason: 'Desviación significativa' }).returning({ id: workOrders.id })
  const [row] = await db
    .insert(consumptions)
    .values({ accountId: account, periodId: jan, previousReading: 100, currentReading: 100 + measured, measuredM3: measured, billedM3: 20, averageM3: '20', basis: 'average', classification: measured > 20 ? 'significant_deviation_up' : 'significant_deviation_down', status: 'released', reviewedAt: new Date(), workOrderId: order!.id })
    .returning({ id: consumptions.id })
  return { account, consumption: row!.id }
}

async function linesTotal(account: string) {
  const [r] = await rows<{ s: string }>(db, sql`select sum(l.amount)::text as s from invoice_lines l join invoices i on i.id = l.invoice_id where i.account_id = ${account}::uuid and l.concept like 'consumo%'`)
  return money(r!.s)
}

beforeAll(async () => {
  where = await insertArea(db, { band: 'above_2000' })
  await insertApprovedTariff(db, where.areaId)
  jan = await insertPeriod(db, where.cycleId, '2026-01')
  ids.up = await billedOnAverage(60)
  ids.down = await billedOnAverage(5)
  const started = await db.transaction((tx) => startLiquidation(tx, { periodId: jan, actor }))
  if (!started.ok) throw started.error
  await runLiquidation(db, started.value.runId)
  await db.transaction((tx) => issueLiquidation(tx, { runId: started.value.runId, actor }))
})

describe('deviation settlement (art. 149)', () => {
  test('the visit results are listed with the note they will post', async () => {
    expect((await recordDeviationVisit(db, { consumptionId: ids.up.consumption, realM3: 31, note: 'Fuga reparada', by: null })).ok).toBe(true)
    expect((await recordDeviationVisit(db, { consumptionId: ids.down.consumption, realM3: 8, note: 'Predio desocupado', by: null })).ok).toBe(true)
    const list = await listPendingSettlements(db, { serviceAreaId: where.areaId, page: 1, pageSize: 10 })
    expect(list.total).toBe(2)
    const up = list.items.find((i) => i.consumptionId === ids.up.consumption)!
    expect([up.billedM3, up.resolvedM3, up.invoiceIssued]).toEqual([20, 31, true])
    expect(money(up.amount!).gt(0)).toBe(true)
    expect(money(list.items.find((i) => i.consumptionId === ids.down.consumption)!.amount!).lt(0)).toBe(true)
  })

  test('posts a debit note for a higher real consumption, linked to the invoice, and marks it settled', async () => {
    const before = await getBalance(db, ids.up.account, { on: '2026-02-10' })
    const billedConsumption = await linesTotal(ids.up.account)
    const settled = await settleDeviation(db, { consumptionId: ids.up.consumption, on: '2026-02-10', actor })
    if (!settled.ok) throw settled.error
    expect(settled.value.kind).toBe('debit_note')
    const [note] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, settled.value.noteEntryId))
    expect(note!.noteOfInvoiceId).not.toBeNull()
    expect(note!.amount).toBe(settled.value.amount)
    // 20 m³ billed → 31 m³: 11 m³ more of acueducto and alcantarillado, in the complementario range above 11 m³ basic.
    expect(money(settled.value.amount).gt(0) && money(settled.value.amount).lt(billedConsumption)).toBe(true)
    const after = await getBalance(db, ids.up.account, { on: '2026-02-10' })
    expect(toDb(after.total)).toBe(toDb(sum([before.total, settled.value.amount])))
    const [row] = await db.select().from(consumptions).where(eq(consumptions.id, ids.up.consumption))
    expect(row!.settledByNoteId).toBe(settled.value.noteEntryId)
    const again = await settleDeviation(db, { consumptionId: ids.up.consumption, on: '2026-02-10', actor })
    expect(!again.ok && again.error.code).toBe('billing/settlement_not_pending')
  })

  test('posts a credit note for a lower real consumption', async () => {
    const settled = await settleDeviation(db, { consumptionId: ids.down.consumption, on: '2026-02-10', actor })
    if (!settled.ok) throw settled.error
    expect(settled.value.kind).toBe('credit_note')
    const [note] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, settled.value.noteEntryId))
    expect(money(note!.amount).negated().toFixed(2)).toBe(settled.value.amount)
    expect((await listPendingSettlements(db, { serviceAreaId: where.areaId, page: 1, pageSize: 10 })).total).toBe(0)
  })
})
