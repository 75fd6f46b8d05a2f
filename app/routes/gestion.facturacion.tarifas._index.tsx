import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { createTariffDraft } from '~/billing/tariffs/draft.server'
import { listServiceAreas, listTariffVersions } from '~/billing/tariffs/queries.server'
import { db } from '~/db.server'
import { DateText, InstantText } from '~/ui/date'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { DataTable } from '~/ui/table'

const STATUS_LABELS = { draft: 'Borrador', approved: 'Aprobada (vigente)', superseded: 'Aprobada (reemplazada)' } as const

const NewDraftSchema = z.object({
  serviceAreaId: z.uuid('Elija el área de prestación.'),
  effectiveFrom: z.iso.date('Escriba la fecha de vigencia (dd/mm/aaaa).'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:read')
  const areas = (await listServiceAreas(db)).filter((a) => !user.serviceAreaId || a.id === user.serviceAreaId)
  const versions = await listTariffVersions(db, { serviceAreaId: user.serviceAreaId ?? undefined })
  return { areas, versions, canOperate: can(user, 'billing:operate') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const submission = parseWithZod(await request.formData(), { schema: NewDraftSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  if (user.serviceAreaId && user.serviceAreaId !== submission.value.serviceAreaId) {
    return data({ result: submission.reply({ formErrors: ['Solo puede crear tarifas de su área de prestación.'] }) }, { status: 403 })
  }
  const { versionId } = await createTariffDraft(db, {
    ...submission.value,
    enteredBy: user.id,
    requestId: context.requestId,
    ip: context.ip,
  })
  return redirect(`/gestion/facturacion/tarifas/${versionId}`)
}

export const meta: MetaFunction = () => [{ title: 'Tarifas · Gestión' }]

export default function TariffVersionsRoute() {
  const { areas, versions, canOperate } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Catálogo de tarifas</h1>
      <p>
        Cada versión la registra una persona y la aprueba un coordinador distinto. Solo las versiones aprobadas se usan para
        liquidar; una versión aprobada no se modifica.
      </p>
      <DataTable
        caption="Versiones por área de prestación"
        rowKey={(v) => v.id}
        rows={versions}
        columns={[
          { header: 'Área', cell: (v) => v.areaName },
          { header: 'Vigente desde', cell: (v) => <Link to={`/gestion/facturacion/tarifas/${v.id}`}><DateText value={v.effectiveFrom} /></Link> },
          { header: 'Estado', cell: (v) => STATUS_LABELS[v.status] },
          { header: 'Acto de aprobación', cell: (v) => v.approvalAct ?? '—' },
          { header: 'Registró', cell: (v) => v.enteredByName },
          { header: 'Aprobó', cell: (v) => (v.approvedAt ? <>{v.approvedByName} · <InstantText value={String(v.approvedAt)} /></> : '—') },
        ]}
      />
      {versions.length >= 2 ? <CompareForm versions={versions} /> : null}
      {canOperate ? <NewDraftForm areas={areas} /> : null}
    </>
  )
}

function CompareForm({ versions }: { versions: Array<{ id: string; areaName: string; effectiveFrom: string; status: string }> }) {
  const option = (v: (typeof versions)[number]) => (
    <option key={v.id} value={v.id}>
      {v.areaName} · desde {v.effectiveFrom.split('-').reverse().join('/')} ({STATUS_LABELS[v.status as keyof typeof STATUS_LABELS]})
    </option>
  )
  return (
    <Form method="get" action="/gestion/facturacion/tarifas/comparar" className="form card">
      <h2>Comparar dos versiones</h2>
      <div className="field">
        <label htmlFor="compare-a">Versión anterior</label>
        <select id="compare-a" name="a" defaultValue={versions[1]?.id}>
          {versions.map(option)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-b">Versión nueva</label>
        <select id="compare-b" name="b" defaultValue={versions[0]?.id}>
          {versions.map(option)}
        </select>
      </div>
      <button type="submit" className="button">
        Comparar
      </button>
    </Form>
  )
}

function NewDraftForm({ areas }: { areas: Array<{ id: string; name: string }> }) {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'nueva-tarifa',
    constraint: getZodConstraint(NewDraftSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewDraftSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h2>Nueva versión (borrador)</h2>
      <p>El borrador copia los valores de la versión más reciente del área; luego puede editarlos.</p>
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.serviceAreaId.id}>Área de prestación</label>
        <select {...getSelectProps(fields.serviceAreaId)}>
          <option value="">Elija…</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <ErrorList id={fields.serviceAreaId.errorId} errors={fields.serviceAreaId.errors} />
      </div>
      <Field
        label="Vigente desde"
        inputProps={{ ...getInputProps(fields.effectiveFrom, { type: 'date' }) }}
        errors={fields.effectiveFrom.errors}
      />
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
        Crear borrador
      </StatusButton>
    </Form>
  )
}
