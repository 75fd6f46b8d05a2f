/**
 * Settlement of a significant deviation (Ley 142 art. 149): while the investigation was open the account was billed
 * on its average; once the visit establishes the real consumption, the difference between the two — priced with the
 * same tariff, category and frequency as the invoice — is credited or charged by a note linked to that invoice
 * (issued invoices are immutable: corrections are notes). One transaction: the note, the consumption marked settled
 * by it, and the trail.
 */
import { sql } from 'drizzle-orm'
import { rows, type Db, type DbOrTx } from '~/db.server'
import { sum, type Money } from '~/billing/money'
import { postCreditNote, postDebitNote } from '~/billing/ledger/notes.server'
import { computeServiceLines } from '~/billing/liquidation/compute'
import type { BillingFrequency } from '~/billing/liquidation/types'
import { getTariffSchedule } from '~/billing/tariffs/schedule.server'
import type { Estrato, Service, TariffCategory, TariffSchedule, UseClass } from '~/billing/tariffs/types'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { markDeviationSettled } from './review.server'

/** What a settlement needs about one consumption, its account and its invoice. */
export type SettlementRow = {
  consumption_id: string
  account_id: string
  account_number: string
  period_id: string
  period_code: string
  starts_on: string
  service_area_id: string
  frequency: BillingFrequency
  use_class: UseClass
  estrato: number | null
  services: string[] | string
  billed_m3: number
  resolved_m3: number
  invoice_id: string | null
  invoice_status: string | null
}

/** Settlement rows: unresolved, unsettled visits whose result differs from what was billed, optionally one consumption. */
export function settlementRowsSql(filter: { consumptionId?: string; serviceAreaId?: string | null }) {
  return sql`select c.id as consumption_id, c.account_id, a.number as account_number, c.period_id, bp.code as period_code,
                    bp.starts_on::text, cy.service_area_id, cy.frequency::text as frequency, p.use_class::text, p.estrato,
                    a.services::text[] as services, c.billed_m3, c.resolved_m3, i.id as invoice_id, i.status::text as invoice_status
               from consumptions c join accounts a on a.id = c.account_id join premises p on p.id = a.premise_id
               join billing_periods bp on bp.id = c.period_id join billing_cycles cy on cy.id = bp.cycle_id
               left join invoices i on i.account_id = c.account_id and i.period_id = c.period_id
              where c.resolved_m3 is not null and c.settled_by_note_id is null and c.resolved_m3 <> c.billed_m3
                and (${filter.consumptionId ?? null}::uuid is null or c.id = ${filter.consumptionId ?? null}::uuid)
                and (${filter.serviceAreaId ?? null}::uuid is null or cy.service_area_id = ${filter.serviceAreaId ?? null}::uuid)`
}

function parseServices(value: string[] | string): Service[] {
  if (Array.isArray(value)) return value as Service[]
  return value.replace(/[{}]/g, '').split(',').filter(Boolean) as Service[]
}

/** Pesos of (service lines at the visit's m³) − (service lines at the billed m³): positive is owed (debit note). */
export function settlementDifference(row: SettlementRow, schedule: TariffSchedule): Money {
  const category: TariffCategory =
    row.use_class === 'residential' ? { useClass: 'residential', estrato: Number(row.estrato) as Estrato } : { useClass: row.use_class }
  const base = { category, services: parseServices(row.services), frequency: row.frequency, schedule }
  const total = (m3: number) => sum(computeServiceLines({ ...base, billedM3: m3 }).map((l) => l.amount))
  return total(row.resolved_m3).minus(total(row.billed_m3))
}

export async function scheduleFor(db: DbOrTx, row: Pick<SettlementRow, 'service_area_id' | 'starts_on'>) {
  return getTariffSchedule(db, { serviceAreaId: row.service_area_id, on: row.starts_on })
}

export type SettleInput = { consumptionId: string; on: string; actor: TrailActor; serviceAreaId?: string | null }
export type Settled = { noteEntryId: string; kind: 'credit_note' | 'debit_note'; amount: string }

export async function settleDeviation(db: Db, input: SettleInput): Promise<Result<Settled>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from consumptions where id = ${input.consumptionId}::uuid for update`)
    const [row] = await rows<SettlementRow>(tx, settlementRowsSql({ consumptionId: input.consumptionId, serviceAreaId: input.serviceAreaId }))
    if (!row) return fail(new DomainError('billing/settlement_not_pending', 'Esa desviación no tiene una diferencia pendiente de liquidar (ya se liquidó o no tiene resultado de visita).'))
    if (!row.invoice_id || row.invoice_status !== 'issued')
      return fail(new DomainError('billing/settlement_invoice_not_issued', 'La factura del periodo aún no se ha expedido: la diferencia se liquida con una nota después de expedirla.'))
    const schedule = await scheduleFor(tx, row)
    if (!schedule.ok) return schedule
    const difference = settlementDifference(row, schedule.value)
    if (difference.isZero()) return fail(new DomainError('billing/settlement_zero', 'La diferencia de consumo no cambia el valor facturado; no hay nota que emitir.'))
    const description = `Art. 149 Ley 142: consumo facturado por promedio ${row.billed_m3} m³, consumo establecido en la visita ${row.resolved_m3} m³`
    const note = { invoiceId: row.invoice_id, amount: difference.abs().toFixed(2), on: input.on, description, actor: input.actor }
    const posted = difference.gt(0) ? await postDebitNote(tx, { ...note, dueOn: null }) : await postCreditNote(tx, note)
    if (!posted.ok) return posted
    if (!(await markDeviationSettled(tx, { consumptionId: row.consumption_id, noteId: posted.value.entryId })))
      throw new Error('deviation settlement: the consumption changed during the settlement')
    const kind = difference.gt(0) ? 'debit_note' : 'credit_note'
    await recordTrail(tx, {
      entityType: 'consumption',
      entityId: row.consumption_id,
      action: 'critica.deviation_settled',
      actor: input.actor,
      summary: { before: { billedM3: row.billed_m3 }, after: { resolvedM3: row.resolved_m3, noteEntryId: posted.value.entryId, kind, amount: note.amount } },
    })
    return ok({ noteEntryId: posted.value.entryId, kind, amount: note.amount })
  })
}
