/** The coordinator's list of deviation settlements waiting for their note, each with its amount previewed. */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import type { TariffSchedule } from '~/billing/tariffs/types'
import { scheduleFor, settlementDifference, settlementRowsSql, type SettlementRow } from './settle.server'

export type SettlementPreview = {
  consumptionId: string
  accountNumber: string
  periodCode: string
  billedM3: number
  resolvedM3: number
  /** Pesos: positive a debit note, negative a credit note; null when the tariff cannot be read. */
  amount: string | null
  invoiceIssued: boolean
}

export async function listPendingSettlements(
  db: DbOrTx,
  filter: { serviceAreaId: string | null; page: number; pageSize: number },
): Promise<{ items: SettlementPreview[]; total: number }> {
  const base = settlementRowsSql({ serviceAreaId: filter.serviceAreaId })
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (${base}) x`)
  const found = await rows<SettlementRow>(
    db,
    sql`select * from (${base}) x order by starts_on desc, account_number limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  )
  // One tariff read per area and period on the page, not one per row.
  const schedules = new Map<string, TariffSchedule | null>()
  for (const row of found) {
    const key = `${row.service_area_id}:${row.starts_on}`
    if (!schedules.has(key)) {
      const schedule = await scheduleFor(db, row)
      schedules.set(key, schedule.ok ? schedule.value : null)
    }
  }
  const items = found.map((row) => {
    const schedule = schedules.get(`${row.service_area_id}:${row.starts_on}`)
    return {
      consumptionId: row.consumption_id,
      accountNumber: row.account_number,
      periodCode: row.period_code,
      billedM3: row.billed_m3,
      resolvedM3: row.resolved_m3,
      amount: schedule ? settlementDifference(row, schedule).toFixed(2) : null,
      invoiceIssued: row.invoice_status === 'issued',
    }
  })
  return { items, total: count?.n ?? 0 }
}
