/** Reads for the otros-cobros page: an account by its number, its pending charges (paged), the prices in force. */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { getTariffSchedule } from '~/billing/tariffs/schedule.server'
import type { OtherChargeRate } from '~/billing/tariffs/types'

export type ChargeAccount = { id: string; number: string; holder: string; address: string; serviceAreaId: string }

/** The account with that number, within the staff member's area when they have one. */
export async function findChargeAccount(db: DbOrTx, number: string, serviceAreaId: string | null): Promise<ChargeAccount | null> {
  const [found] = await rows<{ id: string; number: string; holder: string; address: string; area: string }>(
    db,
    sql`select a.id, a.number, s.full_name as holder, p.address, c.service_area_id as area
          from accounts a join premises p on p.id = a.premise_id join subscribers s on s.id = a.subscriber_id
          join billing_cycles c on c.id = p.cycle_id
         where a.number = ${number} and (${serviceAreaId}::uuid is null or c.service_area_id = ${serviceAreaId}::uuid)`,
  )
  return found ? { id: found.id, number: found.number, holder: found.holder, address: found.address, serviceAreaId: found.area } : null
}

export type PendingChargeRow = { id: string; code: string; description: string; amount: string; requestedOn: string; createdBy: string | null }

export async function listPendingCharges(
  db: DbOrTx,
  accountId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: PendingChargeRow[]; total: number }> {
  const offset = (page.page - 1) * page.pageSize
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pending_charges where account_id = ${accountId}::uuid and status = 'pending'`,
  )
  const items = await rows<{ id: string; code: string; description: string; amount: string; requested_on: string; created_by: string | null }>(
    db,
    sql`select pc.id, pc.code, pc.description, pc.amount::text, pc.requested_on::text, u.full_name as created_by
          from pending_charges pc left join users u on u.id = pc.created_by
         where pc.account_id = ${accountId}::uuid and pc.status = 'pending'
         order by pc.requested_on desc, pc.created_at desc, pc.id
         limit ${page.pageSize} offset ${offset}`,
  )
  return {
    total: count?.n ?? 0,
    items: items.map((r) => ({ id: r.id, code: r.code, description: r.description, amount: r.amount, requestedOn: r.requested_on, createdBy: r.created_by })),
  }
}

/** The other charges the approved tariff prices on the date (empty when the area has none in force). */
export async function pricedOtherCharges(db: DbOrTx, serviceAreaId: string, on: string): Promise<OtherChargeRate[]> {
  const schedule = await getTariffSchedule(db, { serviceAreaId, on })
  return schedule.ok ? schedule.value.otherCharges : []
}
