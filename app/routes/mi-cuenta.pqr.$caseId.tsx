import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { todayInBogota } from '~/calendar/business-days'
import { db } from '~/db.server'
import { describeNextStep } from '~/pqr/next-step'
import { eventLabel, STATE_LABELS } from '~/pqr/status'
import { getMyCase } from '~/pqr/subscriber-queries.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const id = z.uuid().safeParse(params.caseId)
  const found = id.success ? await getMyCase(db, { userId: user.id, accountIds }, id.data) : null
  if (!found) notFound('No encontramos esa solicitud entre las suyas.')
  const today = todayInBogota(new Date())
  return {
    c: {
      ...found,
      events: found.events.map((e) => ({ id: e.id, label: eventLabel(e.kind), body: e.body, toState: e.toState, occurredAt: e.occurredAt.toISOString() })),
      decision: found.decision ? { ...found.decision, issuedAt: found.decision.issuedAt?.toISOString() ?? null } : null,
    },
    nextStep: describeNextStep({ state: found.state, dueOn: found.dueOn, recursoUntil: found.recursoUntil, today }),
    canFileRecurso: Boolean(found.recursoUntil && today <= found.recursoUntil),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `PQR ${data?.c.radicado ?? ''} · Aguas de la Sabana` }]

export default function MyCaseRoute() {
  const { c, nextStep, canFileRecurso } = useLoaderData<typeof loader>()
  return (
    <>
      <p><Link to="/mi-cuenta/pqr">← Mis PQR</Link></p>
      <h1>Solicitud {c.radicado}</h1>
      <p role="status" className="card">{nextStep}</p>
      <dl className="facts card">
        <dt>Estado</dt>
        <dd>{STATE_LABELS[c.state]}</dd>
        <dt>Tipo</dt>
        <dd>{c.typeName}</dd>
        <dt>Asunto</dt>
        <dd>{c.subject}</dd>
        <dt>Radicada</dt>
        <dd><DateText value={c.filedOn} /></dd>
        <dt>Respuesta a más tardar</dt>
        <dd><DateText value={c.dueOn} /></dd>
        {c.recursoUntil ? (
          <>
            <dt>Puede presentar recursos hasta</dt>
            <dd><DateText value={c.recursoUntil} /></dd>
          </>
        ) : null}
        {c.accountNumber ? (
          <>
            <dt>Cuenta</dt>
            <dd>{c.accountNumber}</dd>
          </>
        ) : null}
        <dt>Notificación electrónica</dt>
        <dd>{c.electronicNotificationConsent ? 'Autorizada' : 'No autorizada'}</dd>
      </dl>
      {c.claims.length ? (
        <section className="card" aria-labelledby="facturas">
          <h2 id="facturas">Facturas en reclamo</h2>
          <ul>
            {c.claims.map((cl) => (
              <li key={`${cl.invoiceNumber}`}>
                Factura No. {cl.invoiceNumber} del <DateText value={cl.issueOn} />: <Money value={cl.disputedAmount} /> en reclamo
              </li>
            ))}
          </ul>
          <p className="field-help">El valor en reclamo no se cobra mientras se resuelve; el resto de la factura sí (Ley 142 art. 155).</p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="documentos">
        <h2 id="documentos">Documentos</h2>
        <ul>
          <li><a href={`/pqr/constancia/${c.id}/pdf`} download>Constancia de radicación (PDF)</a></li>
          {c.files.map((f) => (
            <li key={f.id}><a href={`/archivos/${f.id}`} download>{f.name}</a></li>
          ))}
          {c.decision ? (
            <li>
              <a href={`/mi-cuenta/pqr/${c.id}/decision`}>Decisión {c.decision.outgoingRadicado ?? ''}</a>
              {canFileRecurso ? ' · Puede presentar recurso de reposición y, en subsidio, de apelación dentro del plazo indicado.' : null}
            </li>
          ) : null}
        </ul>
      </section>
      <section aria-labelledby="historial">
        <h2 id="historial">Historial</h2>
        <ol className="card">
          {c.events.map((e) => (
            <li key={e.id}>
              <InstantText value={e.occurredAt} withTime /> · <strong>{e.label}</strong>
              {e.toState ? ` · ${STATE_LABELS[e.toState]}` : ''}
              {e.body ? <p>{e.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/mi-cuenta/pqr" statusHandlers={{ 404: () => <><h1>Solicitud no encontrada</h1><p>No encontramos esa solicitud entre las suyas.</p></> }} />
}
