import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { reviewFlaggedAttempt } from '~/payments/flag-review.server'
import { getFlaggedAttempt } from '~/payments/flagged-queries.server'
import { ATTEMPT_STATUS_LABELS, GATEWAY_EVENT_OUTCOME_LABELS, ReviewFlagSchema } from '~/payments/flagged-schema'
import { InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

const NOT_FOUND = 'No existe ese intento de pago marcado como sospechoso.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'payments:read')
  const attempt = await getFlaggedAttempt(db, params.attemptId ?? '')
  if (!attempt) notFound(NOT_FOUND)
  return { attempt, canOperate: can(user, 'payments:operate') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'payments:operate')
  const attempt = await getFlaggedAttempt(db, params.attemptId ?? '')
  if (!attempt) notFound(NOT_FOUND)
  const parsed = ReviewFlagSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const outcome = await reviewFlaggedAttempt(db, { attemptId: attempt.id, note: parsed.data.note, userId: user.id, requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  return redirect(`/gestion/pagos/sospechosos/${attempt.id}`)
}

export const meta: MetaFunction = () => [{ title: 'Pago en línea sospechoso · Gestión' }]

export default function FlaggedAttemptRoute() {
  const { attempt, canOperate } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <p>
        <Link to="/gestion/pagos/sospechosos">Pagos en línea sospechosos</Link>
      </p>
      <h1>Intento de pago {attempt.reference}</h1>
      <section className="card" role="note" aria-labelledby="motivo-titulo">
        <h2 id="motivo-titulo">Por qué se marcó</h2>
        <p>{attempt.reason}</p>
        <p>El aviso de la pasarela no se aplicó al saldo de la cuenta. Marcado el <InstantText value={attempt.flaggedAt} withTime />.</p>
      </section>
      <dl className="card">
        <dt>Cuenta</dt>
        <dd>{attempt.accountNumber} · {attempt.holder}</dd>
        <dt>Factura</dt>
        <dd>{attempt.invoiceNumber ? `N.º ${attempt.invoiceNumber} · periodo ${attempt.periodCode ?? '—'}` : 'Abono sin factura'}</dd>
        <dt>Valor del intento</dt>
        <dd><Money value={attempt.amount} /> ({attempt.currency})</dd>
        <dt>Estado del intento</dt>
        <dd>{ATTEMPT_STATUS_LABELS[attempt.status] ?? attempt.status}</dd>
        <dt>Pasarela y transacción</dt>
        <dd>{attempt.gateway === 'wompi' ? 'Wompi' : 'Pasarela de prueba'} · {attempt.transactionId ?? 'sin transacción'}{attempt.paymentMethod ? ` · ${attempt.paymentMethod}` : ''}</dd>
        <dt>Creado</dt>
        <dd><InstantText value={attempt.createdAt} withTime /></dd>
        {attempt.reviewedAt ? (
          <>
            <dt>Revisado</dt>
            <dd>
              {attempt.reviewedBy ?? '—'} · <InstantText value={attempt.reviewedAt} withTime /> · {attempt.reviewNote}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Avisos recibidos de la pasarela ({attempt.events.length})</h2>
      {attempt.events.map((e) => (
        <details key={e.id} className="card">
          <summary>
            <InstantText value={e.receivedAt} withTime /> · {e.eventType ?? 'evento'} · {e.transactionStatus ?? '—'} ·{' '}
            {GATEWAY_EVENT_OUTCOME_LABELS[e.outcome] ?? e.outcome}
            {e.checksumValid ? '' : ' · firma inválida'}
          </summary>
          <p>Transacción {e.transactionId ?? '—'}. {e.detail}</p>
          <pre className="table-scroll" tabIndex={0} aria-label={`Contenido recibido el ${e.receivedAt}`}>{e.raw}</pre>
        </details>
      ))}
      {canOperate && !attempt.reviewedAt ? (
        <Form method="post" className="form card" aria-labelledby="revisar-titulo">
          <h2 id="revisar-titulo">Marcar como revisado</h2>
          <p>Anote qué confirmó con la pasarela y qué se hizo (por ejemplo, el reintegro al pagador o el pago registrado por otro medio).</p>
          <div className="field">
            <label htmlFor="note">Nota de la revisión</label>
            <textarea id="note" name="note" required minLength={10} maxLength={1000} rows={4} aria-describedby={result?.message ? 'note-error' : undefined} />
          </div>
          <ErrorList id="note-error" errors={result?.message ? [result.message] : []} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
            Marcar como revisado
          </StatusButton>
        </Form>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/gestion"
      statusHandlers={{
        404: () => (
          <>
            <h1>Intento no encontrado</h1>
            <p>{NOT_FOUND}</p>
          </>
        ),
      }}
    />
  )
}
