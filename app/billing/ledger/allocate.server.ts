/**
 * Allocation of payments to open charges, oldest first, skipping amounts on hold (DESIGN.md; Ley 142 art. 155).
 * Negative lines of an invoice (subsidies, adjustments) and credit notes linked to it reduce that invoice's charges
 * before any payment does; a payment's unallocated remainder is a credit the next issued charges consume.
 *
 * The rule lives in one set-based statement (allocateAccounts) used by every path: one payment (postPayment), a batch
 * of payments (postPaymentsBulk), an issue run, a hold release or a debit note. Each step is a running sum:
 *   1. charges net of applied allocations and entry holds;
 *   2. the invoice's own credits (negative lines, credit notes), then its invoice-level holds, consume its charges in
 *      order; credits without an invoice consume the account's oldest charges;
 *   3. the payments' remainders, oldest first, cover the open charges in order: a payment's interval of the running
 *      sum overlaps a charge's interval by exactly the amount it pays of it.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { maySkipRowTriggers } from '../row-triggers.server'

const BULK_ACCOUNTS = 500

export type Allocation = { paymentId: string; ledgerEntryId: string; amount: string }

/** Serialises ledger writes of one account (two payments at once must not allocate the same charge twice). */
export async function lockAccount(tx: DbOrTx, accountId: string): Promise<void> {
  await lockAccounts(tx, [accountId])
}

/** Locks many accounts in a fixed order (id), so two batches never deadlock. */
export async function lockAccounts(tx: DbOrTx, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return
  await rows(tx, sql`select id from accounts where id = any(${uuidArray(accountIds)}) order by id for update`)
}

/** Allocates every available payment remainder of the account to its open charges; records each allocation. */
export async function allocateAvailableCredit(tx: DbOrTx, accountId: string): Promise<Allocation[]> {
  return allocateAccounts(tx, [accountId])
}

/**
 * A payment the allocation statement writes itself (postPaymentsBulk): its row, its ledger entry and its allocations
 * in one statement, so a payment that is spent at once is written with fully_allocated already true. Writing it
 * first and marking it afterwards updated every row of a bank file again: a non-HOT update (the column is in a
 * partial index's predicate) that re-inserted each payment into all of its indexes.
 */
export type NewPayment = {
  /** Input order: breaks ties of the same day in the allocation order (created_at grows with it). */
  i: number
  id: string
  account_id: string
  amount: string
  paid_on: string
  channel: string
  external_ref: string | null
  reference: string | null
  /** The ledger entry's description. */
  description: string
}

export type NewPayments = { rows: NewPayment[]; createdBy: string | null }

/** The same for many accounts in one statement; allocations ordered by account, payment order, charge order. */
export async function allocateAccounts(tx: DbOrTx, accountIds: string[], newPayments?: NewPayments): Promise<Allocation[]> {
  if (accountIds.length === 0) return []
  // A savepoint scopes `set local` when the caller passes the pool instead of a transaction.
  const inserted = await tx.transaction(async (t) => {
    await withoutJit(t)
    // A large batch skips the per-row foreign-key triggers of its writes (payments and their ledger entries,
    // allocations, open invoices): the accounts are locked FOR UPDATE, the new payment ids are made by the caller, and
    // every other id is read by the same statement from ledger rows, which are never deleted. About a fifth of the
    // statement's time on a bank file (EXPLAIN ANALYZE).
    const bulk = accountIds.length >= BULK_ACCOUNTS && (await maySkipRowTriggers(t))
    if (bulk) await t.execute(sql`set local session_replication_role = replica`)
    const made = await rows<{ payment_id: string; ledger_entry_id: string; amount: string }>(t, allocationSql(accountIds, newPayments))
    // `set local` outlives the savepoint: switch the triggers back on for the rest of the caller's transaction.
    if (bulk) await t.execute(sql`set local session_replication_role = origin`)
    return made
  })
  return inserted.map((a) => ({ paymentId: a.payment_id, ledgerEntryId: a.ledger_entry_id, amount: a.amount }))
}

/** Opens again issued invoices that can owe again (a reversed payment paid them, or a debit note). */
export async function reopenInvoices(tx: DbOrTx, invoiceIds: string[]): Promise<void> {
  if (invoiceIds.length === 0) return
  await tx.execute(
    sql`insert into open_invoices (invoice_id, account_id)
        select id, account_id from invoices where id = any(${uuidArray([...new Set(invoiceIds)])}) and status = 'issued'
        on conflict do nothing`,
  )
}

