/**
 * The printed invoice (pdf-lib, US Letter), with every item of the minimum content: Ley 142 art. 148 and the CRA model
 * CCU (Res. CRA 413/2006 cl. 17; ../shared/domain/colombia-rules.md §6.1): company and NIT; subscriber, account,
 * meter, service address and units; delivery address; estrato and use; period and issue date; unit charges per range,
 * cargo fijo and other charges; payment places and methods; connection/suspension/reconnection charges when they
 * apply; readings or the averaging basis; comparison with the last 6 (monthly) or 3 (bimonthly) periods; plus
 * subsidies and contributions, pago oportuno, suspension date, previous balance and amounts under claim. The GS1-128
 * barcode (formats.md §2) carries the payment reference, total and due date.
 * `duplicate` stamps DUPLICADO on every page (a copy asked for after delivery). Takes plain, already formatted data:
 * documents sits below billing.
 */
import { PDFDocument, degrees, rgb } from 'pdf-lib'
import { DomainError } from '~/utils/errors'
import { invoiceBarcode, renderGs1128Png } from './gs1-128'
import { BRAND, LETTER, MUTED, ensure, facts, heading, newWriter, paragraph, row, type Writer } from './pdf-writer'

export type InvoicePdfInput = {
  company: { name: string; nit: string; customerService: string }
  paymentPlaces: string
  number: string
  periodLabel: string
  periodRange: string
  issueOn: string
  dueOn: string
  suspensionOn: string
  subscriber: { name: string; document: string }
  accountNumber: string
  services: string
  meterSerial: string | null
  serviceAddress: string
  deliveryAddress: string
  useLabel: string
  units: { residential: number; nonResidential: number }
  reading: { previous: string; current: string; billed: string; basis: string }
  /** Every line as printed; `detail` e.g. "10 m³ × $ 2.500" (the unit charge per range). */
  lines: Array<{ description: string; detail: string | null; amount: string; isConnectionCharge: boolean }>
  currentCharges: string
  previousBalance: string
  totalToPay: string
  onHold: { amount: string; reasons: string } | null
  history: Array<{ label: string; m3: string; amount: string; isCurrent: boolean }>
  compareWith: number
  explanation: string[]
  /** For the barcode: raw values (GLN of the area, reference digits, whole pesos, IsoDate). */
  barcode: { gln: string; paymentReference: string; amount: string; dueDate: string }
  duplicate?: boolean
}

function stampDuplicate(w: Writer) {
  w.page.drawText('DUPLICADO', { x: 150, y: 300, size: 80, font: w.bold, color: rgb(0.85, 0.85, 0.85), rotate: degrees(35), opacity: 0.5 })
}

function header(w: Writer, d: InvoicePdfInput) {
  paragraph(w, d.company.name, { size: 15, bold: true, color: BRAND, gapAfter: 0 })
  paragraph(w, `NIT ${d.company.nit} · Empresa de servicios públicos domiciliarios (Ley 142 de 1994)`, { size: 8.5, color: MUTED })
  paragraph(w, `Factura de servicios públicos n.º ${d.number}${d.duplicate ? ' · DUPLICADO' : ''}`, { size: 12, bold: true, gapAfter: 4 })
  facts(w, [
    ['Periodo facturado', `${d.periodLabel} (${d.periodRange})`],
    ['Fecha de expedición', d.issueOn],
    ['Pago oportuno hasta', d.dueOn],
    ['Fecha de suspensión', d.suspensionOn],
  ])
}

function subscriberBlock(w: Writer, d: InvoicePdfInput) {
  heading(w, 'Suscriptor y predio')
  facts(w, [
    ['Suscriptor', d.subscriber.name],
    ['Documento', d.subscriber.document],
    ['Cuenta (contrato)', d.accountNumber],
    ['Medidor', d.meterSerial ?? 'Sin medidor'],
    ['Dirección del predio', d.serviceAddress],
    ['Dirección de entrega', d.deliveryAddress],
    ['Estrato y uso', d.useLabel],
    ['Servicios', d.services],
    ['Unidades residenciales', String(d.units.residential)],
    ['Unidades no residenciales', String(d.units.nonResidential)],
  ])
}

function readingBlock(w: Writer, d: InvoicePdfInput) {
  heading(w, 'Lecturas y consumo')
  facts(w, [
    ['Lectura anterior', d.reading.previous],
    ['Lectura actual', d.reading.current],
    ['Consumo facturado', d.reading.billed],
    ['Base del consumo', d.reading.basis],
  ])
}

