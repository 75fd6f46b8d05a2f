import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { db } from '~/db.server'
import { filingCatalogue } from '~/pqr/catalog.server'
import { readAttachments } from '~/pqr/file-case-attachments.server'
import { receiptPath } from '~/pqr/file-case-notice.server'
import { fileCase } from '~/pqr/file-case.server'
import { consumeRateLimit, rateLimitKey } from '~/pqr/rate-limit.server'
import { filingByNumbers, PublicFileCaseSchema } from '~/pqr/schema'
import { publicOrigin } from '~/security/public-origin'
import { getSetting } from '~/settings/read.server'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import {
  AttachmentsField,
  ConsentField,
  FilerFields,
  Honeypot,
  RequestFields,
} from '~/ui/pqr-filing-fields'

/** Public filing: anyone may file (Ley 142 art. 152); name, document and one contact suffice. */
export async function loader() {
  const [catalogue, maxKb, maxCount] = await Promise.all([
    filingCatalogue(db),
    getSetting('pqr.attachment_max_kilobytes'),
    getSetting('pqr.attachments_max_count'),
  ])
  return { catalogue, idempotencyKey: randomUUID(), limits: { maxKb, maxCount } }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: PublicFileCaseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const limit = await consumeRateLimit(rateLimitKey('pqr-filing', context.ip), {
    limit: await getSetting('pqr.public_filings_per_hour'),
    windowMinutes: 60,
  })
  if (!limit.ok) return data({ result: submission.reply({ formErrors: [limit.message] }) }, { status: 429 })
  const v = submission.value
  const outcome = await fileCase(
    db,
    {
      channel: 'web_publico',
      ...filingByNumbers(v),
      attachments: await readAttachments(formData),
    },
    { by: { kind: 'public' }, origin: publicOrigin(request), ip: context.ip, requestId: context.requestId },
  )
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 422 })
  return redirect(receiptPath(outcome.value.caseId, outcome.value.receiptToken ?? ''))
}

export const meta: MetaFunction = () => [{ title: 'Radicar una PQR sin cuenta · Aguas de la Sabana' }]

export default function PublicFilingRoute() {
  const { catalogue, idempotencyKey, limits } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'radicar-pqr',
    constraint: getZodConstraint(PublicFileCaseSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PublicFileCaseSchema }),
    shouldValidate: 'onSubmit',
    defaultValue: { filerDocumentType: 'CC' },
  })
  return (
    <>
      <h1>Radicar una petición, queja o reclamo</h1>
      <p>
        No necesita una cuenta en la ventanilla. Si es suscriptor, puede <Link to="/ingresar?redirectTo=/mi-cuenta/pqr/nueva">ingresar</Link>{' '}
        para elegir sus facturas. Le daremos un número de radicado de inmediato.
      </p>
      <Form method="post" encType="multipart/form-data" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <Honeypot />
        <FilerFields fields={fields} />
        <RequestFields catalogue={catalogue} fields={fields} accountLabel="Número de cuenta (si su solicitud es sobre un predio)" />
        <AttachmentsField maxKb={limits.maxKb} maxCount={limits.maxCount} />
        <ConsentField meta={fields.electronicNotificationConsent} />
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Radicando…">
          Radicar
        </StatusButton>
      </Form>
    </>
  )
}
