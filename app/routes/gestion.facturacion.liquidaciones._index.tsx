import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { requestLiquidation } from '~/billing/liquidation/jobs.server'
import { listLiquidablePeriods, listRuns } from '~/billing/liquidation/queries.server'
import { db } from '~/db.server'
import { InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { DataTable } from '~/ui/table'
import { AlertMessage } from '~/ui/alert-message'

const RUN_LABELS: Record<string, string> = { running: 'En proceso', draft: 'Borrador', approved: 'Aprobada', issued: 'Expedida', failed: 'Falló' }

const StartSchema = z.object({
  periodId: z.uuid('Elija el periodo que va a liquidar.'),
  zoneId: z.union([z.literal(''), z.uuid('Elija una zona de la lista.')]).optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:read')
  const [runs, options] = await Promise.all([
    listRuns(db, { serviceAreaId: user.serviceAreaId }),
    listLiquidablePeriods(db, { serviceAreaId: user.serviceAreaId }),
  ])
  return { runs, options, canOperate: can(user, 'billing:operate') }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const parsed = StartSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const { periods, zones } = await listLiquidablePeriods(db, { serviceAreaId: user.serviceAreaId })
  const period = periods.find((p) => p.id === parsed.data.periodId)
  const zoneId = parsed.data.zoneId || null
  if (!period) return data({ message: 'El periodo no existe, está cerrado o no es de su área.' }, { status: 400 })
  if (zoneId && !zones.some((z) => z.id === zoneId && z.areaId === period.areaId))
    return data({ message: 'La zona no pertenece al área del periodo.' }, { status: 400 })
  const started = await requestLiquidation(db, { periodId: period.id, zoneId, actor: { kind: 'user', userId: user.id } })
  if (!started.ok) return data({ message: started.error.message }, { status: 409 })
  return redirect(`/gestion/facturacion/liquidaciones/${started.value.runId}`)
}

export const meta: MetaFunction = () => [{ title: 'Liquidaciones · Gestión' }]

export default function LiquidationRunsRoute() {
  const { runs, options, canOperate } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <p>
        <Link to="/gestion/facturacion">Facturación</Link>
      </p>
      <h1>Liquidaciones</h1>
      {canOperate ? (
        <Form method="post" className="form card">
          <h2>Liquidar un periodo</h2>
          <p>Se liquidan las cuentas con consumo liberado en la crítica. Volver a liquidar un borrador lo reemplaza.</p>
          <div className="field">
            <label htmlFor="periodId">Ciclo y periodo</label>
            <select id="periodId" name="periodId" required>
              {options.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="zoneId">Zona (opcional)</label>
            <select id="zoneId" name="zoneId" defaultValue="">
              <option value="">Todo el ciclo</option>
              {options.zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}
                </option>
              ))}
            </select>
          </div>
          <AlertMessage message={result?.message} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
            Liquidar
          </StatusButton>
        </Form>
      ) : null}
      {runs.length === 0 ? (
        <p>Todavía no hay liquidaciones.</p>
      ) : (
        <DataTable
          caption="Liquidaciones recientes"
          rowKey={(r) => r.id}
          rows={runs}
          columns={[
            { header: 'Ciclo', cell: (r) => <Link to={`/gestion/facturacion/liquidaciones/${r.id}`}>{r.cycleName}</Link> },
            { header: 'Periodo', cell: (r) => r.periodCode },
            { header: 'Zona', cell: (r) => r.zoneName ?? 'Todo el ciclo' },
            { header: 'Estado', cell: (r) => RUN_LABELS[r.status] ?? r.status },
            { header: 'Facturas', cell: (r) => (r.invoices ?? '—').toLocaleString('es-CO'), align: 'end' },
            { header: 'Total a pagar', cell: (r) => (r.totalToPay ? <Money value={r.totalToPay} /> : '—'), align: 'end' },
            { header: 'Iniciada', cell: (r) => <InstantText value={r.startedAt} withTime /> },
          ]}
        />
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
