/**
 * Allocation of payments to open charges, oldest first, skipping amounts on hold (DESIGN.md; Ley 142 art. 155).
 * Negative lines of an invoice (subsidies, adjustments) and credit notes linked to it reduce that invoice's charges
 * before any payment does; a payment's unallocated remainder is a credit the next issued charges consume.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { fromDb, Money, ZERO } from '~/billing/money'
import { paymentAllocations } from '../../../db/schema/ledger'

type EntryRow = { id: string; amount: string; invoice_id: string | null; allocated: string; held: string }
type OpenCharge = { id: string; invoiceId: string | null; open: Money }

/** Serialises ledger writes of one account (two payments at once must not allocate the same charge twice). */
export async function lockAccount(tx: DbOrTx, accountId: string): Promise<void> {
  await rows(tx, sql`select id from accounts where id = ${accountId}::uuid for update`)
}

/** The account's open charges in allocation order, net of offsets, allocations and holds. */
export async function loadOpenCharges(tx: DbOrTx, accountId: string): Promise<OpenCharge[]> {
  const entries = await rows<EntryRow>(
    tx,
    sql`select e.id, e.amount::text, coalesce(e.invoice_id, e.note_of_invoice_id) as invoice_id,
               coalesce((select sum(a.amount) from payment_allocations a join payments p on p.id = a.payment_id
                          where a.ledger_entry_id = e.id and p.status = 'applied'), 0)::text as allocated,
               coalesce((select sum(h.amount) from dispute_holds h
                          where h.ledger_entry_id = e.id and h.status = 'active'), 0)::text as held
          from ledger_entries e left join invoices inv on inv.id = e.invoice_id
          left join invoice_lines l on l.invoice_id = e.invoice_id and l.ledger_entry_id = e.id
         where e.account_id = ${accountId}::uuid and (inv.id is null or inv.status = 'issued')
           and e.kind not in ('payment', 'reversal')
         order by coalesce(e.due_on, e.occurred_on), e.occurred_on, e.created_at, l.position, e.id`,
  )
  const invoiceHolds = await rows<{ invoice_id: string; held: string }>(
    tx,
    sql`select invoice_id, sum(amount)::text as held from dispute_holds
         where account_id = ${accountId}::uuid and status = 'active' and invoice_id is not null and ledger_entry_id is null
         group by invoice_id`,
  )
  const offsets = new Map<string | null, Money>()
  const charges: OpenCharge[] = []
  for (const e of entries) {
    const amount = fromDb(e.amount)
    if (amount.isNegative()) offsets.set(e.invoice_id, (offsets.get(e.invoice_id) ?? ZERO).plus(amount.negated()))
    else charges.push({ id: e.id, invoiceId: e.invoice_id, open: amount.minus(e.allocated).minus(e.held) })
  }
  for (const h of invoiceHolds) offsets.set(`hold:${h.invoice_id}`, fromDb(h.held))
  // Offsets consume the charges of their own invoice, in order; those without an invoice, the oldest charges.
  for (const c of charges) {
    const keys = c.invoiceId ? [c.invoiceId, `hold:${c.invoiceId}`, null] : [null]
    for (const key of keys) {
      const available = offsets.get(key)
      if (!available || available.isZero() || c.open.lte(0)) continue
      const used = Money.min(available, c.open)
      c.open = c.open.minus(used)
      offsets.set(key, available.minus(used))
    }
  }
  return charges.filter((c) => c.open.gt(0))
}

/** Unallocated remainders of the account's applied payments, oldest first. */
async function loadAvailablePayments(tx: DbOrTx, accountId: string): Promise<Array<{ id: string; available: Money }>> {
  const list = await rows<{ id: string; available: string }>(
    tx,
    sql`select p.id, (p.amount - coalesce(sum(a.amount), 0))::text as available
          from payments p left join payment_allocations a on a.payment_id = p.id
         where p.account_id = ${accountId}::uuid and p.status = 'applied'
         group by p.id having p.amount - coalesce(sum(a.amount), 0) > 0
         order by p.paid_on, p.created_at, p.id`,
  )
  return list.map((p) => ({ id: p.id, available: fromDb(p.available) }))
}

export type Allocation = { paymentId: string; ledgerEntryId: string; amount: string }

/** Allocates every available payment remainder of the account to its open charges; records each allocation. */
export async function allocateAvailableCredit(tx: DbOrTx, accountId: string): Promise<Allocation[]> {
  const payments = await loadAvailablePayments(tx, accountId)
  if (payments.length === 0) return []
  const charges = await loadOpenCharges(tx, accountId)
  const allocations: Allocation[] = []
  let i = 0
  for (const p of payments) {
    while (p.available.gt(0) && i < charges.length) {
      const charge = charges[i]!
      const amount = Money.min(p.available, charge.open)
      allocations.push({ paymentId: p.id, ledgerEntryId: charge.id, amount: amount.toFixed(2) })
      p.available = p.available.minus(amount)
      charge.open = charge.open.minus(amount)
      if (charge.open.isZero()) i++
    }
  }
  if (allocations.length > 0) await tx.insert(paymentAllocations).values(allocations)
  return allocations
}
