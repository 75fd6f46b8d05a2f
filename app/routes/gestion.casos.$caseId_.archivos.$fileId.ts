import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { caseFileForStaff } from '~/pqr/case-page-files.server'
import { downloadHeaders } from '~/storage/files.server'
import { notFound } from '~/utils/errors'

/** A document of the case (filer's attachment, evidence, decision PDF), always as a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:read')
  const ids = z.object({ caseId: z.uuid(), fileId: z.uuid() }).safeParse(params)
  if (!ids.success) notFound()
  const file = await caseFileForStaff(db, { ...ids.data, serviceAreaId: user.serviceAreaId })
  if (!file) notFound('No encontramos el documento.')
  return new Response(new Uint8Array(file.data), { headers: downloadHeaders(file) })
}
