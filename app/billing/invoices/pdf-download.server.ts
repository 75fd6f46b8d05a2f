/**
 * The invoice PDF as an HTTP download. A copy of an invoice already delivered on paper is stamped DUPLICADO (so two
 * "originals" never circulate); `duplicate: true` forces the stamp (a copy asked for at the counter).
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { invoiceDeliveries } from '../../../db/schema'
import { invoicePdf } from './document.server'
import type { InvoiceDetail } from './queries.server'

export async function wasDelivered(db: DbOrTx, invoiceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: invoiceDeliveries.id })
    .from(invoiceDeliveries)
    .where(and(eq(invoiceDeliveries.invoiceId, invoiceId), eq(invoiceDeliveries.result, 'delivered')))
  return Boolean(row)
}

export function pdfResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

export async function invoicePdfResponse(db: DbOrTx, detail: InvoiceDetail, opts: { duplicate?: boolean } = {}): Promise<Response> {
  const duplicate = opts.duplicate || (await wasDelivered(db, detail.invoice.id))
  const bytes = await invoicePdf(detail, { duplicate })
  const name = `factura-${detail.account.number}-${detail.period.code}${duplicate ? '-duplicado' : ''}.pdf`
  return pdfResponse(bytes, name.replace(/[^\w.-]/g, '_'))
}
