/**
 * Issued invoices made by the real billing engine, for the invoice page, PDF, delivery and mail tests: an area with an
 * approved tariff, `months` monthly periods from 2026-01, accounts with released consumptions, each period liquidated
 * and issued in order (so previous balances, history and the explanation are real).
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod, releaseConsumption } from '~/billing/ledger/test-fixtures.server'
import { issueLiquidation } from '~/billing/liquidation/issue.server'
import { runLiquidation } from '~/billing/liquidation/run.server'
import { startLiquidation } from '~/billing/liquidation/start.server'
import { invoices, serviceAreas } from '../../../db/schema'

const actor = { kind: 'system', label: 'prueba de facturas' } as const

export type IssuedWorld = {
  where: { areaId: string; zoneId: string; cycleId: string }
  periodIds: string[]
  accountIds: string[]
  /** invoiceIds[account][month] */
  invoiceIds: string[][]
}

export async function insertIssuedInvoices(
  db: Db,
  opts: { months: number; consumptions: number[][]; categories?: Array<{ estrato: number } | { useClass: 'commercial' }> },
): Promise<IssuedWorld> {
  const where = await insertArea(db, { band: 'above_2000' })
  // The GLN of the formats.md §2.2 worked example (a valid GS1 check digit): the PDF's barcode needs one.
  await db.update(serviceAreas).set({ gln: '7709998039933' }).where(eq(serviceAreas.id, where.areaId))
  await insertApprovedTariff(db, where.areaId)
  const periodIds: string[] = []
  for (let m = 1; m <= opts.months; m++) periodIds.push(await insertPeriod(db, where.cycleId, `2026-${String(m).padStart(2, '0')}`))
  const accountIds: string[] = []
  for (const [i, series] of opts.consumptions.entries()) {
    const id = await insertAccount(db, where, opts.categories?.[i] ?? { estrato: 2 })
    accountIds.push(id)
    for (const [m, m3] of series.entries()) await releaseConsumption(db, id, periodIds[m]!, m3)
  }
  for (const periodId of periodIds) {
    const started = await db.transaction((tx) => startLiquidation(tx, { periodId, actor }))
    if (!started.ok) throw started.error
    await runLiquidation(db, started.value.runId, { batchSize: 50 })
    const issued = await db.transaction((tx) => issueLiquidation(tx, { runId: started.value.runId, actor }))
    if (!issued.ok) throw issued.error
  }
  const invoiceIds: string[][] = []
  for (const accountId of accountIds) {
    const row: string[] = []
    for (const periodId of periodIds) {
      const [inv] = await db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.periodId, periodId)))
      row.push(inv!.id)
    }
    invoiceIds.push(row)
  }
  return { where, periodIds, accountIds, invoiceIds }
}
