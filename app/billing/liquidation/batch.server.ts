/**
 * One batch of a liquidation, a few thousand accounts: readBatch takes what the engine needs in a handful of
 * set-based queries (one each, never one per account); computeBatch computes each invoice with the pure engine
 * (compute.ts) and encodes the rows as COPY text for write.server.ts. run.server.ts overlaps the three stages.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { fromDb, toDb } from '~/billing/money'
import { instalmentAmount } from '~/billing/agreements/instalments'
import { makePaymentReference } from '~/billing/payment-reference'
import { accountBalancesQuery } from '~/billing/ledger/balance.server'
import type { Estrato, Service, TariffCategory, TariffSchedule, UseClass } from '~/billing/tariffs/types'
import { computeLiquidation, computeServiceLines } from './compute'
import { copyField, copyRow } from './copy-text'
import { orderedUuid } from './ids'
import type { BillingFrequency, ComputedLine } from './types'

export type RunContext = {
  runId: string
  periodId: string
  cycleId: string
  zoneId: string | null
  issueOn: string
  dueOn: string
  suspensionOn: string
  frequency: BillingFrequency
  schedule: TariffSchedule
  /** Monthly rates as fractions, by residential / non-residential use (Ley 142 art. 96). */
  interestResidential: string
  interestNonResidential: string
  roundTotalToTen: boolean
  /** Memoised service lines by category, services and m³ (most accounts share them). */
  cache: Map<string, ComputedLine[]>
  /** Milliseconds per phase, summed over batches, when the caller asks for them (the benchmark). */
  timings?: PhaseTimings
}

/**
 * select, read and write run in the background alongside compute (their times include waiting for Node's event loop);
 * waitRead and waitWrite are the times the loop itself was blocked on them: compute + waitRead + waitWrite ≈ wall time.
 */
export type PhaseTimings = { select: number; read: number; compute: number; write: number; waitRead: number; waitWrite: number }

export type AccountRow = { id: string; services: string[] | string; estrato: number | null; use_class: UseClass; billed_m3: number | string }

/** The rows of one batch as COPY text, and the pending other charges it bills ([pending charge id, invoice id]). */
export type PreparedBatch = {
  accountIds: string[]
  invoices: string
  entries: string
  lines: string
  billedCharges: Array<[string, string]>
}