function linesBlock(w: Writer, d: InvoicePdfInput) {
  heading(w, 'Detalle de los cobros (valor unitario por rango de consumo, cargo fijo y otros cobros)')
  for (const l of d.lines) row(w, l.description, l.amount, { sub: l.detail ?? undefined })
  row(w, 'Valor de este periodo', d.currentCharges, { bold: true })
  row(w, 'Saldo anterior (incluye valores vencidos)', d.previousBalance)
  row(w, 'TOTAL A PAGAR', d.totalToPay, { bold: true, size: 11 })
  const connection = d.lines.filter((l) => l.isConnectionCharge)
  paragraph(
    w,
    connection.length > 0
      ? `Cargos de conexión, suspensión, reconexión o reinstalación en esta factura: ${connection.map((l) => `${l.description} (${l.amount})`).join('; ')}.`
      : 'Cargos de conexión, suspensión, reconexión o reinstalación: no hay en este periodo.',
    { size: 8, color: MUTED },
  )
  if (d.onHold)
    paragraph(w, `Valor en reclamo: ${d.onHold.amount} (${d.onHold.reasons}). No se cobra mientras se resuelve el reclamo (Ley 142 art. 155).`, { size: 8.5, bold: true })
}

function historyBlock(w: Writer, d: InvoicePdfInput) {
  heading(w, `Comparación con los últimos ${d.compareWith} periodos`)
  for (const h of d.history) row(w, `${h.label}${h.isCurrent ? ' (esta factura)' : ''} · ${h.m3}`, h.amount, { size: 8.5 })
  for (const s of d.explanation) paragraph(w, `• ${s}`, { size: 8.5 })
}

async function paymentBlock(w: Writer, d: InvoicePdfInput) {
  heading(w, 'Lugares y medios de pago')
  paragraph(w, d.paymentPlaces, { size: 8.5 })
  paragraph(
    w,
    `Si no paga antes de la fecha de suspensión, el servicio puede suspenderse (Ley 142 art. 140). Puede presentar peticiones, quejas, reclamos y recursos sobre esta factura (Ley 142 arts. 152 a 159). Atención: ${d.company.customerService}`,
    { size: 8, color: MUTED },
  )
  let barcode: ReturnType<typeof invoiceBarcode>
  try {
    barcode = invoiceBarcode(d.barcode)
  } catch (error) {
    // A misconfigured GLN must not keep the subscriber from their invoice: pay with the reference meanwhile.
    if (!(error instanceof DomainError)) throw error
    paragraph(w, `Referencia de pago: ${d.barcode.paymentReference} · Total a pagar: ${d.totalToPay}. Código de barras no disponible: pague en línea o en las oficinas con la referencia.`, { size: 9, bold: true })
    return
  }
  const png = await w.doc.embedPng(await renderGs1128Png(barcode.hri, { includeText: false, scale: 2, heightMm: 12 }))
  const width = Math.min(png.width * 0.5, LETTER[0] - 2 * w.margin)
  const height = (png.height * width) / png.width
  ensure(w, height + 40)
  w.y -= 6
  paragraph(w, `Referencia de pago: ${d.barcode.paymentReference} · Total a pagar: ${d.totalToPay} · Pague hasta: ${d.dueOn}`, { size: 9, bold: true })
  w.y -= height
  w.page.drawImage(png, { x: w.margin, y: w.y, width, height })
  paragraph(w, barcode.hri, { size: 8.5 })
}

/** The invoice as PDF bytes. */
export async function renderInvoicePdf(d: InvoicePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  await appendInvoice(doc, d)
  return doc.save()
}

/** Adds one invoice (starting on a new page) to `doc`: the route batch prints many into one PDF. */
export async function appendInvoice(doc: PDFDocument, d: InvoicePdfInput): Promise<void> {
  doc.setTitle(`Factura ${d.number} · ${d.company.name}`)
  doc.setLanguage('es-CO')
  const w = await newWriter(doc, { onPage: d.duplicate ? (_page, wr) => stampDuplicate(wr) : undefined })
  header(w, d)
  subscriberBlock(w, d)
  readingBlock(w, d)
  linesBlock(w, d)
  historyBlock(w, d)
  await paymentBlock(w, d)
}
