/**
 * The constancia de radicación of a PQR (pdf-lib, letter size): the proof the filer keeps that the company received
 * the request on a date, with its radicado and the legal answer term (Ley 142 art. 158; CPACA art. 15: the authority
 * issues a receipt of every petition). Deterministic from its input, so the same case always prints the same text.
 */
import { PDFDocument } from 'pdf-lib'
import { BRAND, facts, heading, MUTED, newWriter, paragraph, row } from './pdf-writer'

export type ConstanciaPdfInput = {
  company: { name: string; nit: string }
  radicado: string
  /** dd/mm/aaaa hh:mm (Bogotá) */
  receivedAt: string
  /** dd/mm/aaaa */
  filedOn: string
  dueOn: string
  channelLabel: string
  typeName: string
  causalName: string | null
  subject: string
  filer: { name: string; document: string; email?: string | null; phone?: string | null; address?: string | null }
  accountNumber?: string | null
  claims: Array<{ invoiceNumber: string; issueOn: string; disputedAmount: string }>
  /** Formatted total under claim. */
  disputedTotal?: string | null
  extemporaneous: boolean
  electronicNotificationConsent: boolean
  attachments: string[]
  lookupUrl?: string | null
}

export async function renderConstanciaPdf(input: ConstanciaPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Constancia de radicación ${input.radicado}`)
  doc.setAuthor(input.company.name)
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  const w = await newWriter(doc, { margin: 48 })
  paragraph(w, input.company.name, { size: 14, bold: true, color: BRAND, gapAfter: 0 })
  paragraph(w, `NIT ${input.company.nit}`, { size: 9, color: MUTED, gapAfter: 10 })
  paragraph(w, 'CONSTANCIA DE RADICACIÓN', { size: 13, bold: true, gapAfter: 2 })
  paragraph(w, `Radicado No. ${input.radicado}`, { size: 16, bold: true, color: BRAND, gapAfter: 8 })
  facts(w, [
    ['Recibida', input.receivedAt],
    ['Fecha de radicación', input.filedOn],
    ['Canal', input.channelLabel],
    ['Tipo', input.typeName],
    ['Motivo', input.causalName ?? 'No indicado'],
    ['Cuenta', input.accountNumber ?? 'No indicada'],
  ])
  heading(w, 'Asunto')
  paragraph(w, input.subject, { size: 10 })
  heading(w, 'Peticionario')
  facts(w, [
    ['Nombre', input.filer.name],
    ['Documento', input.filer.document],
    ['Correo', input.filer.email ?? 'No indicado'],
    ['Teléfono', input.filer.phone ?? 'No indicado'],
  ])
  if (input.filer.address) paragraph(w, `Dirección: ${input.filer.address}`)
  if (input.claims.length) {
    heading(w, 'Facturas reclamadas')
    for (const c of input.claims) row(w, `Factura No. ${c.invoiceNumber}, expedida el ${c.issueOn}`, c.disputedAmount)
    if (input.disputedTotal) row(w, 'Total en reclamo', input.disputedTotal, { bold: true })
    paragraph(w, 'Mientras se resuelve el reclamo, la empresa no cobrará el valor en reclamo; el resto de cada factura debe pagarse en su fecha (Ley 142 de 1994, art. 155).', { size: 8.5, color: MUTED })
    if (input.extemporaneous)
      paragraph(w, 'Al menos una factura fue expedida hace más de cinco meses: la ley no admite reclamo contra ella (art. 154). La solicitud se recibe y será evaluada.', { size: 8.5, color: MUTED })
  }
  if (input.attachments.length) {
    heading(w, 'Documentos anexos')
    for (const name of input.attachments) paragraph(w, `• ${name}`)
  }
  heading(w, 'Término de respuesta')
  paragraph(w, `La empresa responderá a más tardar el ${input.dueOn}: quince (15) días hábiles siguientes a la fecha de radicación (Ley 142 de 1994, art. 158). Si no responde en ese término, opera el silencio administrativo positivo.`, { size: 10 })
  paragraph(w, input.electronicNotificationConsent
    ? 'El peticionario autorizó la notificación electrónica de la respuesta al correo indicado (CPACA, art. 56).'
    : 'La respuesta se notificará personalmente, previa citación, o por aviso (CPACA, arts. 67 a 69).', { size: 9 })
  if (input.lookupUrl) paragraph(w, `Consulte el estado de su solicitud en ${input.lookupUrl} con este radicado y su número de documento.`, { size: 9, color: MUTED })
  return doc.save({ useObjectStreams: false })
}