/**
 * The allocation statement for a set of accounts, writing `newPayments` first when given (exported for EXPLAIN in
 * the benchmark). New payments are not in the table yet for this statement (one snapshot): they join the open
 * payments from the input, and are written with what the allocation left of them.
 */
export function allocationSql(accountIds: string[], newPayments?: NewPayments) {
  const ids = uuidArray([...new Set(accountIds)])
  const fresh = newPayments && newPayments.rows.length > 0 ? newPayments : null
  // `account_id = any(array)` rather than a join with the unnested array: an index scan per partial index (open
  // payments, unlinked entries) instead of a hash join over every payment entry of the ledger. The planner cannot
  // count the array's elements and plans for a few accounts: index probes that grow with the batch, never with the
  // ledger (a counted literal made it scan whole indexes). So no step below joins two CTEs on a key: with such
  // estimates the planner would nest the loops and re-run an aggregate per row; sums are taken over a union instead.
  return sql`with acc as (select ${ids} as ids),
    ${fresh ? sql`fresh as (
      select x.*, now() + x.i * interval '1 microsecond' as created_at
        from json_to_recordset(${JSON.stringify(fresh.rows)}::json) as x(i int, id uuid, account_id uuid, amount numeric,
             paid_on date, channel text, external_ref text, reference text, description text)),` : sql``}
    pay as (
      select p.id, p.account_id, p.amount - coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0) as available,
             p.paid_on, p.created_at, false as is_new
        from payments p
       where p.account_id = any((select ids from acc)::uuid[]) and p.status = 'applied' and not p.fully_allocated
      ${fresh ? sql`union all
      select id, account_id, amount, paid_on, created_at, true from fresh` : sql``}),
    pay_open as (
      select id, account_id, available, is_new,
             sum(available) over (partition by account_id order by paid_on, created_at, id) - available as p0
        from pay where available > 0),
    -- Only what can still be open: open invoices (their lines and notes; db/schema/ledger.ts), and entries linked to no
    -- invoice. Settled invoices contribute nothing to the running sums below (every charge's open part is zero).
    open_inv as (
      select o.invoice_id as id from open_invoices o where o.account_id = any((select ids from acc)::uuid[])),
    src as (
      select e.* from ledger_entries e where e.invoice_id in (select id from open_inv)
      union all
      select e.* from ledger_entries e where e.note_of_invoice_id in (select id from open_inv) and e.invoice_id is null
      union all
      select e.* from ledger_entries e
       where e.account_id = any((select ids from acc)::uuid[]) and e.invoice_id is null and e.note_of_invoice_id is null
         and e.kind not in ('payment', 'reversal')),
    entries as (
      select e.id, e.account_id, e.amount, coalesce(e.invoice_id, e.note_of_invoice_id) as inv,
             row_number() over (partition by e.account_id
                                order by coalesce(e.due_on, e.occurred_on), e.occurred_on, e.created_at, l.position, e.id) as ord,
             coalesce(ih.held, 0) as inv_held, coalesce(al.allocated, 0) as allocated, coalesce(eh.held, 0) as held
        from src e
        left join invoice_lines l on l.invoice_id = e.invoice_id and l.ledger_entry_id = e.id
        left join lateral (select sum(a.amount) as allocated
                             from payment_allocations a join payments p on p.id = a.payment_id and p.status = 'applied'
                            where a.ledger_entry_id = e.id) al on true
        left join (select ledger_entry_id, sum(amount) as held from dispute_holds
                    where status = 'active' and ledger_entry_id is not null group by ledger_entry_id) eh on eh.ledger_entry_id = e.id
        left join (select invoice_id, sum(amount) as held from dispute_holds
                    where status = 'active' and invoice_id is not null and ledger_entry_id is null group by invoice_id) ih
               on ih.invoice_id = coalesce(e.invoice_id, e.note_of_invoice_id)
       where e.kind not in ('payment', 'reversal')),
    -- Charges with what is still open of each; credits (negative amounts) stay in the rows with nothing open, so the
    -- partitions below can total them over the same sort that orders the charges.
    c0 as (
      select id, account_id, inv, ord, inv_held, greatest(-amount, 0) as credit,
             case when amount >= 0 then amount - allocated - held else 0 end as open
        from entries),
    -- The invoice's credits (negative lines, credit notes) and then its invoice-level holds consume its charges from
    -- the first: the same as consuming their sum from the first (taking C then H off a running sum takes C + H off
    -- it), so one pass does both. Entries without an invoice form their own partition, with nothing to consume.
    c2 as (
      select c.*, c.open - least(greatest(c.open, 0), greatest(
               case when c.inv is null then 0 else sum(c.credit) over whole + c.inv_held end
               - (sum(greatest(c.open, 0)) over w - greatest(c.open, 0)), 0)) as open2
        from c0 c
      window whole as (partition by c.account_id, c.inv),
             w as (partition by c.account_id, c.inv order by c.ord)),
    -- Credits without an invoice (the account's) consume the account's oldest charges.
    c3 as (
      select c.*, c.open2 - least(greatest(c.open2, 0), greatest(
               sum(case when c.inv is null then c.credit else 0 end) over whole
               - (sum(greatest(c.open2, 0)) over w - greatest(c.open2, 0)), 0)) as open3
        from c2 c
      window whole as (partition by c.account_id),
             w as (partition by c.account_id order by c.ord)),
    charge_open as (
      select id, account_id, inv, ord, open3, sum(open3) over (partition by account_id order by ord) - open3 as c0
        from c3 where open3 > 0),
    alloc as (
      select p.id as payment_id, p.is_new, c.id as ledger_entry_id, p.account_id, c.inv, p.p0, c.ord,
             least(p.p0 + p.available, c.c0 + c.open3) - greatest(p.p0, c.c0) as amount
        from pay_open p join charge_open c on c.account_id = p.account_id
       where c.c0 < p.p0 + p.available and p.p0 < c.c0 + c.open3),
    made as (
      insert into payment_allocations (payment_id, ledger_entry_id, amount)
      select payment_id, ledger_entry_id, amount from alloc where amount > 0 order by account_id, p0, ord
      returning payment_id, ledger_entry_id, amount),
    -- What these allocations finished paying, derived from the sums above instead of read again: payments with
    -- nothing left to allocate, and issued invoices whose charges are covered by applied allocations and their own
    -- credits (holds not counted: a held amount is still owed). Later reads skip both (pay, open_inv).
    pay_left as (
      select id, is_new, sum(amount) as amount
        from (select id, is_new, available as amount from pay
              union all
              select payment_id, is_new, -amount from alloc where amount > 0) x
       group by id, is_new),
    ${fresh ? sql`new_payment as (
      insert into payments (id, account_id, amount, paid_on, channel, external_ref, reference, created_at, fully_allocated)
      select f.id, f.account_id, f.amount, f.paid_on, f.channel::payment_channel, f.external_ref, f.reference, f.created_at,
             l.amount <= 0
        from fresh f join pay_left l on l.id = f.id
       order by f.i),
    new_entry as (
      insert into ledger_entries (account_id, occurred_on, kind, concept, amount, payment_id, description, created_by)
      select account_id, paid_on, 'payment', 'pago', -amount, id, description, ${fresh.createdBy}::uuid
        from fresh order by i),` : sql``}
    spent as (
      update payments p set fully_allocated = true where p.id in (select id from pay_left where amount <= 0 and not is_new)),
    inv_left as (
      select inv, account_id, sum(amount) as amount
        from (select inv, account_id, amount - allocated as amount from entries where inv is not null
              union all
              select inv, account_id, -amount from alloc where amount > 0 and inv is not null) x
       group by inv, account_id),
    settled as (
      delete from open_invoices o where o.invoice_id in (select inv from inv_left where amount <= 0))
    select payment_id, ledger_entry_id, amount::text from made`
}

/**
 * Turns PostgreSQL's JIT off for the rest of the transaction. Its cost estimate for these set-based statements is
 * high (correlated sums), so the server spent 16 s of a 16.9 s allocation compiling the plan that then ran in
 * milliseconds (EXPLAIN ANALYZE, 1,500 accounts). Harmless on PGlite, which has no JIT.
 */
export async function withoutJit(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local jit = off`)
}

/** A uuid[] parameter as one text value: the same on postgres.js and PGlite. */
export function uuidArray(ids: string[]) {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`
}
