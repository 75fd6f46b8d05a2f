import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getOptionalUser } from '~/auth/guards.server'
import { db } from '~/db.server'
import { getReceipt, receiptAccessFor } from '~/pqr/receipt.server'
import { CHANNEL_LABELS } from '~/pqr/status'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

/** The receipt right after filing: open to the link's holder (`?clave=`), the owner and staff; anyone else 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const id = z.uuid().safeParse(params.caseId)
  const token = new URL(request.url).searchParams.get('clave')
  const receipt = id.success ? await getReceipt(db, id.data, await receiptAccessFor(db, user, token)) : null
  if (!receipt) notFound('No encontramos esa constancia. Revise el enlace que recibió.')
  const pdfHref = `/pqr/constancia/${receipt.id}/pdf${token ? `?clave=${encodeURIComponent(token)}` : ''}`
  return { receipt, pdfHref, isSignedIn: Boolean(user) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Constancia de radicación ${data?.receipt.radicado ?? ''} · Aguas de la Sabana` },
  { name: 'robots', content: 'noindex' },
]

export default function ReceiptRoute() {
  const { receipt, pdfHref, isSignedIn } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Su solicitud quedó radicada</h1>
      <p role="status" className="card">
        Número de radicado: <strong>{receipt.radicado}</strong>. Guárdelo para consultar el estado de su solicitud.
      </p>
      <dl className="facts card">
        <dt>Recibida</dt>
        <dd><InstantText value={receipt.receivedAt} withTime /></dd>
        <dt>Fecha de radicación</dt>
        <dd><DateText value={receipt.filedOn} /></dd>
        <dt>Respuesta a más tardar</dt>
        <dd><DateText value={receipt.dueOn} /> (15 días hábiles, Ley 142 art. 158)</dd>
        <dt>Tipo</dt>
        <dd>{receipt.typeName}</dd>
        <dt>Motivo</dt>
        <dd>{receipt.causalName ?? 'No indicado'}</dd>
        <dt>Canal</dt>
        <dd>{CHANNEL_LABELS[receipt.channel]}</dd>
        <dt>Asunto</dt>
        <dd>{receipt.subject}</dd>
        {receipt.disputedTotal ? (
          <>
            <dt>Valor en reclamo</dt>
            <dd><Money value={receipt.disputedTotal} /> (no se cobra mientras se resuelve; el resto de la factura sí)</dd>
          </>
        ) : null}
        {receipt.attachments.length ? (
          <>
            <dt>Anexos</dt>
            <dd>{receipt.attachments.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {receipt.extemporaneous ? (
        <p className="card">
          Al menos una de las facturas reclamadas fue expedida hace más de cinco meses; la ley no admite reclamo contra
          ella (Ley 142 art. 154). Su solicitud quedó recibida y será evaluada.
        </p>
      ) : null}
      <p>
        <a className="button" href={pdfHref} download>
          Descargar la constancia (PDF)
        </a>
      </p>
      <p>
        {isSignedIn ? <Link to="/mi-cuenta/pqr">Ver mis PQR</Link> : <Link to="/pqr/consulta">Consultar el estado de una solicitud</Link>}
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <><h1>Constancia no encontrada</h1><p>Revise el enlace que recibió por correo o consulte su solicitud con el radicado.</p></> }} />
}
