/**
 * The subscriber's invoice page (`/mi-cuenta/facturas/$invoiceId`, benchmark 8a of issue 5). An issued invoice never
 * changes (invoices and invoice_lines are immutable by trigger once issued; corrections are notes), so its issued part
 * (lines, readings, history, the explanation) is read once and kept in a small in-process cache. What can change is
 * read on every request in one short prepared statement: ownership (the subscriber's linked accounts, read in the
 * same statement, so another subscriber gets nothing), parties, meter, active holds (Ley 142 art. 155), the latest
 * invoice and the balance. The page gets only the fields it shows.
 */
import type { DbOrTx } from '~/db.server'
import { ZERO } from '~/billing/money'
import { readInvoiceDetail, readLive, withLive, type IssuedPart, type LiveRow } from './detail.server'
import { amountPayable } from './payable.server'
import { shortPeriodLabel } from './period-label'
import { createLruCache } from '~/utils/lru-cache'

/** About 10 kB each: a few megabytes at most. */
const issuedInvoices = createLruCache<string, IssuedPart>(500)

type Input = { userId: string; invoiceId: string; balanceOn: string }

/** The invoice of one of the subscriber's accounts, shaped for the page; null when not theirs, missing or not issued. */
export async function getInvoicePage(db: DbOrTx, { userId, invoiceId, balanceOn }: Input) {
  const owner = { userId }
  const issued = issuedInvoices.get(invoiceId)
  if (issued) {
    const [live] = await readLive(db, { invoiceId, userId, balanceOn })
    if (live?.account_id === issued.invoice.accountId) return toPage(issued, live)
    // Nothing (not theirs) or another account (not this database's invoice): the full read decides.
  }
  const found = await readInvoiceDetail(db, { owner, invoiceId, balanceOn })
  if (!found) return null
  issuedInvoices.set(invoiceId, found.issued)
  return toPage(found.issued, found.live)
}

export type InvoicePage = NonNullable<Awaited<ReturnType<typeof getInvoicePage>>>

function toPage(issued: IssuedPart, live: LiveRow) {
  const d = withLive(issued, live)
  const { invoice, consumption: c } = d
  const payable = d.payment ? amountPayable({ ...d.payment.balance, credit: ZERO }) : ZERO
  return {
    invoice: {
      id: invoice.id,
      number: invoice.number,
      issueOn: invoice.issueOn,
      dueOn: invoice.dueOn,
      suspensionOn: invoice.suspensionOn,
      billedM3: invoice.billedM3,
      previousBalance: invoice.previousBalance,
      currentCharges: invoice.currentCharges,
      totalToPay: invoice.totalToPay,
      paymentReference: invoice.paymentReference,
    },
    periodLabel: d.periodLabel,
    account: { id: d.account.id, number: d.account.number },
    subscriberName: d.subscriber.fullName,
    premise: { address: d.premise.address, neighborhood: d.premise.neighborhood, useClass: d.premise.useClass, estrato: d.premise.estrato },
    municipality: d.area.municipality,
    meterSerial: d.meter?.serial ?? null,
    lines: d.lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantityM3: l.quantityM3,
      unitPrice: l.unitPrice,
      amount: l.amount,
      onHold: l.onHold,
    })),
    consumption: c ? { previousReading: c.previousReading, currentReading: c.currentReading, basis: c.basis } : null,
    history: d.history.map((h) => ({ label: h.label, shortLabel: shortPeriodLabel(h.periodCode), billedM3: h.billedM3, currentCharges: h.currentCharges, isCurrent: h.isCurrent })),
    explanation: d.explanation,
    holdReasons: d.holds.map((h) => h.reason),
    onHold: d.onHold,
    canPay: d.payment?.latestIssuedId === invoice.id && payable.greaterThan(0),
    payable: payable.toFixed(2),
  }
}
