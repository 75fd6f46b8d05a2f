/**
 * Balances are queries on the ledger. Entries of draft invoices are not part of the balance until issued.
 *
 * Overdue follows from oldest-first allocation: payments settle the oldest charges first, so what is still owed sits in
 * the newest charges; the overdue part is the balance minus the charges still within their term (due_on ≥ on), minus
 * the amounts on hold (Ley 142 art. 155: a claimed amount is not overdue and bears no interest).
 */
import { sql, type SQL } from 'drizzle-orm'
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

/** Balance rows (account_id, total, on_hold, overdue) for the accounts that `where(column)` selects. */
export function balanceQuery(where: (column: SQL) => SQL, on: string): SQL {
  return sql`
    with b as (
      select e.account_id,
             sum(e.amount) as total,
             coalesce(sum(e.amount) filter (where e.due_on >= ${on}::date), 0) as in_term
        from ${COUNTED_ENTRIES} and e.occurred_on <= ${on}::date and ${where(sql.raw('e.account_id'))}
       group by e.account_id
    ), h as (
      select account_id, sum(amount) as on_hold
        from dispute_holds where status = 'active' and ${where(sql.raw('account_id'))}
       group by account_id
    )
    select coalesce(b.account_id, h.account_id) as account_id,
           coalesce(b.total, 0)::text as total,
           coalesce(h.on_hold, 0)::text as on_hold,
           greatest(coalesce(b.total, 0) - coalesce(b.in_term, 0) - coalesce(h.on_hold, 0), 0)::text as overdue
      from b full join h on h.account_id = b.account_id`
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
