import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can, type Permission } from '~/auth/permissions'
import { db } from '~/db.server'
import { assignCase, autoAssignCase, takeCase } from '~/pqr/assign.server'
import { addCaseNote } from '~/pqr/case-page-notes.server'
import { isCaseVisible, loadCasePage } from '~/pqr/case-page.server'
import { queueFilterOptions } from '~/pqr/queue.server'
import { CHANNEL_LABELS, STATE_LABELS } from '~/pqr/status'
import { orderVisit, recordVisitResult } from '~/pqr/work-orders.server'
import { CASE_WORK_ORDER_KINDS, WORK_ORDER_LABELS, WORK_ORDER_STATUS_LABELS } from '~/pqr/work-orders'
import { CaseBilling } from '~/ui/case-billing'
import { CaseAssignment, OrderVisitForm, VisitResultForm } from '~/ui/case-work-forms'
import { CaseAttachments, CaseTimeline } from '~/ui/case-timeline'
import { DateText, InstantText } from '~/ui/date'
import { NotificationSteps } from '~/ui/notification-step-forms'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'
import { AlertMessage } from '~/ui/alert-message'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Escriba la fecha como aaaa-mm-dd.')
const ActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('note'),
    body: z.string().trim().min(3, 'Escriba la nota.').max(4000),
    internal: z.preprocess((v) => v === 'on', z.boolean()),
  }),
  z.object({ intent: z.literal('take') }),
  z.object({ intent: z.literal('assign'), assigneeId: z.uuid('Elija a quién asignar el caso.') }),
  z.object({ intent: z.literal('auto_assign') }),
  z.object({
    intent: z.literal('order_visit'),
    kind: z.enum(CASE_WORK_ORDER_KINDS, { error: 'Elija el tipo de visita o prueba.' }),
    reason: z.string().trim().min(5, 'Explique qué debe verificarse.').max(1000),
    scheduledOn: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
  }),
  z.object({
    intent: z.literal('visit_result'),
    workOrderId: z.uuid(),
    visitedOn: isoDate,
    findings: z.string().trim().min(5, 'Describa lo encontrado.').max(4000),
    meterReading: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int('La lectura es un número entero.').min(0).optional(),
    ),
    meterOk: z.preprocess(
      (v) => (v === 'si' ? true : v === 'no' ? false : undefined),
      z.boolean().optional(),
    ),
  }),
])
const PERMISSION: Record<z.infer<typeof ActionSchema>['intent'], Permission> = {
  note: 'pqr:work',
  take: 'pqr:work',
  assign: 'pqr:assign',
  auto_assign: 'pqr:assign',
  order_visit: 'pqr:work',
  visit_result: 'pqr:work',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:read')
  const caseId = z.uuid().safeParse(params.caseId)
  if (!caseId.success) notFound('No encontramos el caso.')
  const page = await loadCasePage(db, caseId.data, { id: user.id, serviceAreaId: user.serviceAreaId })
  if (!page) notFound('No encontramos el caso.')
  const agents = can(user, 'pqr:assign')
    ? (await queueFilterOptions(db, { id: user.id, serviceAreaId: user.serviceAreaId })).agents
    : []
  return {
    ...page,
    agents,
    me: user.id,
    can: { work: can(user, 'pqr:work'), assign: can(user, 'pqr:assign'), decide: can(user, 'pqr:decide') },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pqr:work')
  const caseId = z.uuid().safeParse(params.caseId)
  if (!caseId.success) notFound('No encontramos el caso.')
  if (!(await isCaseVisible(db, caseId.data, user.serviceAreaId))) notFound('No encontramos el caso.')
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return data(
      { intent: 'invalid', message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' },
      { status: 400 },
    )
  const input = parsed.data
  if (!can(user, PERMISSION[input.intent]))
    return data({ intent: input.intent, message: 'No tiene permiso para esta acción.' }, { status: 403 })
  const id = caseId.data
  const actor = { id: user.id }
  const outcome = await (() => {
    switch (input.intent) {
      case 'note':
        return addCaseNote({ caseId: id, body: input.body, internal: input.internal, actor })
      case 'take':
        return takeCase({ caseId: id, actor })
      case 'assign':
        return assignCase({ caseId: id, assigneeId: input.assigneeId, actor })
      case 'auto_assign':
        return autoAssignCase({ caseId: id, actor: { kind: 'user', userId: user.id } })
      case 'order_visit':
        return orderVisit({
          caseId: id,
          kind: input.kind,
          reason: input.reason,
          scheduledOn: input.scheduledOn,
          actor,
        })
      case 'visit_result':
        return recordVisitResult({
          caseId: id,
          workOrderId: input.workOrderId,
          visitedOn: input.visitedOn,
          findings: input.findings,
          meterReading: input.meterReading,
          meterOk: input.meterOk,
          actor,
        })
    }
  })()
  if (!outcome.ok) return data({ intent: input.intent, message: outcome.error.message }, { status: 409 })
  return redirect(`/gestion/casos/${id}`)
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `Caso ${d?.case.radicado ?? ''} · Gestión` },
]

export default function CaseDetailRoute() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const c = d.case
  const isMine = c.assignedTo === d.me
  const openOrders = d.workOrders.filter((o) => o.status === 'open' || o.status === 'scheduled')
  return (
    <>
      <p>
        <Link to="/gestion/casos">← Cola de casos</Link>
      </p>
      <h1>Caso {c.radicado}</h1>
      <p>
        <strong>{STATE_LABELS[c.state]}</strong> · {c.typeName}
        {c.causalName ? ` · ${c.causalName}` : ''}
        {c.extemporaneous ? (
          <>
            {' '}
            · <span className="badge badge-danger">Extemporáneo (más de 5 meses, art. 154)</span>
          </>
        ) : null}
        {c.silencioRisk ? (
          <>
            {' '}
            · <span className="badge badge-danger">Riesgo de silencio positivo</span>
          </>
        ) : null}
      </p>
      <AlertMessage message={result?.message} />
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">Datos del caso</h2>
        <dl className="facts">
          <dt>Radicado el</dt>
          <dd>
            <InstantText value={c.receivedAt} withTime /> (
            {CHANNEL_LABELS[c.channel as keyof typeof CHANNEL_LABELS] ?? c.channel})
          </dd>
          <dt>Vence (respuesta)</dt>
          <dd>
            <DateText value={c.dueOn} />
          </dd>
          {c.nextStepDueOn ? (
            <>
              <dt>Próximo plazo</dt>
              <dd>
                <DateText value={c.nextStepDueOn} />
              </dd>
            </>
          ) : null}
          {c.recursoUntil ? (
            <>
              <dt>Recursos hasta</dt>
              <dd>
                <DateText value={c.recursoUntil} />
              </dd>
            </>
          ) : null}
          <dt>Solicitante</dt>
          <dd>
            {c.filerName} · {c.filerDocument}
          </dd>
          <dt>Contacto</dt>
          <dd>{[c.filerEmail, c.filerPhone, c.filerAddress].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>Notificación electrónica</dt>
          <dd>{c.consent ? 'Autorizada' : 'No autorizada'}</dd>
          {c.disputedAmount ? (
            <>
              <dt>Valor en reclamo</dt>
              <dd>
                <Money value={c.disputedAmount} />
              </dd>
            </>
          ) : null}
          <dt>Área</dt>
          <dd>{c.areaName ?? '—'}</dd>
          <dt>Asignado a</dt>
          <dd>{c.assignedName ?? 'Sin asignar'}</dd>
        </dl>
        <h3>{c.subject}</h3>
        <p className="timeline-body" style={{ whiteSpace: 'pre-line' }}>
          {c.description}
        </p>
        <p className="actions">
          {d.can.decide ? (
            <Link className="button" to={`/gestion/casos/${c.id}/decision`}>
              Decisión
            </Link>
          ) : null}{' '}
          <Link className="button" to={`/gestion/casos/${c.id}/notificacion`}>
            Notificación
          </Link>{' '}
          {d.can.work ? (
            <Link to={`/gestion/casos/${c.id}/prorroga`}>Ampliación del término (art. 158)</Link>
          ) : null}
        </p>
      </section>
      <CaseAssignment
        can={d.can}
        assignedTo={c.assignedTo}
        assignedName={c.assignedName}
        isMine={isMine}
        agents={d.agents}
      />
      {d.steps.length > 0 ? (
        <section className="card" aria-labelledby="steps-title">
          <h2 id="steps-title">Próximo paso de notificación</h2>
          <NotificationSteps steps={d.steps} />
          <Link to={`/gestion/casos/${c.id}/notificacion`}>Registrar un paso de notificación</Link>
        </section>
      ) : null}
      <section className="card" aria-labelledby="orders-title">
        <h2 id="orders-title">Visitas y pruebas</h2>
        {d.workOrders.length === 0 ? (
          <p>No se han ordenado visitas ni pruebas.</p>
        ) : (
          <ul>
            {d.workOrders.map((o) => (
              <li key={o.id}>
                {WORK_ORDER_LABELS[o.kind] ?? o.kind} · {WORK_ORDER_STATUS_LABELS[o.status] ?? o.status}
                {o.scheduledOn ? (
                  <>
                    {' '}
                    · <DateText value={o.scheduledOn} />
                  </>
                ) : null}{' '}
                · {o.reason}
                {o.result ? (
                  <>
                    {' '}
                    · <em>{String((o.result as { findings?: string }).findings ?? '')}</em>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {d.can.work && c.accountId ? <OrderVisitForm /> : null}
        {d.can.work
          ? openOrders.map((o) => (
              <VisitResultForm
                key={o.id}
                id={o.id}
                label={WORK_ORDER_LABELS[o.kind] ?? o.kind}
                today={d.today}
              />
            ))
          : null}
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Historia del caso</h2>
        <CaseTimeline events={d.events} />
        {d.can.work ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="note" />
            <div className="field">
              <label htmlFor="note-body">Nueva nota</label>
              <textarea id="note-body" name="body" rows={3} required minLength={3} />
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="internal" defaultChecked /> Nota interna (el solicitante no la
                ve)
              </label>
            </div>
            <button type="submit" className="button">
              Agregar nota
            </button>
          </Form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="files-title">
        <h2 id="files-title">Documentos</h2>
        <CaseAttachments caseId={c.id} attachments={d.attachments} />
      </section>
      {d.billing ? <CaseBilling billing={d.billing} /> : null}
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: () => (
          <>
            <h1>Caso no encontrado</h1>
            <p>No encontramos el caso, o no es de su área de prestación.</p>
          </>
        ),
      }}
    />
  )
}
