import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { getBatch } from '~/billing/invoices/delivery.server'
import { getBatchPdf } from '~/billing/invoices/delivery-pdf.server'
import { db } from '~/db.server'
import { downloadHeaders } from '~/storage/files.server'
import { notFound } from '~/utils/errors'

/** The printable PDF of a delivery batch (all its invoices in route order), once its job has stored it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const id = z.uuid().safeParse(params.batchId)
  const batch = id.success ? await getBatch(db, id.data, { serviceAreaId: user.serviceAreaId }) : null
  if (!batch) notFound('El lote de reparto no existe o no es de su área.')
  const file = await getBatchPdf(db, batch.batch)
  if (!file) notFound('El PDF de este lote todavía se está preparando. Vuelva a la página del lote y espere a que termine.')
  return new Response(new Uint8Array(file.data), { headers: downloadHeaders(file) })
}
