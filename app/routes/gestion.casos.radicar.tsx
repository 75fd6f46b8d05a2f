import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { todayInBogota } from '~/calendar/business-days'
import { db } from '~/db.server'
import { filingCatalogue } from '~/pqr/catalog.server'
import { readAttachments } from '~/pqr/file-case-attachments.server'
import { receiptPath } from '~/pqr/file-case-notice.server'
import { fileCase } from '~/pqr/file-case.server'
import { CounterFileCaseSchema, filingByNumbers } from '~/pqr/schema'
import { publicOrigin } from '~/security/public-origin'
import { getSetting } from '~/settings/read.server'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import {
  AttachmentsField,
  ConsentField,
  FilerFields,
  RequestFields,
  SelectField,
  textInput,
} from '~/ui/pqr-filing-fields'

/** Staff at the counter file what arrives in person, by phone or in writing (pqr:work). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'pqr:work')
  const [catalogue, maxKb, maxCount] = await Promise.all([
    filingCatalogue(db),
    getSetting('pqr.attachment_max_kilobytes'),
    getSetting('pqr.attachments_max_count'),
  ])
  return { catalogue, idempotencyKey: randomUUID(), limits: { maxKb, maxCount }, today: todayInBogota(new Date()) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'pqr:work')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: CounterFileCaseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const v = submission.value
  const outcome = await fileCase(
    db,
    {
      channel: v.channel,
      ...filingByNumbers(v),
      receivedOn: v.receivedOn ?? null,
      attachments: await readAttachments(formData),
    },
    { by: { kind: 'staff', userId: staff.id }, origin: publicOrigin(request), ip: context.ip, requestId: context.requestId },
  )
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 422 })
  return redirect(receiptPath(outcome.value.caseId, outcome.value.receiptToken ?? ''))
}

export const meta: MetaFunction = () => [{ title: 'Radicar en ventanilla · Gestión' }]

export default function CounterFilingRoute() {
  const { catalogue, idempotencyKey, limits, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'radicar-ventanilla',
    constraint: getZodConstraint(CounterFileCaseSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CounterFileCaseSchema }),
    shouldValidate: 'onSubmit',
    defaultValue: { filerDocumentType: 'CC', channel: 'presencial' },
  })
  return (
    <>
      <h1>Radicar en ventanilla</h1>
      <p>
        Para una solicitud verbal o telefónica, la fecha de radicación es hoy. Un escrito conserva la fecha en que se
        recibió (Ley 142 art. 158: el término corre desde el recibo).
      </p>
      <Form method="post" encType="multipart/form-data" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <SelectField label="Canal de recepción" meta={fields.channel}>
          <option value="presencial">Presencial (verbal)</option>
          <option value="telefonico">Telefónico</option>
          <option value="escrito">Escrito</option>
        </SelectField>
        <Field label="Fecha de recibo del escrito (solo escritos)" help="Déjela en blanco si el escrito se recibe hoy." inputProps={textInput(fields.receivedOn, { type: 'date', max: today })} errors={fields.receivedOn.errors} errorId={fields.receivedOn.errorId} />
        <FilerFields fields={fields} atCounter />
        <RequestFields catalogue={catalogue} fields={fields} accountLabel="Número de cuenta" />
        <AttachmentsField maxKb={limits.maxKb} maxCount={limits.maxCount} />
        <ConsentField meta={fields.electronicNotificationConsent} />
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Radicando…">
          Radicar
        </StatusButton>
      </Form>
    </>
  )
}
