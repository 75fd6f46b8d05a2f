import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
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
import { db } from '~/db.server'
import { EXTENSION_REASON_LABELS, EXTENSION_REASONS, RequestExtensionSchema } from '~/pqr/extension'
import { requestExtension } from '~/pqr/extension.server'
import { isOpenBeforeDecision, STATE_LABELS } from '~/pqr/status'
import { getCaseForExtension } from '~/pqr/tasks-queries.server'
import { getSetting } from '~/settings/read.server'
import { DateText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { notFound } from '~/utils/errors'

const ParamsSchema = z.object({ caseId: z.uuid() })

async function loadCase(request: Request, params: Record<string, string | undefined>) {
  const user = await requireStaff(request, 'pqr:work')
  const parsed = ParamsSchema.safeParse(params)
  const found = parsed.success
    ? await getCaseForExtension(db, parsed.data.caseId, { areaId: user.serviceAreaId })
    : null
  if (!found) notFound('El caso no existe.')
  return { user, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await loadCase(request, params)
  return {
    c: { ...found, stateLabel: STATE_LABELS[found.state], isOpen: isOpenBeforeDecision(found.state) },
    maxBusinessDays: await getSetting('pqr.extension_max_business_days'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found } = await loadCase(request, params)
  const submission = parseWithZod(await request.formData(), { schema: RequestExtensionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await requestExtension(
    { caseId: found.id, ...submission.value },
    { id: user.id, fullName: user.fullName, serviceAreaId: user.serviceAreaId },
  )
  if (!outcome.ok)
    return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 409 })
  return redirect(`/gestion/casos/${found.id}/prorroga`)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ampliar el término ${data?.c.radicado ?? ''} · Gestión` },
]

export default function RequestExtensionRoute() {
  const { c, maxBusinessDays } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'ampliacion',
    constraint: getZodConstraint(RequestExtensionSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestExtensionSchema }),
    shouldValidate: 'onSubmit',
  })
  const blocked = !c.isOpen
    ? 'El caso ya tiene decisión o no está en trámite: no se puede ampliar el término.'
    : c.hasExtension
      ? 'Este caso ya tiene una ampliación del término aprobada.'
      : c.pendingTaskId
        ? 'Hay una solicitud de ampliación pendiente de aprobación por la coordinación.'
        : null
  return (
    <>
      <p>
        <Link to={`/gestion/casos/${c.id}`}>← Volver al caso {c.radicado}</Link>
      </p>
      <h1>Ampliar el término para responder</h1>
      <dl className="facts card">
        <dt>Caso</dt>
        <dd>
          {c.radicado} · {c.subject}
        </dd>
        <dt>Estado</dt>
        <dd>{c.stateLabel}</dd>
        <dt>Vence</dt>
        <dd>
          <DateText value={c.dueOn} />
        </dd>
      </dl>
      <p>
        La Ley 142 de 1994 (art. 158) solo permite ampliar el término cuando hay que practicar pruebas (una
        visita técnica, por ejemplo) o cuando el usuario causó la demora. La solicitud se hace antes del
        vencimiento y la aprueba otra persona de la coordinación; al aprobarla se avisa al usuario.
      </p>
      {blocked ? (
        <p role="status" className="card">
          {blocked}
        </p>
      ) : (
        <Form method="post" className="form card" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor={fields.reason.id}>Motivo</label>
            <select
              {...getSelectProps(fields.reason)}
              aria-describedby={fields.reason.errors ? fields.reason.errorId : undefined}
            >
              <option value="">Elija un motivo</option>
              {EXTENSION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {EXTENSION_REASON_LABELS[r]}
                </option>
              ))}
            </select>
            <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
          </div>
          <Field
            label="Días hábiles de ampliación"
            inputProps={{
              ...getInputProps(fields.businessDays, { type: 'number' }),
              min: 1,
              max: maxBusinessDays,
            }}
            errors={fields.businessDays.errors}
            errorId={fields.businessDays.errorId}
            help={`Máximo ${maxBusinessDays} días hábiles según los ajustes vigentes.`}
          />
          <div className="field">
            <label htmlFor={fields.justification.id}>Justificación (se le comunica al usuario)</label>
            <textarea {...getTextareaProps(fields.justification)} rows={4} />
            <ErrorList id={fields.justification.errorId} errors={fields.justification.errors} />
          </div>
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Enviando…">
            Solicitar aprobación
          </StatusButton>
        </Form>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary homeHref="/gestion" statusHandlers={{ 404: () => <p>El caso no existe.</p> }} />
  )
}
