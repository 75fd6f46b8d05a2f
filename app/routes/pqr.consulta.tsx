import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { todayInBogota } from '~/calendar/business-days'
import { db } from '~/db.server'
import { describeNextStep } from '~/pqr/next-step'
import { consumeRateLimit, rateLimitKey } from '~/pqr/rate-limit.server'
import { LookupSchema } from '~/pqr/schema'
import { STATE_LABELS } from '~/pqr/status'
import { lookupCaseStatus } from '~/pqr/subscriber-queries.server'
import { getSetting } from '~/settings/read.server'
import { DateText } from '~/ui/date'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'

export async function loader() {
  return null
}

/** POST, so the document number stays out of URLs and logs; rate-limited per IP. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LookupSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), found: null }, { status: 400 })
  const limit = await consumeRateLimit(rateLimitKey('pqr-lookup', context.ip), {
    limit: await getSetting('pqr.public_lookups_per_hour'),
    windowMinutes: 60,
  })
  if (!limit.ok) return data({ result: submission.reply({ formErrors: [limit.message] }), found: null }, { status: 429 })
  const found = await lookupCaseStatus(db, submission.value.radicado, submission.value.documentNumber)
  if (!found)
    return data(
      { result: submission.reply({ formErrors: ['No encontramos una solicitud con ese radicado y ese documento. Revise los datos de su constancia.'] }), found: null },
      { status: 404 },
    )
  const today = todayInBogota(new Date())
  return {
    result: submission.reply(),
    found: {
      radicado: found.radicado,
      typeName: found.typeName,
      stateLabel: STATE_LABELS[found.state],
      filedOn: found.filedOn,
      dueOn: found.dueOn,
      recursoUntil: found.recursoUntil,
      nextStep: describeNextStep({ state: found.state, dueOn: found.dueOn, recursoUntil: found.recursoUntil, today }),
    },
  }
}

export const meta: MetaFunction = () => [{ title: 'Consultar el estado de una PQR · Aguas de la Sabana' }]

export default function LookupRoute() {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'consulta-pqr',
    constraint: getZodConstraint(LookupSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LookupSchema }),
    shouldValidate: 'onSubmit',
  })
  const found = actionData?.found
  return (
    <>
      <h1>Consultar el estado de una solicitud</h1>
      <p>Escriba el número de radicado de su constancia y el número de documento de quien la radicó.</p>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Número de radicado" help="Por ejemplo: 2026-E-000123." inputProps={{ ...getInputProps(fields.radicado, { type: 'text' }), autoComplete: 'off' }} errors={fields.radicado.errors} errorId={fields.radicado.errorId} />
        <Field label="Número de documento" inputProps={{ ...getInputProps(fields.documentNumber, { type: 'text' }), autoComplete: 'off' }} errors={fields.documentNumber.errors} errorId={fields.documentNumber.errorId} />
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Consultando…">
          Consultar
        </StatusButton>
      </Form>
      {found ? (
        <section className="card" aria-labelledby="resultado">
          <h2 id="resultado">Radicado {found.radicado}</h2>
          <dl className="facts">
            <dt>Tipo</dt>
            <dd>{found.typeName}</dd>
            <dt>Estado</dt>
            <dd>{found.stateLabel}</dd>
            <dt>Radicada el</dt>
            <dd><DateText value={found.filedOn} /></dd>
            <dt>Fecha límite de respuesta</dt>
            <dd><DateText value={found.dueOn} /></dd>
            {found.recursoUntil ? (
              <>
                <dt>Recursos hasta</dt>
                <dd><DateText value={found.recursoUntil} /></dd>
              </>
            ) : null}
          </dl>
          <p role="status">{found.nextStep}</p>
        </section>
      ) : null}
      <p>
        ¿Aún no ha radicado? <Link to="/pqr/radicar">Radique una petición, queja o reclamo</Link>.
      </p>
    </>
  )
}
