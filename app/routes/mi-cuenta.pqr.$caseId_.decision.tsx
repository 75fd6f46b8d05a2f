import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { decisionPdf, findOwnedCase, viewDecision } from '~/pqr/decision-access.server'
import { downloadHeaders } from '~/storage/files.server'
import { DecisionDocument } from '~/ui/decision-view'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { notFound } from '~/utils/errors'

/**
 * The subscriber opens the decision of their PQR. The first opening of an electronic notice is the notification
 * (CPACA art. 56): recorded once with date, time, IP and browser. `?formato=pdf` downloads the PDF (also an access).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const id = z.uuid().safeParse(params.caseId)
  const owned = id.success ? await findOwnedCase(db, { userId: user.id, accountIds }, id.data) : null
  if (!owned) notFound('No encontramos esa solicitud entre las suyas.')
  const view = await viewDecision({
    caseId: owned.id,
    via: { userId: user.id },
    ip: context.ip,
    userAgent: request.headers.get('user-agent') ?? '',
  })
  if (view && new URL(request.url).searchParams.get('formato') === 'pdf') {
    const file = await decisionPdf(db, owned.id)
    if (!file) notFound('La decisión no tiene documento.')
    return new Response(new Uint8Array(file.data), { headers: downloadHeaders(file) })
  }
  return { caseId: owned.id, radicado: owned.radicado, view }
}

export const meta: MetaFunction = () => [{ title: 'Decisión de mi PQR · Aguas de la Sabana' }]

export default function MyDecisionRoute() {
  const { caseId, radicado, view } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to={`/mi-cuenta/pqr/${caseId}`}>← Solicitud {radicado}</Link>
      </p>
      {view ? (
        <DecisionDocument d={view} pdfHref={`/mi-cuenta/pqr/${caseId}/decision?formato=pdf`} />
      ) : (
        <>
          <h1>Decisión de la solicitud {radicado}</h1>
          <p>Su solicitud aún no tiene una decisión expedida. Le avisaremos cuando la tenga.</p>
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
