/**
 * Balances are queries on the ledger. Entries of draft invoices are not part of the balance until issued.
 *
 * Overdue follows from oldest-first allocation: payments settle the oldest charges first, so what is still owed sits in
 * the newest charges; the overdue part is the balance minus the charges still within their term (due_on ≥ on), minus
 * the amounts on hold (Ley 142 art. 155: a claimed amount is not overdue and bears no interest).
 */
import { sql, type Placeholder, type SQL } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { fromDb, Money, ZERO, type Money as MoneyT } from '~/billing/money'

export type Balance = {
  /** Σ ledger amounts: positive owed, negative a credit. */
  total: MoneyT
  onHold: MoneyT
  overdue: MoneyT
  credit: MoneyT
}

/** SQL fragment: the ledger entries that count (not those of a draft invoice), aliased `e`. */
export const COUNTED_ENTRIES = sql.raw(
  `ledger_entries e left join invoices inv on inv.id = e.invoice_id where (inv.id is null or inv.status = 'issued')`,
)

/** `on`: the balance date, or a placeholder for a statement prepared once (invoices/detail.server.ts). */
export type OnDate = string | Placeholder

/**
 * Per account, the two sums of the balance rule over the entries that count up to `on`: total and in-term part. The
 * entries are summed per invoice first and each invoice's status is read once (an account has a dozen invoices a
 * year and ten times as many entries), so the cost of a balance grows with invoices, not with ledger lines.
 */
const countedSums = (entryFilter: SQL, on: OnDate) => sql`
  select g.account_id, sum(g.total) as total, sum(g.in_term) as in_term
    from (select e.account_id, e.invoice_id, sum(e.amount) as total,
                 coalesce(sum(e.amount) filter (where e.due_on >= ${on}::date), 0) as in_term
            from ledger_entries e
           where e.occurred_on <= ${on}::date and ${entryFilter}
           group by e.account_id, e.invoice_id) g
    left join invoices inv on inv.id = g.invoice_id
   where inv.id is null or inv.status = 'issued'
   group by g.account_id`

/** Overdue = balance − charges still within their term − amounts on hold, never negative. */
const overdueOf = (total: SQL, inTerm: SQL, onHold: SQL) =>
  sql`greatest(coalesce(${total}, 0) - coalesce(${inTerm}, 0) - coalesce(${onHold}, 0), 0)::text`

/** Balance rows (account_id, total, on_hold, overdue) for the accounts that `where(column)` selects. */
export function balanceQuery(where: (column: SQL) => SQL, on: OnDate): SQL {
  return sql`
    with b as (${countedSums(where(sql.raw('e.account_id')), on)}), h as (
      select account_id, sum(amount) as on_hold
        from dispute_holds where status = 'active' and ${where(sql.raw('account_id'))}
       group by account_id
    )
    select coalesce(b.account_id, h.account_id) as account_id,
           coalesce(b.total, 0)::text as total,
           coalesce(h.on_hold, 0)::text as on_hold,
           ${overdueOf(sql.raw('b.total'), sql.raw('b.in_term'), sql.raw('h.on_hold'))} as overdue
      from b full join h on h.account_id = b.account_id`
}

/**
 * The same rule for a list of accounts (a uuid[] literal), one row each, plus the ajuste a la decena carried (every
 * counted 'ajuste_decena' entry). Each account's entries are read through its index (a lateral probe), so a batch
 * costs the same however many accounts the ledger holds — also while a liquidation is adding its own draft entries.
 */
export function accountBalancesQuery(ids: string, on: string): SQL {
  return sql`
    select b.id as account_id, coalesce(x.total, 0)::text as total, coalesce(h.on_hold, 0)::text as on_hold,
           ${overdueOf(sql.raw('x.total'), sql.raw('x.in_term'), sql.raw('h.on_hold'))} as overdue,
           coalesce(c.carry, 0)::text as carry
      from unnest(${ids}::uuid[]) as b(id)
      left join lateral (${countedSums(sql`e.account_id = b.id`, on)}) x on true
      cross join lateral (select sum(e.amount) as carry from ${COUNTED_ENTRIES}
                             and e.account_id = b.id and e.concept = 'ajuste_decena') c
      cross join lateral (select sum(amount) as on_hold from dispute_holds where status = 'active' and account_id = b.id) h`
}

export async function getBalance(db: DbOrTx, accountId: string, { on }: { on: string }): Promise<Balance> {
  const [row] = await rows<{ total: string; on_hold: string; overdue: string }>(
    db,
    balanceQuery((column) => sql`${column} = ${accountId}::uuid`, on),
  )
  const total = row ? fromDb(row.total) : ZERO
  return {
    total,
    onHold: row ? fromDb(row.on_hold) : ZERO,
    overdue: row ? fromDb(row.overdue) : ZERO,
    credit: Money.max(total.negated(), ZERO),
  }
}
