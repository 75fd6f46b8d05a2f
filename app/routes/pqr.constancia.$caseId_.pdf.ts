import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getOptionalUser } from '~/auth/guards.server'
import { db } from '~/db.server'
import { getReceipt, receiptAccessFor, renderReceiptPdf } from '~/pqr/receipt.server'
import { publicOrigin } from '~/security/public-origin'
import { attachmentDisposition } from '~/storage/content-type'
import { notFound } from '~/utils/errors'

/** The PDF constancia de radicación, always as a download; same access as the receipt page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const id = z.uuid().safeParse(params.caseId)
  const token = new URL(request.url).searchParams.get('clave')
  const receipt = id.success ? await getReceipt(db, id.data, await receiptAccessFor(db, user, token)) : null
  if (!receipt) notFound('No encontramos esa constancia.')
  const pdf = await renderReceiptPdf(db, receipt, publicOrigin(request))
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(`constancia-${receipt.radicado}.pdf`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
