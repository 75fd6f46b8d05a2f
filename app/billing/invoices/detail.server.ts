/**
 * Everything an issued invoice shows (page and PDF) in ONE round trip: header, lines, readings, meter, the history of
 * the last 6 monthly or 3 bimonthly periods (Ley 142 art. 148; CRA model CCU cl. 17 num. 10), the previous invoice's
 * lines (for the explanation) and the active holds (Ley 142 art. 155). One statement instead of eight; the subscriber's
 * page reads the issued part once and then only the live part (invoice-page.server.ts, benchmark 8a). Ownership is in
 * the WHERE clause; drafts are never shown. Money
 * comes back as text (never a JSON number). Indexes: invoices_pkey, invoices_account_period_key, invoice_lines' key,
 * consumptions_account_period_key, meters_account_idx, dispute_holds_account_idx.
 */
import { sql, type Placeholder } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { balanceQuery, type OnDate } from '~/billing/ledger/balance.server'
import { fromDb, sum } from '~/billing/money'
import type { AccountStatus } from '../../../db/schema/premises'
import { explainInvoiceChange, type ExplainInvoice } from './explain'
import { periodLabel } from './period-label'

export type InvoiceLineView = {
  position: number
  service: string | null
  concept: string
  description: string
  quantityM3: string | null
  unitPrice: string | null
  amount: string
  ledgerEntryId: string | null
}

export type HistoryPoint = { periodCode: string; label: string; billedM3: string | null; currentCharges: string; isCurrent: boolean }

type Head = {
  id: string
  number: number | null
  issueOn: string
  dueOn: string
  suspensionOn: string
  billedM3: string | null
  previousBalance: string
  currentCharges: string
  totalToPay: string
  paymentReference: string
  accountId: string
  periodId: string
  period: { code: string; startsOn: string; endsOn: string }
  frequency: 'monthly' | 'bimonthly'
}

/** The account's people and place as they are now (they may change after the invoice was issued). */
type Parties = {
  account: { id: string; number: string; services: string[]; status: AccountStatus }
  subscriber: { fullName: string; documentType: string; documentNumber: string; correspondenceAddress: string | null }
  premise: { address: string; neighborhood: string; useClass: string; estrato: number | null; units: number; routeOrder: number }
  zone: string
  area: { name: string; municipality: string; gln: string }
}

type Hold = { amount: string; reason: string; ledgerEntryId: string | null }

/** What can change after issue: parties, meter, active holds and (with `balanceOn`) the latest invoice and balance. */
export type LiveRow = {
  parties: Parties
  holds: Hold[]
  meter: { serial: string } | null
  latest_id?: string | null
  balance?: { total: string; on_hold: string; overdue: string } | null
}

type Row = LiveRow & {
  head: Head
  lines: InvoiceLineView[]
  previous_lines: InvoiceLineView[]
  history: Array<{ id: string; periodCode: string; billedM3: string | null; currentCharges: string }>
  consumption: { previousReading: number | null; currentReading: number | null; measuredM3: number | null; basis: string; averageM3: string | null } | null
}

const LINES = (invoiceId: ReturnType<typeof sql>) => sql`(select coalesce(json_agg(json_build_object(
    'position', l.position, 'service', l.service, 'concept', l.concept, 'description', l.description,
    'quantityM3', l.quantity_m3::text, 'unitPrice', l.unit_price::text, 'amount', l.amount::text, 'ledgerEntryId', l.ledger_entry_id)
    order by l.position), '[]'::json) from invoice_lines l where l.invoice_id = ${invoiceId})`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whose invoices may be read: the guard's account ids, a subscriber's linked accounts (read in the same statement), or all. */
export type Owner = { accountIds: readonly string[] } | { userId: string | Placeholder } | 'all'

/** Ownership in the WHERE clause; the ids as a uuid[] literal (one parameter, so the statement stays the same whatever their number). */
function ownedBy(owner: Owner) {
  if (owner === 'all') return sql`true`
  if ('userId' in owner) return sql`i.account_id in (select ua.account_id from user_accounts ua where ua.user_id = ${owner.userId}::uuid)`
  return sql`i.account_id = any(${`{${owner.accountIds.filter((id) => UUID.test(id)).join(',')}}`}::uuid[])`
}

