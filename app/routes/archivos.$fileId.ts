import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { db } from '~/db.server'
import { getDownloadableFile } from '~/pqr/file-access.server'
import { downloadHeaders } from '~/storage/files.server'
import { notFound } from '~/utils/errors'

/** A stored file, always as a download (never rendered inline), to its owner or staff; anyone else 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = z.uuid().safeParse(params.fileId)
  const file = id.success ? await getDownloadableFile(db, id.data, user) : null
  if (!file) notFound('No encontramos ese archivo.')
  return new Response(new Uint8Array(file.data), { headers: downloadHeaders(file) })
}
