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
import { db } from '~/db.server'
import { DecideExtensionSchema, EXTENSION_REASON_LABELS, type ExtensionRequestPayload } from '~/pqr/extension'
import { decideExtension } from '~/pqr/extension.server'
import { findTask, taskSummary } from '~/pqr/tasks-queries.server'
import { DateText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { TaskResolution, useChoiceForm } from '~/ui/pqr-task-detail'
import { notFound } from '~/utils/errors'

const OUTCOME_LABELS: Record<string, string> = {
  approved: 'Ampliación aprobada',
  denied: 'Ampliación negada',
}

async function loadTask(request: Request, params: Record<string, string | undefined>) {
  const user = await requireStaff(request, 'pqr:approve')
  const task = await findTask(db, 'extension_approval', params.taskId, { areaId: user.serviceAreaId })
  if (!task) notFound('La solicitud de ampliación no existe.')
  return { user, task }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, task } = await loadTask(request, params)
  const p = task.payload as ExtensionRequestPayload
  return {
    isOwnRequest: p.requestedBy === user.id,
    task: {
      ...taskSummary(task, OUTCOME_LABELS),
      dueOn: task.caseDueOn,
      reason: EXTENSION_REASON_LABELS[p.reason],
      businessDays: p.businessDays,
      justification: p.justification,
      requestedByName: p.requestedByName,
      requestedOn: p.requestedOn,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, task } = await loadTask(request, params)
  const submission = parseWithZod(await request.formData(), { schema: DecideExtensionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await decideExtension(
    { taskId: task.id, decision: submission.value },
    { id: user.id, fullName: user.fullName, serviceAreaId: user.serviceAreaId },
  )
  if (!outcome.ok)
    return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 409 })
  return redirect(`/gestion/tareas-pqr/${task.id}`)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ampliación ${data?.task.radicado ?? ''} · Gestión` },
]

export default function DecideExtensionRoute() {
  const { task, isOwnRequest } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()?.result
  return (
    <>
      <p>
        <Link to="/gestion/tareas-pqr">← Ampliaciones por aprobar</Link>
      </p>
      <h1>Ampliación del término: {task.radicado}</h1>
      <dl className="facts card">
        <dt>Caso</dt>
        <dd>
          <Link to={`/gestion/casos/${task.caseId}`}>{task.radicado}</Link> · {task.subject} (
          {task.stateLabel})
        </dd>
        <dt>Vence</dt>
        <dd>
          <DateText value={task.dueOn} />
        </dd>
        <dt>Motivo</dt>
        <dd>{task.reason}</dd>
        <dt>Ampliación pedida</dt>
        <dd>{task.businessDays} días hábiles</dd>
        <dt>Justificación</dt>
        <dd>{task.justification}</dd>
        <dt>Solicitó</dt>
        <dd>
          {task.requestedByName}, <DateText value={task.requestedOn} />
        </dd>
      </dl>
      {task.status !== 'open' ? (
        <TaskResolution {...task} />
      ) : isOwnRequest ? (
        <p className="note">Usted hizo esta solicitud: debe decidirla otra persona de la coordinación.</p>
      ) : (
        <DecisionForms result={result} />
      )}
    </>
  )
}

function DecisionForms({ result }: { result?: SubmissionResult<string[]> }) {
  const isPending = useIsPending()
  const decision = (result?.initialValue as { decision?: string } | undefined)?.decision
  const [approveSchema, denySchema] = DecideExtensionSchema.options
  const [approve, af] = useChoiceForm('aprobar', approveSchema, result, decision === 'approve')
  const [deny, df] = useChoiceForm('negar', denySchema, result, decision === 'deny')
  return (
    <>
      <Form method="post" className="form card" {...getFormProps(approve)}>
        <h2>Aprobar</h2>
        <ErrorList id={approve.errorId} errors={approve.errors} />
        <input type="hidden" name="decision" value="approve" />
        <div className="field">
          <label>
            <input {...getInputProps(af.confirm, { type: 'checkbox', value: 'si' })} /> Apruebo la ampliación:
            se recalcula el vencimiento y se avisa al usuario del motivo y de la nueva fecha.
          </label>
          <ErrorList id={af.confirm.errorId} errors={af.confirm.errors} />
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Aprobando…">
          Aprobar la ampliación
        </StatusButton>
      </Form>
      <Form method="post" className="form card" {...getFormProps(deny)}>
        <h2>Negar</h2>
        <ErrorList id={deny.errorId} errors={deny.errors} />
        <input type="hidden" name="decision" value="deny" />
        <div className="field">
          <label htmlFor={df.note.id}>Por qué se niega</label>
          <textarea {...getTextareaProps(df.note)} rows={3} />
          <ErrorList id={df.note.errorId} errors={df.note.errors} />
        </div>
        <StatusButton
          type="submit"
          status={isPending ? 'pending' : 'idle'}
          className="button-secondary"
          pendingLabel="Guardando…"
        >
          Negar la ampliación
        </StatusButton>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/gestion"
      statusHandlers={{ 404: () => <p>La solicitud de ampliación no existe.</p> }}
    />
  )
}
