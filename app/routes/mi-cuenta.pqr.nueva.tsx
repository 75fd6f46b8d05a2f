import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { listActiveConsents } from '~/identity/consents.server'
import { listSubscriberAccounts } from '~/portal/accounts.server'
import { filingCatalogue } from '~/pqr/catalog.server'
import { readAttachments } from '~/pqr/file-case-attachments.server'
import { receiptPath } from '~/pqr/file-case-notice.server'
import { fileCase } from '~/pqr/file-case.server'
import { PortalFileCaseSchema } from '~/pqr/schema'
import { invoicesForClaim } from '~/pqr/subscriber-queries.server'
import { publicOrigin } from '~/security/public-origin'
import { getSetting } from '~/settings/read.server'
import { EmptyState } from '~/ui/empty-state'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import {
  AttachmentsField,
  CatalogueFields,
  ConsentField,
  DocumentTypeOptions,
  InvoiceClaimRows,
  SelectField,
  TextAreaField,
} from '~/ui/pqr-filing-fields'

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const accounts = await listSubscriberAccounts(db, accountIds)
  const wanted = new URL(request.url).searchParams.get('cuenta')
  const accountId = accounts.find((a) => a.id === wanted)?.id ?? accounts[0]?.id ?? null
  const [catalogue, invoices, consents, maxKb, maxCount] = await Promise.all([
    filingCatalogue(db),
    accountId ? invoicesForClaim(db, { userId: user.id, accountIds }, accountId) : [],
    listActiveConsents(user.id),
    getSetting('pqr.attachment_max_kilobytes'),
    getSetting('pqr.attachments_max_count'),
  ])
  return {
    email: user.email,
    fullName: user.fullName,
    accounts: accounts.map((a) => ({ id: a.id, number: a.number, address: a.address })),
    accountId,
    catalogue,
    invoices,
    hasConsent: consents.some((c) => c.kind === 'electronic_notification'),
    idempotencyKey: randomUUID(),
    limits: { maxKb, maxCount },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: PortalFileCaseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const v = submission.value
  const outcome = await fileCase(
    db,
    {
      channel: 'portal',
      typeCode: v.typeCode,
      causalCode: v.causalCode,
      subject: v.subject,
      description: v.description,
      account: { id: v.accountId },
      claims: v.claims.map((c) => ({ invoiceId: c.invoiceId, invoiceNumber: c.invoiceNumber, disputedAmount: c.disputedAmount! })),
      filer: { name: user.fullName, documentType: v.filerDocumentType, documentNumber: v.filerDocumentNumber, email: user.email, phone: v.filerPhone, address: v.filerAddress },
      electronicNotificationConsent: v.electronicNotificationConsent,
      attachments: await readAttachments(formData),
      idempotencyKey: v.idempotencyKey,
    },
    { by: { kind: 'subscriber', userId: user.id, accountIds }, origin: publicOrigin(request), ip: context.ip, requestId: context.requestId },
  )
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 422 })
  return redirect(receiptPath(outcome.value.caseId, outcome.value.receiptToken ?? ''))
}

export const meta: MetaFunction = () => [{ title: 'Radicar una PQR · Aguas de la Sabana' }]

export default function NewCaseRoute() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'nueva-pqr',
    constraint: getZodConstraint(PortalFileCaseSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PortalFileCaseSchema }),
    shouldValidate: 'onSubmit',
    defaultValue: { accountId: loaderData.accountId ?? '', filerDocumentType: 'CC' },
  })
  if (loaderData.accounts.length === 0)
    return (
      <EmptyState title="Aún no tiene cuentas vinculadas" action={<Link to="/pqr/radicar">Radicar sin cuenta</Link>}>
        <p>Para radicar desde Mi cuenta, vincule primero su cuenta de servicio. También puede usar el formulario público.</p>
      </EmptyState>
    )
  return (
    <>
      <h1>Radicar una petición, queja o reclamo</h1>
      <p>
        Le daremos un número de radicado de inmediato. La empresa debe responder dentro de los 15 días hábiles siguientes
        (Ley 142 de 1994, art. 158).
      </p>
      {loaderData.accounts.length > 1 ? (
        <Form method="get" className="card">
          <label htmlFor="cuenta">Cuenta sobre la que radica</label>
          <select id="cuenta" name="cuenta" defaultValue={loaderData.accountId ?? ''}>
            {loaderData.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.number} · {a.address}
              </option>
            ))}
          </select>
          <button type="submit" className="button">Ver sus facturas</button>
        </Form>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="idempotencyKey" value={loaderData.idempotencyKey} />
        <input type="hidden" name="accountId" value={loaderData.accountId ?? ''} />
        <p>
          Cuenta: <strong>{loaderData.accounts.find((a) => a.id === loaderData.accountId)?.number}</strong> · Radica:{' '}
          {loaderData.fullName} ({loaderData.email})
        </p>
        <CatalogueFields catalogue={loaderData.catalogue} typeMeta={fields.typeCode} causalMeta={fields.causalCode} />
        <Field label="Asunto" inputProps={{ id: fields.subject.id, name: fields.subject.name, defaultValue: fields.subject.initialValue as string | undefined, maxLength: 200 }} errors={fields.subject.errors} errorId={fields.subject.errorId} />
        <TextAreaField label="Hechos y lo que solicita" meta={fields.description} help="Cuéntenos qué pasó y qué espera que hagamos." />
        <InvoiceClaimRows invoices={loaderData.invoices} />
        <ErrorList id={fields.claims.errorId} errors={fields.claims.errors} />
        <SelectField label="Tipo de documento" meta={fields.filerDocumentType}>
          <DocumentTypeOptions />
        </SelectField>
        <Field label="Número de documento" inputProps={{ id: fields.filerDocumentNumber.id, name: fields.filerDocumentNumber.name, autoComplete: 'off' }} errors={fields.filerDocumentNumber.errors} errorId={fields.filerDocumentNumber.errorId} />
        <Field label="Teléfono (opcional)" inputProps={{ id: fields.filerPhone.id, name: fields.filerPhone.name, type: 'tel', autoComplete: 'tel' }} errors={fields.filerPhone.errors} errorId={fields.filerPhone.errorId} />
        <Field label="Dirección para notificaciones (opcional)" inputProps={{ id: fields.filerAddress.id, name: fields.filerAddress.name, autoComplete: 'street-address' }} errors={fields.filerAddress.errors} errorId={fields.filerAddress.errorId} />
        <AttachmentsField maxKb={loaderData.limits.maxKb} maxCount={loaderData.limits.maxCount} />
        <ConsentField meta={fields.electronicNotificationConsent} defaultChecked={loaderData.hasConsent} />
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Radicando…">
          Radicar
        </StatusButton>
      </Form>
    </>
  )
}
