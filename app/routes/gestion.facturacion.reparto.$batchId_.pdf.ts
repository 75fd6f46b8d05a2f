import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { getBatch } from '~/billing/invoices/delivery.server'
import { batchPdfResponse } from '~/billing/invoices/pdf-download.server'
import { db } from '~/db.server'
import { notFound } from '~/utils/errors'

/** The printable PDF of a delivery batch: all its invoices in route order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const id = z.uuid().safeParse(params.batchId)
  const batch = id.success ? await getBatch(db, id.data, { serviceAreaId: user.serviceAreaId }) : null
  if (!batch) notFound('El lote de reparto no existe o no es de su área.')
  return batchPdfResponse(db, { invoiceIds: batch.invoiceIds, periodCode: batch.periodCode, zone: batch.zone })
}
