import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { listCyclesWithPeriods } from '~/billing/liquidation/queries.server'
import { db } from '~/db.server'
import { DateText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { DataTable } from '~/ui/table'

const PERIOD_STATUS_LABELS: Record<string, string> = {
  open: 'Abierto',
  read: 'Leído',
  reviewed: 'En crítica',
  liquidated: 'Liquidado',
  issued: 'Facturado',
  closed: 'Cerrado',
}
const RUN_LABELS: Record<string, string> = { running: 'En proceso', draft: 'Borrador', approved: 'Aprobada', issued: 'Expedida', failed: 'Falló' }
const FREQUENCY_LABELS: Record<string, string> = { monthly: 'mensual', bimonthly: 'bimestral' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:read')
  const cycles = await listCyclesWithPeriods(db, { serviceAreaId: user.serviceAreaId })
  return { cycles, canOperate: can(user, 'billing:operate') }
}

export const meta: MetaFunction = () => [{ title: 'Facturación · Gestión' }]

export default function BillingHomeRoute() {
  const { cycles, canOperate } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Facturación</h1>
      <nav aria-label="Facturación" className="card">
        <ul>
          <li><Link to="/gestion/facturacion/liquidaciones">Liquidaciones</Link>: liquidar un ciclo, revisar el informe de control y expedir.</li>
          <li><Link to="/gestion/facturacion/critica">Crítica</Link>: consumos del periodo y desviaciones significativas.</li>
          {canOperate ? <li><Link to="/gestion/facturacion/lecturas">Lecturas</Link>: importar o registrar lecturas.</li> : null}
          <li><Link to="/gestion/facturacion/tarifas">Tarifas</Link>: versiones de tarifas y su aprobación.</li>
        </ul>
      </nav>
      {cycles.length === 0 ? <p>No hay ciclos de facturación en su área.</p> : null}
      {cycles.map((cycle) => (
        <section key={cycle.id}>
          <h2>
            {cycle.name} · {cycle.areaName}
          </h2>
          <p>
            Facturación {FREQUENCY_LABELS[cycle.frequency] ?? cycle.frequency}, {cycle.accounts.toLocaleString('es-CO')} cuentas.
          </p>
          <DataTable
            caption={`Periodos del ciclo ${cycle.name}`}
            rowKey={(p) => p.id}
            rows={cycle.periods}
            columns={[
              { header: 'Periodo', cell: (p) => p.code },
              { header: 'Estado', cell: (p) => PERIOD_STATUS_LABELS[p.status] ?? p.status },
              { header: 'Liquidación', cell: (p) => (p.runStatus ? RUN_LABELS[p.runStatus] ?? p.runStatus : '—') },
              { header: 'Expedición', cell: (p) => <DateText value={p.issueOn} /> },
              { header: 'Pago oportuno', cell: (p) => <DateText value={p.dueOn} /> },
              { header: 'Crítica', cell: (p) => <Link to={`/gestion/facturacion/critica?periodo=${p.id}`}>Ver crítica</Link> },
            ]}
          />
        </section>
      ))}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