export const INVOICE_COLUMNS = 'id, account_id, period_id, status, issue_on, due_on, suspension_on, billed_m3, previous_balance, current_charges, total_to_pay, payment_reference, liquidation_run_id'
export const ENTRY_COLUMNS = 'id, account_id, occurred_on, kind, service, concept, amount, due_on, invoice_id, description'
export const LINE_COLUMNS = 'invoice_id, position, service, concept, description, quantity_m3, unit_price, amount, ledger_entry_id'

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`

function parseServices(value: string[] | string): Service[] {
  if (Array.isArray(value)) return value as Service[]
  return value.replace(/[{}]/g, '').split(',').filter(Boolean) as Service[]
}

/**
 * Next accounts of the run (keyset on account id) with a released consumption and no invoice for the period yet.
 * The range is repeated on every table joined on the account (the planner does not carry an inequality across a
 * join), so each batch reads only its own slice of accounts, consumptions and invoices, never from the start again.
 */
export async function nextAccounts(db: DbOrTx, ctx: RunContext, afterId: string | null, limit: number): Promise<AccountRow[]> {
  const after = (column: string) => (afterId ? sql`and ${sql.raw(column)} > ${afterId}::uuid` : sql``)
  return rows<AccountRow>(
    db,
    sql`select a.id, a.services::text[] as services, p.estrato, p.use_class, c.billed_m3
          from accounts a
          join premises p on p.id = a.premise_id
          join consumptions c on c.account_id = a.id and c.period_id = ${ctx.periodId}::uuid and c.status = 'released'
         where p.cycle_id = ${ctx.cycleId}::uuid
           and (${ctx.zoneId}::uuid is null or p.zone_id = ${ctx.zoneId}::uuid)
           ${after('a.id')} ${after('c.account_id')}
           and not exists (select 1 from invoices i where i.account_id = a.id and i.period_id = ${ctx.periodId}::uuid ${after('i.account_id')})
         order by a.id
         limit ${limit}`,
  )
}

type OtherCharge = { id: string; description: string; amount: string }
type AccountState = {
  previousBalance: string
  overdue: string
  carry: string
  instalment: { description: string; amount: string } | null
  otherCharges: OtherCharge[]
}

type AgreementRow = { account_id: string; principal: string; instalments: number; instalment_amount: string; billed: number }

async function loadStates(db: DbOrTx, ctx: RunContext, ids: string[]): Promise<{ states: Map<string, AccountState>; refs: string[] }> {
  const list = uuidArray(ids)
  const inBatch = (column: unknown) => sql`${column} = any(${list}::uuid[])`
  const [balances, agreements, pending, refs] = await Promise.all([
    rows<{ account_id: string; total: string; overdue: string; carry: string }>(db, accountBalancesQuery(list, ctx.issueOn)),
    rows<AgreementRow>(
      db,
      sql`select g.account_id, g.principal::text, g.instalments, g.instalment_amount::text,
                 (select count(*)::int from ledger_entries e where e.account_id = g.account_id
                     and e.concept = 'cuota_acuerdo' and e.occurred_on >= g.starts_on) as billed
            from payment_agreements g
           where g.status = 'active' and g.starts_on <= ${ctx.issueOn}::date and ${inBatch(sql.raw('g.account_id'))}`,
    ),
    rows<OtherCharge & { account_id: string }>(
      db,
      sql`select id, account_id, description, amount::text from pending_charges
           where status = 'pending' and requested_on <= ${ctx.issueOn}::date and ${inBatch(sql.raw('account_id'))}
           order by account_id, requested_on, created_at, id`,
    ),
    rows<{ n: string }>(db, sql`select nextval('payment_reference_seq')::text as n from generate_series(1, ${ids.length})`),
  ])
  const states = new Map<string, AccountState>()
  for (const id of ids) states.set(id, { previousBalance: '0', overdue: '0', carry: '0', instalment: null, otherCharges: [] })
  for (const b of balances) Object.assign(states.get(b.account_id)!, { previousBalance: b.total, overdue: b.overdue, carry: b.carry })
  for (const g of agreements) {
    if (g.billed >= g.instalments) continue
    const description = `Acuerdo de pago: cuota ${g.billed + 1} de ${g.instalments}`
    states.get(g.account_id)!.instalment = { description, amount: instalmentAmount(g, g.billed + 1) }
  }
  for (const p of pending) states.get(p.account_id)!.otherCharges.push({ id: p.id, description: p.description, amount: p.amount })
  return { states, refs: refs.map((r) => r.n) }
}

function categoryOf(row: AccountRow): TariffCategory {
  if (row.use_class === 'residential') return { useClass: 'residential', estrato: Number(row.estrato) as Estrato }
  return { useClass: row.use_class }
}

function serviceLinesFor(ctx: RunContext, row: AccountRow, category: TariffCategory, services: Service[]): ComputedLine[] {
  const key = `${row.use_class}:${row.estrato ?? ''}:${services.join('+')}:${row.billed_m3}`
  let lines = ctx.cache.get(key)
  if (!lines) {
    lines = computeServiceLines({ category, services, billedM3: row.billed_m3, frequency: ctx.frequency, schedule: ctx.schedule })
    ctx.cache.set(key, lines)
  }
  return lines
}

export type FetchedBatch = { accounts: AccountRow[]; states: Map<string, AccountState>; refs: string[] }

/** The next batch after `afterId` with everything its invoices need; empty accounts when the run is done. */
export async function readBatch(db: DbOrTx, ctx: RunContext, afterId: string | null, limit: number): Promise<FetchedBatch> {
  let t = performance.now()
  const accounts = await nextAccounts(db, ctx, afterId, limit)
  if (ctx.timings) ctx.timings.select += performance.now() - t
  if (accounts.length === 0) return { accounts, states: new Map(), refs: [] }
  t = performance.now()
  const { states, refs } = await loadStates(db, ctx, accounts.map((a) => a.id))
  if (ctx.timings) ctx.timings.read += performance.now() - t
  return { accounts, states, refs }
}

/** COPY text of a line's columns that do not change between accounts, kept with each memoised line. */
type Encoded = { entry: string; line: string }
const encodedLines = new WeakMap<ComputedLine, Encoded>()

function encode(ctx: RunContext, l: ComputedLine): Encoded {
  let e = encodedLines.get(l)
  if (!e) {
    const amount = toDb(l.amount)
    const kind = l.concept === 'ajuste_decena' ? 'adjustment' : 'charge'
    // ledger_entries: id, account_id | occurred_on … due_on | invoice_id | description
    const entry = copyRow([ctx.issueOn, kind, l.service, l.concept, amount, ctx.dueOn]).slice(0, -1)
    // invoice_lines: invoice_id, position | service … amount | ledger_entry_id
    const line = copyRow([l.service, l.concept, l.description, l.quantityM3, l.unitPrice, amount]).slice(0, -1)
    e = { entry: `${entry}\t`, line: `${line}\t` }
    encodedLines.set(l, e)
  }
  return e
}

/** Computes every invoice of a fetched batch (synchronous: Node's share of the work) and encodes its rows. */
export function computeBatch(ctx: RunContext, fetched: FetchedBatch): PreparedBatch {
  const t = performance.now()
  const { accounts, states, refs } = fetched
  const out: PreparedBatch = { accountIds: accounts.map((a) => a.id), invoices: '', entries: '', lines: '', billedCharges: [] }
  const invoiceHead = `\t${ctx.periodId}\tdraft\t${ctx.issueOn}\t${ctx.dueOn}\t${ctx.suspensionOn}\t`
  const invoiceTail = `\t${ctx.runId}\n`
  accounts.forEach((row, i) => {
    const state = states.get(row.id)!
    const category = categoryOf(row)
    const services = parseServices(row.services)
    const result = computeLiquidation(
      {
        category,
        services,
        billedM3: row.billed_m3,
        frequency: ctx.frequency,
        schedule: ctx.schedule,
        otherCharges: state.otherCharges,
        agreementInstalment: state.instalment,
        overdueNotOnHold: state.overdue,
        interestMonthlyRate: category.useClass === 'residential' ? ctx.interestResidential : ctx.interestNonResidential,
        previousBalance: state.previousBalance,
        previousRoundingAdjustment: state.carry,
        roundTotalToTen: ctx.roundTotalToTen,
      },
      serviceLinesFor(ctx, row, category, services),
    )
    const invoiceId = orderedUuid()
    const reference = makePaymentReference(BigInt(refs[i]!))
    const amounts = [String(row.billed_m3), toDb(fromDb(state.previousBalance)), toDb(result.currentCharges), toDb(result.totalToPay), reference]
    out.invoices += invoiceId + '\t' + row.id + invoiceHead + amounts.join('\t') + invoiceTail
    result.lines.forEach((l, position) => {
      const entryId = orderedUuid()
      const e = encode(ctx, l)
      out.entries += `${entryId}\t${row.id}\t${e.entry}${invoiceId}\t${copyField(l.description)}\n`
      out.lines += `${invoiceId}\t${position + 1}\t${e.line}${entryId}\n`
    })
    for (const c of state.otherCharges) out.billedCharges.push([c.id, invoiceId])
  })
  if (ctx.timings) ctx.timings.compute += performance.now() - t
  return out
}
