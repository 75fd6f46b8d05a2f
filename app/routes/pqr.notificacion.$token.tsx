import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { db } from '~/db.server'
import { caseIdOfToken, decisionPdf, viewDecision } from '~/pqr/decision-access.server'
import { downloadHeaders } from '~/storage/files.server'
import { DecisionDocument } from '~/ui/decision-view'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { notFound } from '~/utils/errors'

/**
 * The emailed link of an electronic notification, for a filer without a portal account (public: the unguessable token
 * is the credential, stored only as its hash). Opening it is the notification (CPACA art. 56), recorded once.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,64}$/)
    .safeParse(params.token)
  const caseId = token.success ? await caseIdOfToken(db, token.data) : null
  if (!token.success || !caseId)
    notFound('El enlace no es válido. Consulte su solicitud con el radicado y su documento.')
  const view = await viewDecision({
    caseId,
    via: { token: token.data },
    ip: context.ip,
    userAgent: request.headers.get('user-agent') ?? '',
  })
  if (!view) notFound('La decisión ya no está disponible en este enlace.')
  if (new URL(request.url).searchParams.get('formato') === 'pdf') {
    const file = await decisionPdf(db, caseId)
    if (!file) notFound('La decisión no tiene documento.')
    return new Response(new Uint8Array(file.data), { headers: downloadHeaders(file) })
  }
  return { view, token: token.data }
}

export const meta: MetaFunction = () => [
  { title: 'Notificación de la decisión · Aguas de la Sabana' },
  { name: 'robots', content: 'noindex' },
]

export default function NoticeLinkRoute() {
  const { view, token } = useLoaderData<typeof loader>()
  return <DecisionDocument d={view} pdfHref={`/pqr/notificacion/${token}?formato=pdf`} />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
