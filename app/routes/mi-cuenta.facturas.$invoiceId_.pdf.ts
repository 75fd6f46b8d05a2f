import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { invoicePdfResponse } from '~/billing/invoices/pdf-download.server'
import { getInvoiceDetail } from '~/billing/invoices/queries.server'
import { db } from '~/db.server'
import { notFound } from '~/utils/errors'

/** Download of one of the subscriber's own invoices as PDF (`?duplicado=1` stamps DUPLICADO). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { accountIds } = await requireSubscriber(request)
  const id = z.uuid().safeParse(params.invoiceId)
  const detail = id.success ? await getInvoiceDetail(db, { accountIds, invoiceId: id.data }) : null
  if (!detail) notFound('No encontramos esa factura entre las de sus cuentas.')
  const duplicate = new URL(request.url).searchParams.get('duplicado') === '1'
  return invoicePdfResponse(db, detail, { duplicate })
}
