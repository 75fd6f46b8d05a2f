import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { approveTariffVersion } from '~/billing/tariffs/approve.server'
import { CATEGORY_LABELS, SERVICE_LABELS } from '~/billing/tariffs/categories'
import { getTariffVersion } from '~/billing/tariffs/queries.server'
import { db } from '~/db.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { DataTable } from '~/ui/table'
import { notFound } from '~/utils/errors'

const ApproveSchema = z.object({
  approvalAct: z.string({ error: 'Escriba el acto que aprueba la tarifa.' }).trim().min(5, 'Escriba el acto que aprueba la tarifa.').max(200),
  confirmed: z.literal('on', { error: 'Confirme que revisó los valores y el acto de aprobación.' }),
})

const percent = (factor: string) => `${(Number(factor) * 100).toLocaleString('es-CO', { maximumFractionDigits: 2 })} %`

async function loadVisible(request: Request, versionId: string, permission: 'billing:read' | 'billing:approve') {
  const user = await requireStaff(request, permission)
  const version = await getTariffVersion(db, versionId).catch(() => null)
  if (!version || (user.serviceAreaId && user.serviceAreaId !== version.serviceAreaId)) notFound('La versión de tarifas no existe.')
  return { user, version }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, version } = await loadVisible(request, params.versionId ?? '', 'billing:read')
  return {
    version,
    canApprove: version.status === 'draft' && can(user, 'billing:approve') && version.enteredBy !== user.id,
    isOwnDraft: version.status === 'draft' && version.enteredBy === user.id,
    canEdit: version.status === 'draft' && can(user, 'billing:operate'),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, version } = await loadVisible(request, params.versionId ?? '', 'billing:approve')
  const submission = parseWithZod(await request.formData(), { schema: ApproveSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await approveTariffVersion(db, {
    versionId: version.id,
    approvedBy: user.id,
    approvalAct: submission.value.approvalAct,
    requestId: context.requestId,
    ip: context.ip,
  })
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 409 })
  return redirect(`/gestion/facturacion/tarifas/${version.id}`)
}

export const meta: MetaFunction = () => [{ title: 'Versión de tarifas · Gestión' }]

export default function TariffVersionRoute() {
  const { version, canApprove, isOwnDraft, canEdit } = useLoaderData<typeof loader>()
  const v = version.values
  return (
    <>
      <p>
        <Link to="/gestion/facturacion/tarifas">← Catálogo de tarifas</Link>
      </p>
      <h1>
        Tarifas de {version.areaName}, vigentes desde <DateText value={version.effectiveFrom} />
      </h1>
      <dl className="facts">
        <dt>Estado</dt>
        <dd>{version.status === 'draft' ? 'Borrador (no se usa para liquidar)' : version.status === 'approved' ? 'Aprobada, vigente' : 'Aprobada, reemplazada por una versión posterior'}</dd>
        <dt>Registró</dt>
        <dd>{version.enteredByName}</dd>
        <dt>Aprobó</dt>
        <dd>{version.approvedAt ? <>{version.approvedByName} · <InstantText value={String(version.approvedAt)} withTime /></> : '—'}</dd>
        <dt>Acto de aprobación</dt>
        <dd>{version.approvalAct ?? '—'}</dd>
      </dl>
      <DataTable
        caption="Acueducto y alcantarillado (antes de subsidios y aportes)"
        rowKey={(r) => r.service}
        rows={v.meteredRates}
        columns={[
          { header: 'Servicio', cell: (r) => SERVICE_LABELS[r.service] },
          { header: 'Cargo fijo', cell: (r) => <Money value={r.fixedCharge} />, align: 'end' },
          { header: 'Básico ($/m³)', cell: (r) => <Money value={r.basicPrice} />, align: 'end' },
          { header: 'Complementario ($/m³)', cell: (r) => <Money value={r.complementaryPrice} />, align: 'end' },
          { header: 'Suntuario ($/m³)', cell: (r) => <Money value={r.luxuryPrice} />, align: 'end' },
        ]}
      />
      <DataTable
        caption="Aseo por categoría (mensual)"
        rowKey={(r) => r.category}
        rows={v.wasteCharges}
        columns={[
          { header: 'Categoría', cell: (r) => CATEGORY_LABELS[r.category] },
          { header: 'Cargo fijo', cell: (r) => <Money value={r.fixedCharge} />, align: 'end' },
          { header: 'Cargo variable', cell: (r) => <Money value={r.variableCharge} />, align: 'end' },
        ]}
      />
      <DataTable
        caption="Factores de subsidio (−) y aporte solidario (+)"
        rowKey={(r) => `${r.category}:${r.service}`}
        rows={v.factors}
        columns={[
          { header: 'Categoría', cell: (r) => CATEGORY_LABELS[r.category] },
          { header: 'Servicio', cell: (r) => SERVICE_LABELS[r.service] },
          { header: 'Factor', cell: (r) => percent(r.factor), align: 'end' },
        ]}
      />
      <DataTable
        caption="Otros cobros"
        rowKey={(r) => r.code}
        rows={v.otherCharges}
        columns={[
          { header: 'Concepto', cell: (r) => r.label },
          { header: 'Valor', cell: (r) => <Money value={r.amount} />, align: 'end' },
          { header: 'Acto que lo aprueba', cell: (r) => r.approvalAct },
        ]}
      />
      {canEdit ? (
        <p>
          <Link to={`/gestion/facturacion/tarifas/${version.id}/editar`} className="button button-secondary">
            Editar borrador
          </Link>
        </p>
      ) : null}
      {isOwnDraft ? <p className="notice">Usted registró esta versión: debe aprobarla otro coordinador.</p> : null}
      {canApprove ? <ApproveForm /> : null}
    </>
  )
}

function ApproveForm() {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'aprobar-tarifa',
    constraint: getZodConstraint(ApproveSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApproveSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h2>Aprobar esta versión</h2>
      <p>
        Al aprobarla se valida contra los topes de subsidio y los aportes mínimos vigentes. Una versión aprobada no se puede
        modificar.
      </p>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="Acto de aprobación"
        help="Por ejemplo: Acuerdo Concejo 012 de 2026, o Resolución de Gerencia 045 de 2026."
        inputProps={{ ...getInputProps(fields.approvalAct, { type: 'text' }) }}
        errors={fields.approvalAct.errors}
      />
      <div className="field field-checkbox">
        <input {...getInputProps(fields.confirmed, { type: 'checkbox' })} />
        <label htmlFor={fields.confirmed.id}>Revisé los valores y el acto de aprobación, y confirmo la aprobación.</label>
        <ErrorList id={fields.confirmed.errorId} errors={fields.confirmed.errors} />
      </div>
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
        Aprobar tarifas
      </StatusButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" statusHandlers={{ 404: () => <p>La versión de tarifas no existe.</p> }} />
}
