import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { CATEGORY_CODES, CATEGORY_LABELS, SERVICE_LABELS } from '~/billing/tariffs/categories'
import { draftFormDefaults, parseDraftForm } from '~/billing/tariffs/draft-form'
import { updateTariffDraft } from '~/billing/tariffs/draft.server'
import { getTariffVersion } from '~/billing/tariffs/queries.server'
import { SERVICES } from '~/billing/tariffs/types'
import { db } from '~/db.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { notFound } from '~/utils/errors'

async function loadDraft(request: Request, versionId: string) {
  const user = await requireStaff(request, 'billing:operate')
  const version = await getTariffVersion(db, versionId).catch(() => null)
  if (!version || (user.serviceAreaId && user.serviceAreaId !== version.serviceAreaId)) notFound('La versión de tarifas no existe.')
  if (version.status !== 'draft') throw redirect(`/gestion/facturacion/tarifas/${version.id}`)
  return { user, version }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { version } = await loadDraft(request, params.versionId ?? '')
  return { version: { id: version.id, areaName: version.areaName, effectiveFrom: version.effectiveFrom, otherCharges: version.values.otherCharges }, defaults: draftFormDefaults(version.values) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, version } = await loadDraft(request, params.versionId ?? '')
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]))
  const effectiveFrom = form.effectiveFrom ?? ''
  const parsed = parseDraftForm(form, version.values)
  const errors = parsed.ok ? [] : parsed.errors
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) errors.unshift('Escriba la fecha de vigencia.')
  if (!parsed.ok || errors.length > 0) return data({ errors, values: form }, { status: 400 })
  const outcome = await updateTariffDraft(db, {
    versionId: version.id,
    by: user.id,
    effectiveFrom,
    values: parsed.values,
    requestId: context.requestId,
    ip: context.ip,
  })
  if (!outcome.ok) return data({ errors: [outcome.error.message], values: form }, { status: 409 })
  return redirect(`/gestion/facturacion/tarifas/${version.id}`)
}

export const meta: MetaFunction = () => [{ title: 'Editar borrador de tarifas · Gestión' }]

export default function EditTariffDraftRoute() {
  const { version, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const values: Record<string, string> = { ...defaults, ...(actionData?.values ?? {}) }
  const input = (name: string, label: string) => (
    <div className="field" key={name}>
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} defaultValue={values[name]} inputMode="decimal" required />
    </div>
  )
  return (
    <>
      <p>
        <Link to={`/gestion/facturacion/tarifas/${version.id}`}>← Volver a la versión</Link>
      </p>
      <h1>Editar borrador de tarifas de {version.areaName}</h1>
      <Form method="post" className="form">
        <ErrorList errors={actionData?.errors} />
        <div className="field">
          <label htmlFor="effectiveFrom">Vigente desde</label>
          <input id="effectiveFrom" name="effectiveFrom" type="date" defaultValue={actionData?.values.effectiveFrom ?? version.effectiveFrom} required />
        </div>
        {(['acueducto', 'alcantarillado'] as const).map((s) => (
          <fieldset key={s} className="card">
            <legend>{SERVICE_LABELS[s]} (pesos, antes de subsidios y aportes)</legend>
            {input(`m.${s}.fixedCharge`, 'Cargo fijo')}
            {input(`m.${s}.basicPrice`, 'Consumo básico ($/m³)')}
            {input(`m.${s}.complementaryPrice`, 'Consumo complementario ($/m³)')}
            {input(`m.${s}.luxuryPrice`, 'Consumo suntuario ($/m³)')}
          </fieldset>
        ))}
        <fieldset className="card">
          <legend>Aseo por categoría (pesos por mes)</legend>
          {CATEGORY_CODES.flatMap((c) => [
            input(`w.${c}.fixedCharge`, `${CATEGORY_LABELS[c]}: cargo fijo`),
            input(`w.${c}.variableCharge`, `${CATEGORY_LABELS[c]}: cargo variable`),
          ])}
        </fieldset>
        <fieldset className="card">
          <legend>Factores en porcentaje (subsidio negativo, aporte positivo)</legend>
          {CATEGORY_CODES.flatMap((c) => SERVICES.map((s) => input(`f.${c}.${s}`, `${CATEGORY_LABELS[c]}, ${SERVICE_LABELS[s].toLowerCase()} (%)`)))}
        </fieldset>
        <fieldset className="card">
          <legend>Otros cobros (pesos)</legend>
          {version.otherCharges.map((o) => input(`o.${o.code}.amount`, o.label))}
        </fieldset>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
          Guardar borrador
        </StatusButton>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" statusHandlers={{ 404: () => <p>La versión de tarifas no existe.</p> }} />
}
