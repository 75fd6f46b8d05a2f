/**
 * One batch of a liquidation: reads what the engine needs for up to a thousand accounts in a few set-based queries,
 * computes each invoice with the pure engine, and writes invoices, lines and ledger charges with one multi-row
 * insert each (json_to_recordset: one parameter, the same on postgres.js and PGlite; drizzle's row builder is too
 * slow for 100,000 accounts — ../shared/STACK.md).
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { fromDb, toDb } from '~/billing/money'
import { makePaymentReference } from '~/billing/payment-reference'
import { withoutJit } from '~/billing/ledger/allocate.server'
import { balanceQuery, COUNTED_ENTRIES } from '~/billing/ledger/balance.server'
import type { Estrato, Service, TariffCategory, TariffSchedule, UseClass } from '~/billing/tariffs/types'
import { computeLiquidation, computeServiceLines } from './compute'
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

export type PhaseTimings = { select: number; read: number; compute: number; write: number; commit: number }

type AccountRow = { id: string; services: string[] | string; estrato: number | null; use_class: UseClass; billed_m3: number | string }

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`

function parseServices(value: string[] | string): Service[] {
  if (Array.isArray(value)) return value as Service[]
  return value.replace(/[{}]/g, '').split(',').filter(Boolean) as Service[]
}

/** Next accounts of the run (keyset on account id) with a released consumption and no invoice for the period yet. */
export async function nextAccounts(db: DbOrTx, ctx: RunContext, afterId: string | null, limit: number): Promise<AccountRow[]> {
  return rows<AccountRow>(
    db,
    sql`select a.id, a.services::text[] as services, p.estrato, p.use_class, c.billed_m3
          from accounts a
          join premises p on p.id = a.premise_id
          join consumptions c on c.account_id = a.id and c.period_id = ${ctx.periodId}::uuid and c.status = 'released'
         where p.cycle_id = ${ctx.cycleId}::uuid
           and (${ctx.zoneId}::uuid is null or p.zone_id = ${ctx.zoneId}::uuid)
           and (${afterId}::uuid is null or a.id > ${afterId}::uuid)
           and not exists (select 1 from invoices i where i.account_id = a.id and i.period_id = ${ctx.periodId}::uuid)
         order by a.id
         limit ${limit}`,
  )
}

type AccountState = { previousBalance: string; overdue: string; carry: string; instalment: { description: string; amount: string } | null }

