import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { isCaseVisible, loadCasePage } from '~/pqr/case-page.server'
import { NOTIFICATION_KIND_LABELS } from '~/pqr/notify-labels'
import {
  publishNotice,
  recordAvisoOutcome,
  recordAvisoSent,
  recordPersonalNotification,
  recordPostalCitation,
} from '~/pqr/notify.server'
import { STATE_LABELS } from '~/pqr/status'
import { DateText, InstantText } from '~/ui/date'
import { NotificationSteps } from '~/ui/notification-step-forms'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { DateField, StepForm, TextField } from '~/ui/notification-step-forms'
import { notFound } from '~/utils/errors'
import { AlertMessage } from '~/ui/alert-message'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Escriba la fecha como aaaa-mm-dd.')
const text = (min: number, message: string) => z.string().trim().min(min, message).max(500)
const ActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('cite_post'),
    sentOn: date,
    address: text(5, 'Escriba la dirección.'),
    courier: z.string().trim().max(100).optional(),
    guideNumber: z.string().trim().max(60).optional(),
  }),
  z.object({
    intent: z.literal('personal'),
    personName: text(3, 'Escriba el nombre de quien se notifica.'),
    personDocument: text(4, 'Escriba su documento.'),
    capacity: z.enum(['titular', 'apoderado', 'autorizado'], { error: 'Elija en qué calidad se notifica.' }),
    notifiedOn: date,
    notifiedTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Escriba la hora como HH:MM.'),
  }),
  z.object({
    intent: z.literal('aviso_sent'),
    sentOn: date,
    address: text(5, 'Escriba la dirección.'),
    courier: text(2, 'Escriba la empresa de mensajería.'),
    guideNumber: text(2, 'Escriba el número de guía.'),
  }),
  z.object({
    intent: z.literal('aviso_outcome'),
    notificationId: z.uuid(),
    outcome: z.enum(['entregado', 'devuelto'], { error: 'Elija si fue entregado o devuelto.' }),
    on: date,
    reason: z.string().trim().max(300).optional(),
  }),
  z.object({
    intent: z.literal('publish'),
    reason: text(5, 'Explique por qué se publica (sin dirección, aviso devuelto…).'),
  }),
])

