import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { grantConsentNow, listActiveConsents, withdrawConsent } from '~/identity/consents.server'
import { fileDataRightsRequest, listMyDataRightsRequests } from '~/identity/data-rights.server'
import { DateText, InstantText } from '~/ui/date'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { CONSENT_KIND_VALUES as CONSENT_KINDS, DATA_RIGHTS_KIND_VALUES as DATA_RIGHTS_KINDS } from '~/identity/messages'

const CONSENT_LABELS = {
  data_processing: 'Tratamiento de mis datos personales (Ley 1581 de 2012)',
  electronic_notification: 'Notificación por correo electrónico de las decisiones sobre mis solicitudes',
} as const
const KIND_LABELS = { query: 'Consulta', correction: 'Corrección de datos', deletion: 'Supresión de datos' } as const

const ProfileActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('grant'), kind: z.enum(CONSENT_KINDS) }),
  z.object({ intent: z.literal('withdraw'), kind: z.enum(CONSENT_KINDS) }),
  z.object({
    intent: z.literal('data-request'),
    kind: z.enum(DATA_RIGHTS_KINDS, { error: 'Elija el tipo de solicitud.' }),
    description: z.string({ error: 'Describa su solicitud.' }).trim().max(4000, 'Máximo 4.000 caracteres.'),
  }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSubscriber(request)
  const [active, requests] = await Promise.all([listActiveConsents(user.id), listMyDataRightsRequests(user.id)])
  return {
    email: user.email,
    consents: active.map((c) => ({ ...c, grantedAt: c.grantedAt.toISOString() })),
    requests: requests.map((r) => ({ ...r, filedAt: r.filedAt.toISOString() })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSubscriber(request)
  const parsed = ProfileActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? 'Solicitud no válida.' }, { status: 400 })
  const meta = { requestId: context.requestId, ip: context.ip }
  const input = parsed.data
  if (input.intent === 'grant') await grantConsentNow({ userId: user.id, kind: input.kind }, meta)
  if (input.intent === 'withdraw') await withdrawConsent({ userId: user.id, kind: input.kind }, meta)
  if (input.intent === 'data-request') {
    const outcome = await fileDataRightsRequest({ userId: user.id, kind: input.kind, description: input.description }, meta)
    if (!outcome.ok) return data({ error: outcome.error.message }, { status: 400 })
  }
  return redirect('/mi-cuenta/perfil?hecho=1')
}

export const meta: MetaFunction = () => [{ title: 'Mi perfil y mis datos · Aguas de la Sabana' }]

export default function ProfileRoute() {
  const { email, consents, requests } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <h1>Mi perfil y mis datos</h1>
      <p>Correo: {email}</p>
      <p>
        <Link to="/mi-cuenta/vincular">Vincular otra cuenta</Link>
      </p>
      <h2>Autorizaciones</h2>
      <ul className="cards">
        {CONSENT_KINDS.map((kind) => {
          const active = consents.find((c) => c.kind === kind)
          return (
            <li key={kind} className="card">
              <p>
                <strong>{CONSENT_LABELS[kind]}</strong>
              </p>
              {active ? (
                <p>
                  Autorizada el <InstantText value={active.grantedAt} withTime /> (versión {active.policyVersion}).
                </p>
              ) : (
                <p>No autorizada.</p>
              )}
              <Form method="post">
                <input type="hidden" name="kind" value={kind} />
                <button type="submit" name="intent" value={active ? 'withdraw' : 'grant'} className="button">
                  {active ? 'Retirar la autorización' : 'Autorizar'}
                </button>
              </Form>
            </li>
          )
        })}
      </ul>
      <h2>Mis datos personales</h2>
      <p>
        <a href="/mi-cuenta/perfil/datos" download>
          Descargar mis datos (JSON)
        </a>
      </p>
      <Form method="post" className="form card">
        <h3>Hacer una consulta o un reclamo sobre mis datos</h3>
        <ErrorList errors={actionData?.error ? [actionData.error] : undefined} />
        <input type="hidden" name="intent" value="data-request" />
        <div className="field">
          <label htmlFor="data-kind">Tipo de solicitud</label>
          <select id="data-kind" name="kind" required>
            {DATA_RIGHTS_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="data-description">Descripción</label>
          <textarea id="data-description" name="description" rows={4} required minLength={10} />
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Enviando…">
          Enviar la solicitud
        </StatusButton>
      </Form>
      {requests.length > 0 ? (
        <>
          <h3>Mis solicitudes</h3>
          <ul>
            {requests.map((r) => (
              <li key={r.id}>
                {KIND_LABELS[r.kind]} · radicada <InstantText value={r.filedAt} /> · vence <DateText value={r.dueOn} /> ·{' '}
                {r.status === 'pending' ? 'En trámite' : `Respondida: ${r.answer ?? ''}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
