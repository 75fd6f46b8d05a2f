/**
 * The PDF of a PQR decision (pdf-lib, A4). CPACA art. 67: the notified copy is complete and carries the recursos,
 * where to file them and their term; Ley 142 art. 155: amounts under claim need not be paid meanwhile. The text is
 * laid out in paragraphs with word wrap and page breaks; characters the standard font cannot draw are replaced.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

export type DecisionPdfInput = {
  companyName: string
  outgoingRadicado: string
  /** dd/mm/aaaa */
  issuedOn: string
  caseRadicado: string
  filedOn: string
  addressee: { name: string; document: string; address?: string | null; email?: string | null }
  accountNumber?: string | null
  title: string
  decisionTypeLabel: string
  body: string
  legalGrounds: string
  recursos: { label: string; termBusinessDays: number; fileWith: string }[]
  /** e.g. "Nota crédito por $ 20.000 sobre la factura No. 1234" */
  billingEffect?: string | null
  isBillingClaim: boolean
  signer: { name: string; role: string }
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 56
const BRAND = rgb(0.05, 0.29, 0.45)

type Writer = { doc: PDFDocument; page: PDFPage; y: number; font: PDFFont; bold: PDFFont }

/** Replaces what WinAnsi (the standard fonts' encoding) cannot draw, so a stray emoji never breaks the document. */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet())
  return [...text.replace(/\t/g, '    ')].map((ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?')).join('')
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate
      else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
  }
  return lines
}

function newPage(w: Writer) {
  w.page = w.doc.addPage(A4)
  w.y = A4[1] - MARGIN
}

function write(
  w: Writer,
  text: string,
  opts: { size?: number; bold?: boolean; gapAfter?: number; color?: ReturnType<typeof rgb> } = {},
) {
  const size = opts.size ?? 10.5
  const font = opts.bold ? w.bold : w.font
  const lineHeight = size * 1.35
  for (const line of wrap(font, drawable(font, text), size, A4[0] - 2 * MARGIN)) {
    if (w.y - lineHeight < MARGIN) newPage(w)
    w.y -= lineHeight
    if (line)
      w.page.drawText(line, { x: MARGIN, y: w.y, size, font, color: opts.color ?? rgb(0.1, 0.1, 0.1) })
  }
  w.y -= opts.gapAfter ?? 6
}

function footer(doc: PDFDocument, font: PDFFont, radicado: string) {
  const pages = doc.getPages()
  pages.forEach((page, i) => {
    const text = `Decisión ${radicado} · Página ${i + 1} de ${pages.length}`
    page.drawText(text, { x: MARGIN, y: 28, size: 8.5, font, color: rgb(0.35, 0.35, 0.35) })
  })
}

export async function renderDecisionPdf(input: DecisionPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Decisión ${input.outgoingRadicado} (PQR ${input.caseRadicado})`)
  doc.setAuthor(input.companyName)
  doc.setLanguage('es-CO')
  const w: Writer = {
    doc,
    page: doc.addPage(A4),
    y: A4[1] - MARGIN,
    font: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  }
  write(w, input.companyName, { size: 15, bold: true, color: BRAND, gapAfter: 2 })
  write(w, 'Oficina de Peticiones, Quejas y Recursos', { size: 10, gapAfter: 12 })
  write(w, `Radicado de salida: ${input.outgoingRadicado}`, { bold: true, gapAfter: 0 })
  write(w, `Fecha: ${input.issuedOn}`, { gapAfter: 0 })
  write(w, `Referencia: PQR ${input.caseRadicado}, radicada el ${input.filedOn}`, { gapAfter: 10 })
  write(w, `Destinatario: ${input.addressee.name}, ${input.addressee.document}`, { gapAfter: 0 })
  if (input.accountNumber) write(w, `Cuenta: ${input.accountNumber}`, { gapAfter: 0 })
  if (input.addressee.address) write(w, `Dirección: ${input.addressee.address}`, { gapAfter: 0 })
  if (input.addressee.email) write(w, `Correo electrónico: ${input.addressee.email}`, { gapAfter: 0 })
  w.y -= 10
  write(w, `${input.title} (${input.decisionTypeLabel})`, {
    size: 13,
    bold: true,
    color: BRAND,
    gapAfter: 10,
  })
  write(w, input.body, { gapAfter: 12 })
  if (input.billingEffect) {
    write(w, 'Efecto en la facturación', { bold: true, gapAfter: 2 })
    write(w, input.billingEffect, { gapAfter: 12 })
  }
  write(w, 'Fundamentos de derecho', { bold: true, gapAfter: 2 })
  write(w, input.legalGrounds, { gapAfter: 12 })
  write(w, 'Recursos que proceden contra esta decisión', { bold: true, gapAfter: 2 })
  if (input.recursos.length === 0)
    write(w, 'Contra esta comunicación no procede recurso alguno (CPACA art. 75).')
  for (const r of input.recursos)
    write(
      w,
      `• ${r.label}: dentro de los ${r.termBusinessDays} días hábiles siguientes a la notificación. ${r.fileWith}`,
    )
  if (input.isBillingClaim)
    write(
      w,
      'Mientras se resuelven los recursos, no está obligado a pagar el valor en reclamo; sí debe pagar las sumas no reclamadas (Ley 142 de 1994, art. 155).',
      { gapAfter: 12 },
    )
  w.y -= 18
  write(w, input.signer.name, { bold: true, gapAfter: 0 })
  write(w, input.signer.role, { gapAfter: 0 })
  footer(doc, w.font, input.outgoingRadicado)
  return doc.save()
}
