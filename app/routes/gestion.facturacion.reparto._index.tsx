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
import { batchOptions, listBatches } from '~/billing/invoices/delivery.server'
import { prepareDeliveryBatch } from '~/billing/invoices/delivery-pdf.server'
import { db } from '~/db.server'
import { InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { StatusButton, useIsPending } from '~/ui/forms'
import { DataTable } from '~/ui/table'
import { AlertMessage } from '~/ui/alert-message'

const BatchSchema = z.object({
  choice: z
    .string({ error: 'Elija el periodo y la zona.' })
    .regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/, 'Elija el periodo y la zona de la lista.')
    .transform((v) => ({ periodId: v.slice(0, 36), zoneId: v.slice(37) })),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const scope = { serviceAreaId: user.serviceAreaId }
  const [options, batches] = await Promise.all([batchOptions(db, scope), listBatches(db, scope)])
  return { options, batches: batches.map((b) => ({ ...b, createdAt: b.createdAt.toISOString() })) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const parsed = BatchSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const created = await prepareDeliveryBatch(db, { ...parsed.data.choice, userId: user.id, scope: { serviceAreaId: user.serviceAreaId } })
  if (!created.ok) return data({ message: created.error.message }, { status: 400 })
  return redirect(`/gestion/facturacion/reparto/${created.value.batchId}`)
}

export const meta: MetaFunction = () => [{ title: 'Reparto de facturas · Gestión' }]

export default function DeliveryBatchesRoute() {
  const { options, batches } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <p>
        <Link to="/gestion/facturacion">Facturación</Link>
      </p>
      <h1>Reparto de facturas impresas</h1>
      <p>
        Un lote reúne las facturas expedidas de un periodo en una zona, en el orden de la ruta. Su PDF se prepara en
        segundo plano; imprímalo y,
        al volver el repartidor, registre qué facturas se entregaron y cuáles se devolvieron (Ley 142 art.
        148).
      </p>
      {options.length === 0 ? (
        <EmptyState title="No hay periodos expedidos">
          <p>Cuando se expida una liquidación, podrá preparar aquí los lotes de reparto de sus facturas.</p>
        </EmptyState>
      ) : (
        <Form method="post" className="form card">
          <h2>Preparar un lote de reparto</h2>
          <div className="field">
            <label htmlFor="choice">Ciclo, periodo y zona (ruta)</label>
            <select id="choice" name="choice" required>
              {options.map((o) => (
                <option key={`${o.periodId}:${o.zoneId}`} value={`${o.periodId}:${o.zoneId}`}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <AlertMessage message={result?.message} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
            Preparar el lote
          </StatusButton>
        </Form>
      )}
      {batches.length === 0 ? (
        <EmptyState title="Aún no hay lotes de reparto">
          <p>Prepare el primero con el formulario de arriba.</p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Lotes recientes"
          rowKey={(b) => b.id}
          rows={batches}
          columns={[
            {
              header: 'Periodo',
              cell: (b) => <Link to={`/gestion/facturacion/reparto/${b.id}`}>{b.periodCode}</Link>,
            },
            { header: 'Zona', cell: (b) => b.zone },
            { header: 'Facturas', cell: (b) => b.invoiceCount.toLocaleString('es-CO'), align: 'end' },
            { header: 'Con resultado', cell: (b) => b.recorded.toLocaleString('es-CO'), align: 'end' },
            { header: 'Preparado', cell: (b) => <InstantText value={b.createdAt} withTime /> },
          ]}
        />
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