/** The parties of invoice `i` as one JSON column, and the joins it needs (aliases a, s, pr, c, z, sa). */
const PARTIES = sql`json_build_object(
    'account', json_build_object('id', a.id, 'number', a.number, 'services', a.services, 'status', a.status),
    'subscriber', json_build_object('fullName', s.full_name, 'documentType', s.document_type, 'documentNumber', s.document_number,
                                    'correspondenceAddress', s.correspondence_address),
    'premise', json_build_object('address', pr.address, 'neighborhood', pr.neighborhood, 'useClass', pr.use_class,
                                 'estrato', pr.estrato, 'units', pr.units, 'routeOrder', pr.route_order),
    'zone', z.name,
    'area', json_build_object('name', sa.name, 'municipality', sa.municipality, 'gln', sa.gln)) as parties`
const PARTIES_JOINS = sql`
        join accounts a on a.id = i.account_id
        join subscribers s on s.id = a.subscriber_id
        join premises pr on pr.id = a.premise_id
        join billing_cycles c on c.id = pr.cycle_id
        join zones z on z.id = pr.zone_id
        join service_areas sa on sa.id = z.service_area_id`

/** Active holds on invoice `cur` (Ley 142 art. 155): on the invoice itself or on one of its lines. */
const HOLDS = sql`(select coalesce(json_agg(json_build_object('amount', d.amount::text, 'reason', d.reason, 'ledgerEntryId', d.ledger_entry_id)), '[]'::json)
              from dispute_holds d
             where d.account_id = cur.account_id and d.status = 'active'
               and (d.invoice_id = cur.id or d.ledger_entry_id in (select ledger_entry_id from invoice_lines where invoice_id = cur.id)))`
const METER = sql`(select json_build_object('serial', m.serial) from meters m where m.account_id = cur.account_id and m.is_active limit 1)`
/** For the page's "Pagar": the account's latest issued invoice and its ledger balance (the ledger's own query). */
const LATEST_ID = sql`(select i2.id from invoices i2 join billing_periods p2 on p2.id = i2.period_id
      where i2.account_id = cur.account_id and i2.status = 'issued' order by p2.starts_on desc limit 1)`
const balanceOf = (on: OnDate) => sql`(select row_to_json(bal) from (${balanceQuery((column) => sql`${column} = cur.account_id`, on)}) bal)`

function detailQuery(invoiceId: string, owner: Owner, balanceOn?: string) {
  return sql`
    with cur as (
      select i.id, i.account_id, i.period_id, p.starts_on, c.frequency, ${PARTIES},
             json_build_object(
               'id', i.id, 'number', i.number, 'issueOn', i.issue_on, 'dueOn', i.due_on, 'suspensionOn', i.suspension_on,
               'billedM3', i.billed_m3::text, 'previousBalance', i.previous_balance::text, 'currentCharges', i.current_charges::text,
               'totalToPay', i.total_to_pay::text, 'paymentReference', i.payment_reference, 'accountId', i.account_id, 'periodId', i.period_id,
               'period', json_build_object('code', p.code, 'startsOn', p.starts_on, 'endsOn', p.ends_on),
               'frequency', c.frequency) as head
        from invoices i
        join billing_periods p on p.id = i.period_id ${PARTIES_JOINS}
       where i.id = ${invoiceId}::uuid and i.status = 'issued' and ${ownedBy(owner)}
    ), hist as (
      select h.*, row_number() over (order by h.starts_on desc) as rn
        from (select i.id, p.code, p.starts_on, i.billed_m3::text as billed_m3, i.current_charges::text as current_charges
                from cur join invoices i on i.account_id = cur.account_id and i.status = 'issued'
                join billing_periods p on p.id = i.period_id and p.starts_on <= cur.starts_on) h
    )
    select cur.head, cur.parties,
           ${LINES(sql`cur.id`)} as lines,
           ${LINES(sql`(select id from hist where rn = 2)`)} as previous_lines,
           (select coalesce(json_agg(json_build_object('id', id, 'periodCode', code, 'billedM3', billed_m3, 'currentCharges', current_charges)
                     order by starts_on desc), '[]'::json)
              from hist where rn <= case when cur.frequency = 'bimonthly' then 4 else 7 end) as history,
           (select json_build_object('previousReading', k.previous_reading, 'currentReading', k.current_reading, 'measuredM3', k.measured_m3,
                                     'basis', k.basis, 'averageM3', k.average_m3::text)
              from consumptions k where k.account_id = cur.account_id and k.period_id = cur.period_id) as consumption,
           ${HOLDS} as holds, ${METER} as meter
           ${balanceOn ? sql`, ${LATEST_ID} as latest_id, ${balanceOf(balanceOn)} as balance` : sql``}
      from cur`
}

/**
 * Only what may change, for an invoice whose issued part is already known (invoice-page.server.ts), as a statement
 * built once per database handle and executed with its three parameters: the page asks it on every request, planning
 * this join took longer than running it (measured), and drizzle no longer rebuilds its SQL text each time.
 */
