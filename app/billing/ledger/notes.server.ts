/**
 * Credit and debit notes: the only way to correct an issued invoice (DESIGN.md: issued invoices are immutable).
 * Each note is a ledger entry linked to the invoice it corrects.
 */
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { money, toDb } from '~/billing/money'
import type { Service } from '~/billing/tariffs/types'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { invoices, ledgerEntries } from '../../../db/schema/ledger'
import { allocateAvailableCredit, lockAccount, reopenInvoices } from './allocate.server'

export type NoteInput = {
  invoiceId: string
  /** Positive pesos; the sign follows the kind of note. */
  amount: string
  on: string
  description: string
  service?: Service | null
  /** Debit notes: when the charge falls due (null: it is billed, and due, with the next invoice). */
  dueOn?: string | null
  actor: TrailActor
}

type NoteResult = Result<{ entryId: string; accountId: string }>

async function postNote(tx: DbOrTx, kind: 'credit_note' | 'debit_note', input: NoteInput): Promise<NoteResult> {
  const amount = money(input.amount)
  if (amount.lte(0) || amount.decimalPlaces() > 2)
    return fail(new DomainError('billing/invalid_amount', 'El valor de la nota debe ser mayor que cero, en pesos.'))
  const [invoice] = await tx.select({ accountId: invoices.accountId, status: invoices.status }).from(invoices).where(eq(invoices.id, input.invoiceId))
  if (!invoice) return fail(new DomainError('billing/invoice_not_found', 'No existe la factura indicada.'))
  if (invoice.status !== 'issued')
    return fail(new DomainError('billing/invoice_not_issued', 'Solo se pueden emitir notas sobre facturas expedidas.'))
  await lockAccount(tx, invoice.accountId)
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      accountId: invoice.accountId,
      occurredOn: input.on,
      kind,
      service: input.service ?? null,
      concept: kind === 'credit_note' ? 'nota_credito' : 'nota_debito',
      amount: toDb(kind === 'credit_note' ? amount.negated() : amount),
      dueOn: kind === 'debit_note' ? (input.dueOn ?? null) : null,
      noteOfInvoiceId: input.invoiceId,
      description: input.description,
      createdBy: input.actor.kind === 'user' ? input.actor.userId : null,
    })
    .returning({ id: ledgerEntries.id })
  if (kind === 'debit_note') {
    await reopenInvoices(tx, [input.invoiceId])
    await allocateAvailableCredit(tx, invoice.accountId)
  }
  await recordTrail(tx, {
    entityType: 'invoice',
    entityId: input.invoiceId,
    action: kind === 'credit_note' ? 'invoice.credit_note' : 'invoice.debit_note',
    actor: input.actor,
    summary: { entryId: entry!.id, amount: toDb(amount), description: input.description },
  })
  return ok({ entryId: entry!.id, accountId: invoice.accountId })
}

export function postCreditNote(tx: DbOrTx, input: NoteInput): Promise<NoteResult> {
  return postNote(tx, 'credit_note', input)
}

export function postDebitNote(tx: DbOrTx, input: NoteInput): Promise<NoteResult> {
  return postNote(tx, 'debit_note', input)
}