async function caseFor(caseIdParam: string | undefined, user: { id: string; serviceAreaId: string | null }) {
  const caseId = z.uuid().safeParse(caseIdParam)
  if (!caseId.success) notFound('No encontramos el caso.')
  const page = await loadCasePage(db, caseId.data, user)
  if (!page) notFound('No encontramos el caso.')
  return page
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:read')
  const page = await caseFor(params.caseId, user)
  return {
    case: page.case,
    notifications: page.notifications,
    steps: page.steps,
    today: page.today,
    canWork: can(user, 'pqr:work'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pqr:work')
  const id = z.uuid().safeParse(params.caseId)
  if (!id.success || !(await isCaseVisible(db, id.data, user.serviceAreaId)))
    notFound('No encontramos el caso.')
  const c = { id: id.data }
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const v = parsed.data
  const actor = { id: user.id }
  const outcome = await (() => {
    switch (v.intent) {
      case 'cite_post':
        return recordPostalCitation({
          caseId: c.id,
          sentOn: v.sentOn,
          address: v.address,
          courier: v.courier || null,
          guideNumber: v.guideNumber || null,
          actor,
        })
      case 'personal':
        return recordPersonalNotification({
          caseId: c.id,
          personName: v.personName,
          personDocument: v.personDocument,
          capacity: v.capacity,
          notifiedAt: new Date(`${v.notifiedOn}T${v.notifiedTime}:00-05:00`),
          actor,
        })
      case 'aviso_sent':
        return recordAvisoSent({
          caseId: c.id,
          sentOn: v.sentOn,
          address: v.address,
          courier: v.courier,
          guideNumber: v.guideNumber,
          actor,
        })
      case 'aviso_outcome':
        return recordAvisoOutcome({
          caseId: c.id,
          notificationId: v.notificationId,
          outcome:
            v.outcome === 'entregado'
              ? { delivered: true, on: v.on }
              : { delivered: false, on: v.on, reason: v.reason || 'Devuelto por la empresa de mensajería' },
          actor,
        })
      case 'publish':
        return publishNotice({ caseId: c.id, reason: v.reason, actor })
    }
  })()
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  return redirect(`/gestion/casos/${c.id}/notificacion`)
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Notificación del caso ${d?.case.radicado ?? ''} · Gestión` },
]

export default function CaseNotificationRoute() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const c = d.case
  const pendingAvisos = d.notifications.filter(
    (n) => n.kind === 'aviso' && !n.deliveredOn && !n.returned && n.guideNumber,
  )
  const address = c.filerAddress ?? ''
  return (
    <>
      <p>
        <Link to={`/gestion/casos/${c.id}`}>← Caso {c.radicado}</Link>
      </p>
      <h1>Notificación de la decisión · {c.radicado}</h1>
      <p>
        {STATE_LABELS[c.state]}
        {c.nextStepDueOn ? (
          <>
            {' '}
            · próximo plazo <DateText value={c.nextStepDueOn} />
          </>
        ) : null}
        {c.recursoUntil ? (
          <>
            {' '}
            · recursos hasta <DateText value={c.recursoUntil} />
          </>
        ) : null}
      </p>
      <AlertMessage message={result?.message} />
      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">Qué sigue</h2>
        {d.steps.length === 0 ? (
          <p>No hay pasos de notificación pendientes en este estado.</p>
        ) : (
          <NotificationSteps steps={d.steps} />
        )}
      </section>
      <section className="card" aria-labelledby="evidence-title">
        <h2 id="evidence-title">Constancias de notificación</h2>
        {d.notifications.length === 0 ? (
          <p>Aún no hay constancias.</p>
        ) : (
          <ul>
            {d.notifications.map((n) => (
              <li key={n.id}>
                <strong>{NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}</strong>
                {n.sentAt ? (
                  <>
                    {' '}
                    · enviada <InstantText value={n.sentAt} withTime />
                  </>
                ) : null}
                {n.openedAt ? (
                  <>
                    {' '}
                    · abierta <InstantText value={n.openedAt} withTime /> desde{' '}
                    {String((n.evidence as { ip?: string } | null)?.ip ?? '—')}
                  </>
                ) : null}
                {n.courier ? <> · {n.courier}</> : null}
                {n.guideNumber ? <> guía {n.guideNumber}</> : null}
                {n.deliveredOn ? (
                  <>
                    {' '}
                    · entregada <DateText value={n.deliveredOn} />
                  </>
                ) : null}
                {n.returned ? (
                  <>
                    {' '}
                    · <span className="badge badge-danger">Devuelta</span>
                  </>
                ) : null}
                {n.publishedFrom && n.publishedUntil ? (
                  <>
                    {' '}
                    · publicada del <DateText value={n.publishedFrom} /> al{' '}
                    <DateText value={n.publishedUntil} />
                  </>
                ) : null}
                {n.effectiveOn ? (
                  <>
                    {' '}
                    · surtida con efecto <DateText value={n.effectiveOn} />
                  </>
                ) : null}
                {n.recordedByName ? <> · registró {n.recordedByName}</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {d.canWork && (c.state === 'decidida' || c.state === 'citada') ? (
        <>
          {c.state === 'decidida' ? (
            <StepForm intent="cite_post" title="Citación enviada por correo postal (CPACA art. 68)">
              <DateField name="sentOn" label="Fecha de envío" max={d.today} />
              <TextField name="address" label="Dirección" defaultValue={address} />
              <TextField name="courier" label="Empresa de mensajería (opcional)" required={false} />
              <TextField name="guideNumber" label="Número de guía (opcional)" required={false} />
            </StepForm>
          ) : null}
          <StepForm intent="personal" title="Notificación personal en oficina (CPACA art. 67)">
            <TextField name="personName" label="Nombre de quien se notifica" defaultValue={c.filerName} />
            <TextField name="personDocument" label="Documento" defaultValue={c.filerDocument} />
            <div className="field">
              <label htmlFor="personal-capacity">Calidad</label>
              <select id="personal-capacity" name="capacity">
                <option value="titular">Titular</option>
                <option value="apoderado">Apoderado</option>
                <option value="autorizado">Autorizado</option>
              </select>
            </div>
            <DateField name="notifiedOn" label="Fecha" max={d.today} />
            <div className="field">
              <label htmlFor="personal-time">Hora (HH:MM)</label>
              <input id="personal-time" name="notifiedTime" type="time" required />
            </div>
            <p>
              Entregue copia íntegra y gratuita de la decisión, con los recursos, sus plazos y ante quién se
              presentan.
            </p>
          </StepForm>
          {c.state === 'citada' ? (
            <StepForm intent="aviso_sent" title="Aviso enviado con copia de la decisión (CPACA art. 69)">
              <DateField name="sentOn" label="Fecha de envío" max={d.today} />
              <TextField name="address" label="Dirección" defaultValue={address} />
              <TextField name="courier" label="Empresa de mensajería" />
              <TextField name="guideNumber" label="Número de guía" />
            </StepForm>
          ) : null}
          {pendingAvisos.map((a) => (
            <StepForm key={a.id} intent="aviso_outcome" title={`Resultado del aviso, guía ${a.guideNumber}`}>
              <input type="hidden" name="notificationId" value={a.id} />
              <div className="field">
                <label htmlFor={`outcome-${a.id}`}>Resultado</label>
                <select id={`outcome-${a.id}`} name="outcome">
                  <option value="entregado">Entregado</option>
                  <option value="devuelto">Devuelto</option>
                </select>
              </div>
              <DateField name="on" label="Fecha de entrega o devolución" max={d.today} />
              <TextField name="reason" label="Causal de devolución (si fue devuelto)" required={false} />
            </StepForm>
          ))}
          <StepForm intent="publish" title="Publicar el aviso en la página web (sin dirección útil)">
            <TextField
              name="reason"
              label="Motivo"
              defaultValue={
                c.filerAddress ? 'Aviso devuelto por la empresa de mensajería' : 'Sin dirección conocida'
              }
            />
          </StepForm>
        </>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
