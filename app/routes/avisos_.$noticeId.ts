import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { db } from '~/db.server'
import { publishedNoticePdf } from '~/pqr/notify-publications.server'
import { downloadHeaders } from '~/storage/files.server'
import { notFound } from '~/utils/errors'

/** Public: the copy of the act of an aviso while it is published on the website (CPACA art. 69 inciso 2). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = z.uuid().safeParse(params.noticeId)
  const file = id.success ? await publishedNoticePdf(db, id.data) : null
  if (!file) notFound('Este aviso no está publicado.')
  return new Response(new Uint8Array(file.data), { headers: downloadHeaders(file) })
}
