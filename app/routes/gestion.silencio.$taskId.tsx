import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { SilencioAnswerSchema } from '~/pqr/silencio'
import { recogniseSilencio, recordSilencioNotApplicable } from '~/pqr/silencio-recognition.server'
import type { SilencioTaskPayload } from '~/pqr/silencio.server'
import { findTask, taskSummary } from '~/pqr/tasks-queries.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { TaskResolution, useChoiceForm } from '~/ui/pqr-task-detail'
import { notFound } from '~/utils/errors'

const OUTCOME_LABELS: Record<string, string> = {
  recognised: 'Silencio reconocido y efecto aplicado',
  not_applicable: 'Se dejó constancia de que no procede',
}

async function loadTask(
  request: Request,
  params: Record<string, string | undefined>,
  permission: 'pqr:read' | 'legal:act',
) {
  const user = await requireStaff(request, permission)
  const task = await findTask(db, 'silencio_recognition', params.taskId, { areaId: user.serviceAreaId })
  if (!task) notFound('La tarea de reconocimiento no existe.')
  return { user, task }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, task } = await loadTask(request, params, 'pqr:read')
  const payload = task.payload as SilencioTaskPayload
  return {
    canAct: can(user, 'legal:act') && task.status === 'open',
    task: {
      ...taskSummary(task, OUTCOME_LABELS),
      dueAt: task.dueAt?.toISOString() ?? null,
      typeName: task.typeName,
      filedOn: task.filedOn,
      dueOn: payload.dueOn,
      filerName: task.filerName,
      areaName: task.areaName,
    },
    proposal: payload.proposal,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, task } = await loadTask(request, params, 'legal:act')
  const submission = parseWithZod(await request.formData(), { schema: SilencioAnswerSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const value = submission.value
  const outcome =
    value.intent === 'recognise'
      ? await recogniseSilencio({ taskId: task.id, note: value.note ?? null }, { userId: user.id })
      : await recordSilencioNotApplicable({ taskId: task.id, reason: value.reason }, { userId: user.id })
  if (!outcome.ok)
    return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 409 })
  return redirect(`/gestion/silencio/${task.id}`)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Silencio positivo ${data?.task.radicado ?? ''} · Gestión` },
]

export default function SilencioTaskRoute() {
  const { task, proposal, canAct } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()?.result
  const effect = proposal.effect
  return (
    <>
      <p>
        <Link to="/gestion/silencio">← Tareas de silencio positivo</Link>
      </p>
      <h1>Silencio administrativo positivo: {task.radicado}</h1>
      <dl className="facts card">
        <dt>Caso</dt>
        <dd>
          <Link to={`/gestion/casos/${task.caseId}`}>{task.radicado}</Link> · {task.typeName} · {task.subject}
        </dd>
        <dt>Usuario</dt>
        <dd>{task.filerName}</dd>
        <dt>Radicado el</dt>
        <dd>
          <DateText value={task.filedOn} />
        </dd>
        <dt>Término venció</dt>
        <dd>
          <DateText value={task.dueOn} /> (sin decisión expedida)
        </dd>
        <dt>Reconocer antes de</dt>
        <dd>{task.dueAt ? <InstantText value={task.dueAt} withTime /> : '—'} (72 horas, Ley 142 art. 158)</dd>
        <dt>Estado del caso</dt>
        <dd>{task.stateLabel}</dd>
        <dt>Área</dt>
        <dd>{task.areaName ?? '—'}</dd>
      </dl>
      <section className="card" aria-labelledby="propuesta">
        <h2 id="propuesta">Efecto propuesto</h2>
        <p>{proposal.summary}</p>
        {effect.kind === 'credit' ? (
          <ul>
            {effect.invoices.map((i) => (
              <li key={i.invoiceId}>
                Nota crédito de <Money value={i.amount} /> a la factura en reclamo
                {i.holdId ? ' (se libera el valor retenido como abono)' : ''}.
              </li>
            ))}
            <li>
              Total: <Money value={effect.total} />
            </li>
          </ul>
        ) : (
          <p>No hay valores en reclamo: se reconoce lo pedido y se expide la decisión que lo reconoce.</p>
        )}
      </section>
      {task.status !== 'open' ? (
        <TaskResolution {...task} />
      ) : canAct ? (
        <AnswerForms result={result} />
      ) : (
        <p className="note">
          Solo el área jurídica confirma el reconocimiento o registra por qué no procede.
        </p>
      )}
    </>
  )
}

function AnswerForms({ result }: { result?: SubmissionResult<string[]> }) {
  const isPending = useIsPending()
  const intent = (result?.initialValue as { intent?: string } | undefined)?.intent
  const recogniseSchema = SilencioAnswerSchema.options[0]
  const rejectSchema = SilencioAnswerSchema.options[1]
  const [recognise, rf] = useChoiceForm('reconocer', recogniseSchema, result, intent === 'recognise')
  const [reject, jf] = useChoiceForm('no-procede', rejectSchema, result, intent === 'not_applicable')
  return (
    <>
      <Form method="post" className="form card" {...getFormProps(recognise)}>
        <h2>Reconocer el silencio positivo</h2>
        <ErrorList id={recognise.errorId} errors={recognise.errors} />
        <input type="hidden" name="intent" value="recognise" />
        <div className="field">
          <label htmlFor={rf.note.id}>Observación (opcional)</label>
          <textarea {...getTextareaProps(rf.note)} rows={3} />
          <ErrorList id={rf.note.errorId} errors={rf.note.errors} />
        </div>
        <div className="field">
          <label>
            <input {...getInputProps(rf.confirm, { type: 'checkbox', value: 'si' })} /> Confirmo el
            reconocimiento: se aplica el efecto propuesto y se avisa al usuario. No se puede deshacer.
          </label>
          <ErrorList id={rf.confirm.errorId} errors={rf.confirm.errors} />
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Aplicando…">
          Reconocer y aplicar
        </StatusButton>
      </Form>
      <Form method="post" className="form card" {...getFormProps(reject)}>
        <h2>No procede el silencio positivo</h2>
        <p>
          Por ejemplo, una solicitud jurídicamente imposible (servicio gratuito, exención de la contribución).
        </p>
        <ErrorList id={reject.errorId} errors={reject.errors} />
        <input type="hidden" name="intent" value="not_applicable" />
        <div className="field">
          <label htmlFor={jf.reason.id}>Por qué no procede</label>
          <textarea {...getTextareaProps(jf.reason)} rows={4} />
          <ErrorList id={jf.reason.errorId} errors={jf.reason.errors} />
        </div>
        <StatusButton
          type="submit"
          status={isPending ? 'pending' : 'idle'}
          className="button-secondary"
          pendingLabel="Guardando…"
        >
          Dejar constancia
        </StatusButton>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/gestion"
      statusHandlers={{ 404: () => <p>La tarea de reconocimiento no existe.</p> }}
    />
  )
}