async function loadStates(db: DbOrTx, ctx: RunContext, ids: string[]): Promise<Map<string, AccountState>> {
  const list = uuidArray(ids)
  const inBatch = (column: unknown) => sql`${column} = any(${list}::uuid[])`
  const [balances, carries, agreements] = await Promise.all([
    rows<{ account_id: string; total: string; overdue: string }>(db, balanceQuery(inBatch, ctx.issueOn)),
    rows<{ account_id: string; carry: string }>(
      db,
      sql`select e.account_id, sum(e.amount)::text as carry from ${COUNTED_ENTRIES}
             and e.concept = 'ajuste_decena' and ${inBatch(sql.raw('e.account_id'))} group by e.account_id`,
    ),
    rows<{ account_id: string; instalments: number; instalment_amount: string; billed: number }>(
      db,
      sql`select g.account_id, g.instalments, g.instalment_amount::text,
                 (select count(*)::int from ledger_entries e where e.account_id = g.account_id
                     and e.concept = 'cuota_acuerdo' and e.occurred_on >= g.starts_on) as billed
            from payment_agreements g
           where g.status = 'active' and g.starts_on <= ${ctx.issueOn}::date and ${inBatch(sql.raw('g.account_id'))}`,
    ),
  ])
  const states = new Map<string, AccountState>()
  for (const id of ids) states.set(id, { previousBalance: '0', overdue: '0', carry: '0', instalment: null })
  for (const b of balances) Object.assign(states.get(b.account_id)!, { previousBalance: b.total, overdue: b.overdue })
  for (const c of carries) states.get(c.account_id)!.carry = c.carry
  for (const g of agreements) {
    if (g.billed >= g.instalments) continue
    const description = `Acuerdo de pago: cuota ${g.billed + 1} de ${g.instalments}`
    states.get(g.account_id)!.instalment = { description, amount: g.instalment_amount }
  }
  return states
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

/** Computes and writes the draft invoices of one batch; returns how many were written. */
export async function liquidateBatch(tx: DbOrTx, ctx: RunContext, batch: AccountRow[]): Promise<number> {
  if (batch.length === 0) return 0
  let mark = performance.now()
  const lap = (phase: keyof PhaseTimings) => {
    const t = performance.now()
    if (ctx.timings) ctx.timings[phase] += t - mark
    mark = t
  }
  await withoutJit(tx)
  const states = await loadStates(tx, ctx, batch.map((a) => a.id))
  const refs = await rows<{ n: string }>(tx, sql`select nextval('payment_reference_seq')::text as n from generate_series(1, ${batch.length})`)
  lap('read')
  const invoiceRows: unknown[] = []
  const entryRows: unknown[] = []
  const lineRows: unknown[] = []
  batch.forEach((row, i) => {
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
        agreementInstalment: state.instalment,
        overdueNotOnHold: state.overdue,
        interestMonthlyRate: category.useClass === 'residential' ? ctx.interestResidential : ctx.interestNonResidential,
        previousBalance: state.previousBalance,
        previousRoundingAdjustment: state.carry,
        roundTotalToTen: ctx.roundTotalToTen,
      },
      serviceLinesFor(ctx, row, category, services),
    )
    const invoiceId = randomUUID()
    invoiceRows.push({
      id: invoiceId,
      account_id: row.id,
      billed_m3: String(row.billed_m3),
      previous_balance: toDb(fromDb(state.previousBalance)),
      current_charges: toDb(result.currentCharges),
      total_to_pay: toDb(result.totalToPay),
      payment_reference: makePaymentReference(BigInt(refs[i]!.n)),
    })
    result.lines.forEach((l, position) => {
      const entryId = randomUUID()
      const amount = toDb(l.amount)
      entryRows.push({ id: entryId, account_id: row.id, invoice_id: invoiceId, service: l.service, concept: l.concept, amount, description: l.description })
      lineRows.push({
        invoice_id: invoiceId,
        position: position + 1,
        service: l.service,
        concept: l.concept,
        description: l.description,
        quantity_m3: l.quantityM3,
        unit_price: l.unitPrice,
        amount,
        ledger_entry_id: entryId,
      })
    })
  })
  lap('compute')
  await writeBatch(tx, ctx, invoiceRows, entryRows, lineRows)
  lap('write')
  return batch.length
}

async function writeBatch(tx: DbOrTx, ctx: RunContext, invoiceRows: unknown[], entryRows: unknown[], lineRows: unknown[]) {
  await tx.execute(sql`
    insert into invoices (id, account_id, period_id, status, issue_on, due_on, suspension_on, billed_m3,
                          previous_balance, current_charges, total_to_pay, payment_reference, liquidation_run_id)
    select x.id, x.account_id, ${ctx.periodId}::uuid, 'draft', ${ctx.issueOn}::date, ${ctx.dueOn}::date,
           ${ctx.suspensionOn}::date, x.billed_m3, x.previous_balance, x.current_charges, x.total_to_pay,
           x.payment_reference, ${ctx.runId}::uuid
      from json_to_recordset(${JSON.stringify(invoiceRows)}::json) as x(id uuid, account_id uuid, billed_m3 numeric,
           previous_balance numeric, current_charges numeric, total_to_pay numeric, payment_reference text)`)
  await tx.execute(sql`
    insert into ledger_entries (id, account_id, occurred_on, kind, service, concept, amount, due_on, invoice_id, description)
    select x.id, x.account_id, ${ctx.issueOn}::date,
           (case when x.concept = 'ajuste_decena' then 'adjustment' else 'charge' end)::ledger_entry_kind,
           x.service::public_service, x.concept, x.amount, ${ctx.dueOn}::date, x.invoice_id, x.description
      from json_to_recordset(${JSON.stringify(entryRows)}::json) as x(id uuid, account_id uuid, invoice_id uuid,
           service text, concept text, amount numeric, description text)`)
  await tx.execute(sql`
    insert into invoice_lines (invoice_id, position, service, concept, description, quantity_m3, unit_price, amount, ledger_entry_id)
    select x.invoice_id, x.position, x.service::public_service, x.concept, x.description, x.quantity_m3, x.unit_price,
           x.amount, x.ledger_entry_id
      from json_to_recordset(${JSON.stringify(lineRows)}::json) as x(invoice_id uuid, position int, service text,
           concept text, description text, quantity_m3 numeric, unit_price numeric, amount numeric, ledger_entry_id uuid)`)
}