export function readLive(db: DbOrTx, params: { invoiceId: string; userId: string; balanceOn: string }): Promise<Array<LiveRow & { account_id: string }>> {
  let query = liveQueries.get(db)
  if (!query) {
    query = buildLiveQuery(db)
    liveQueries.set(db, query)
  }
  return query.execute(params)
}

const liveQueries = new WeakMap<DbOrTx, ReturnType<typeof buildLiveQuery>>()

function buildLiveQuery(db: DbOrTx) {
  return db
    .select({
      account_id: sql<string>`cur.account_id`,
      parties: sql<Parties>`cur.parties`,
      holds: sql<Hold[]>`${HOLDS}`,
      meter: sql<LiveRow['meter']>`${METER}`,
      latest_id: sql<string | null>`${LATEST_ID}`,
      balance: sql<LiveRow['balance']>`${balanceOf(sql.placeholder('balanceOn'))}`,
    })
    .from(sql`(select i.id, i.account_id, ${PARTIES}
        from invoices i ${PARTIES_JOINS}
       where i.id = ${sql.placeholder('invoiceId')}::uuid and i.status = 'issued' and ${ownedBy({ userId: sql.placeholder('userId') })}) cur`)
    .prepare('invoice_page_live')
}

/** The part of an issued invoice that never changes (issued invoices and their lines are immutable by trigger). */
function issuedPart(row: Row) {
  const { head, lines } = row
  const { period, frequency, ...invoice } = head
  const label = (code: string) => periodLabel(code, frequency)
  const previousRow = row.history[1]
  const current: ExplainInvoice = { periodLabel: label(period.code), billedM3: invoice.billedM3, currentCharges: invoice.currentCharges, lines }
  const previous: ExplainInvoice | null = previousRow
    ? { periodLabel: label(previousRow.periodCode), billedM3: previousRow.billedM3, currentCharges: previousRow.currentCharges, lines: row.previous_lines }
    : null
  return {
    invoice,
    period,
    frequency,
    periodLabel: current.periodLabel,
    compareWith: frequency === 'bimonthly' ? 3 : 6,
    lines,
    consumption: row.consumption,
    history: row.history
      .map((h) => ({ periodCode: h.periodCode, label: label(h.periodCode), billedM3: h.billedM3, currentCharges: h.currentCharges, isCurrent: h.id === invoice.id }))
      .reverse() satisfies HistoryPoint[],
    explanation: explainInvoiceChange(current, previous),
  }
}

export type IssuedPart = ReturnType<typeof issuedPart>

/** The issued part with what is true now: parties, meter, holds per line and (with a balance date) the payment state. */
export function withLive(issued: IssuedPart, live: LiveRow) {
  const { holds } = live
  return {
    ...issued,
    ...live.parties,
    lines: issued.lines.map((l) => {
      const held = holds.filter((h) => h.ledgerEntryId !== null && h.ledgerEntryId === l.ledgerEntryId)
      return { ...l, onHold: held.length > 0 ? sum(held.map((h) => h.amount)).toFixed(2) : null }
    }),
    meter: live.meter,
    holds,
    onHold: sum(holds.map((h) => h.amount)).toFixed(2),
    /** Only with `balanceOn`: the account's latest issued invoice and balance. */
    payment: live.latest_id
      ? {
          latestIssuedId: live.latest_id,
          balance: {
            total: fromDb(live.balance?.total ?? '0'),
            onHold: fromDb(live.balance?.on_hold ?? '0'),
            overdue: fromDb(live.balance?.overdue ?? '0'),
          },
        }
      : null,
  }
}

/** The invoice's issued part and its live part from ONE statement; null when not theirs, missing or not issued. */
export async function readInvoiceDetail(
  db: DbOrTx,
  input: { owner: Owner; invoiceId: string; balanceOn?: string },
): Promise<{ issued: IssuedPart; live: LiveRow } | null> {
  const { owner } = input
  if (owner !== 'all' && 'accountIds' in owner && owner.accountIds.length === 0) return null
  const [row] = await rows<Row>(db, detailQuery(input.invoiceId, owner, input.balanceOn))
  return row ? { issued: issuedPart(row), live: row } : null
}

/** The invoice for one of `accountIds` ('all' for staff and jobs); null when not theirs, missing or not issued. */
export async function getInvoiceDetail(
  db: DbOrTx,
  input: { accountIds: readonly string[] | 'all'; invoiceId: string; balanceOn?: string },
) {
  const { accountIds, ...rest } = input
  const found = await readInvoiceDetail(db, { ...rest, owner: accountIds === 'all' ? 'all' : { accountIds } })
  return found ? withLive(found.issued, found.live) : null
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoiceDetail>>>
