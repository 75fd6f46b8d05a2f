/**
 * From an issued invoice's read model to the printed document's data (app/documents/invoice-pdf.ts): Spanish
 * wording, formatted money and dates, company data from the settings in force on the issue date.
 */
import { PDFDocument } from 'pdf-lib'
import { appendInvoice, renderInvoicePdf, type InvoicePdfInput } from '~/documents/invoice-pdf'
import { money, Money, ZERO } from '~/billing/money'
import { getSetting } from '~/settings/read.server'
import { formatCOP, formatDate, formatNumber } from '~/utils/format'
import { CONSUMPTION_BASIS_LABELS, lineDetail } from './labels'
import type { InvoiceDetail } from './queries.server'

const SERVICE_NAMES: Record<string, string> = { acueducto: 'Acueducto', alcantarillado: 'Alcantarillado', aseo: 'Aseo' }
const USE_NAMES: Record<string, string> = { residential: 'Residencial', commercial: 'Comercial', industrial: 'Industrial', official: 'Oficial', special: 'Especial' }
/** Other charges for connection, suspension, reconnection or reinstallation (CRA model CCU cl. 17 num. 8). */
const CONNECTION_WORDS = /conexi[oó]n|suspensi[oó]n|reconexi[oó]n|reinstalaci[oó]n|acometida/i

type Company = { company: InvoicePdfInput['company']; paymentPlaces: string }

export async function companyData(on: string): Promise<Company> {
  const [name, nit, customerService, paymentPlaces] = await Promise.all([
    getSetting('company.legal_name', { on }),
    getSetting('company.nit', { on }),
    getSetting('invoice.customer_service', { on }),
    getSetting('invoice.payment_places', { on }),
  ])
  return { company: { name, nit, customerService }, paymentPlaces }
}

/** Whole pesos for the barcode (AI 3900 has no decimals); a credit balance prints 0. */
export function barcodeAmount(totalToPay: string): string {
  return Money.max(money(totalToPay), ZERO).toDecimalPlaces(0, Money.ROUND_HALF_UP).toFixed(0)
}

export function invoicePdfInput(detail: InvoiceDetail, company: Company, opts: { duplicate?: boolean } = {}): InvoicePdfInput {
  const { invoice, premise, consumption } = detail
  const residential = premise.useClass === 'residential'
  const m3 = (v: string | number | null | undefined) => (v === null || v === undefined ? 'Sin dato' : `${formatNumber(String(v))} m³`)
  return {
    ...company,
    number: String(invoice.number ?? ''),
    periodLabel: detail.periodLabel,
    periodRange: `${formatDate(detail.period.startsOn)} a ${formatDate(detail.period.endsOn)}`,
    issueOn: formatDate(invoice.issueOn),
    dueOn: formatDate(invoice.dueOn),
    suspensionOn: formatDate(invoice.suspensionOn),
    subscriber: { name: detail.subscriber.fullName, document: `${detail.subscriber.documentType} ${detail.subscriber.documentNumber}` },
    accountNumber: detail.account.number,
    services: detail.account.services.map((s) => SERVICE_NAMES[s] ?? s).join(', '),
    meterSerial: detail.meter?.serial ?? null,
    serviceAddress: `${premise.address}, ${premise.neighborhood}, ${detail.area.municipality}`,
    deliveryAddress: detail.subscriber.correspondenceAddress ?? `${premise.address}, ${premise.neighborhood}, ${detail.area.municipality}`,
    useLabel: residential ? `Residencial, estrato ${premise.estrato}` : `${USE_NAMES[premise.useClass] ?? premise.useClass} (no residencial)`,
    units: { residential: residential ? premise.units : 0, nonResidential: residential ? 0 : premise.units },
    reading: {
      previous: consumption?.previousReading?.toString() ?? 'Sin lectura',
      current: consumption?.currentReading?.toString() ?? 'Sin lectura',
      billed: invoice.billedM3 === null ? 'No aplica (solo aseo)' : m3(invoice.billedM3),
      basis: consumption ? (CONSUMPTION_BASIS_LABELS[consumption.basis] ?? consumption.basis) : 'No aplica',
    },
    lines: detail.lines.map((l) => ({
      description: l.description,
      detail: lineDetail(l, formatCOP),
      amount: formatCOP(l.amount),
      isConnectionCharge: l.concept === 'otro_cobro' && CONNECTION_WORDS.test(l.description),
    })),
    currentCharges: formatCOP(invoice.currentCharges),
    previousBalance: formatCOP(invoice.previousBalance),
    totalToPay: formatCOP(invoice.totalToPay),
    onHold: detail.holds.length > 0 ? { amount: formatCOP(detail.onHold), reasons: detail.holds.map((h) => h.reason).join('; ') } : null,
    history: detail.history.map((h) => ({ label: h.label, m3: m3(h.billedM3), amount: formatCOP(h.currentCharges), isCurrent: h.isCurrent })),
    compareWith: detail.compareWith,
    explanation: detail.explanation,
    barcode: { gln: detail.area.gln, paymentReference: invoice.paymentReference, amount: barcodeAmount(invoice.totalToPay), dueDate: invoice.dueOn },
    duplicate: opts.duplicate,
  }
}

export async function invoicePdf(detail: InvoiceDetail, opts: { duplicate?: boolean } = {}): Promise<Uint8Array> {
  return renderInvoicePdf(invoicePdfInput(detail, await companyData(detail.invoice.issueOn), opts))
}

/**
 * Many invoices, each starting on its own page, in the given order (a delivery route). The details may arrive one at
 * a time (an async generator reading them), and `onEach` hears how many were added so far (a job's progress).
 */
export async function invoicesPdf(
  details: Iterable<InvoiceDetail> | AsyncIterable<InvoiceDetail>,
  opts: { onEach?: (added: number) => Promise<void> } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const company = new Map<string, Company>()
  let added = 0
  for await (const d of details) {
    const on = d.invoice.issueOn
    if (!company.has(on)) company.set(on, await companyData(on))
    await appendInvoice(doc, invoicePdfInput(d, company.get(on)!))
    await opts.onEach?.(++added)
  }
  return doc.save()
}
