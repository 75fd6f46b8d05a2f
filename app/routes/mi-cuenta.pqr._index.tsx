import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { STATE_LABELS } from '~/pqr/status'
import { listMyCases } from '~/pqr/subscriber-queries.server'
import { DateText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { DataTable, Pagination } from '~/ui/table'

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  const { rows, total, pageCount } = await listMyCases(db, { userId: user.id, accountIds }, page)
  return { rows, total, page: Math.min(page, pageCount), pageCount }
}

export const meta: MetaFunction = () => [{ title: 'Mis PQR · Aguas de la Sabana' }]

export default function MyCasesRoute() {
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Mis peticiones, quejas y reclamos</h1>
      <p>
        <Link className="button" to="/mi-cuenta/pqr/nueva">
          Radicar una nueva
        </Link>
      </p>
      {total === 0 ? (
        <EmptyState title="No tiene solicitudes radicadas">
          <p>Cuando radique una petición, queja o reclamo, aquí verá su estado y la fecha límite de respuesta.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`Sus solicitudes (${total})`}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Radicado', cell: (r) => <Link to={`/mi-cuenta/pqr/${r.id}`}>{r.radicado}</Link> },
              { header: 'Tipo', cell: (r) => r.typeName },
              { header: 'Asunto', cell: (r) => r.subject },
              { header: 'Estado', cell: (r) => STATE_LABELS[r.state] },
              { header: 'Radicada', cell: (r) => <DateText value={r.filedOn} /> },
              { header: 'Respuesta a más tardar', cell: (r) => <DateText value={r.dueOn} /> },
              { header: 'Recursos hasta', cell: (r) => (r.recursoUntil ? <DateText value={r.recursoUntil} /> : '—') },
            ]}
          />
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  )
}
