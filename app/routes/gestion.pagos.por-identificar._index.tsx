import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { UNIDENTIFIED_FILTERS, UNIDENTIFIED_REASON_LABELS, UNIDENTIFIED_STATUS_LABELS } from '~/payments/bank-file-schema'
import { listUnidentified } from '~/payments/unidentified-queries.server'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'

const QuerySchema = z.object({
  estado: z.enum(UNIDENTIFIED_FILTERS).catch('pending'),
  page: z.coerce.number().int().min(1).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'payments:read')
  const params = new URL(request.url).searchParams
  const query = QuerySchema.parse({ estado: params.get('estado') ?? 'pending', page: params.get('page') ?? 1 })
  return { status: query.estado, list: await listUnidentified(db, { status: query.estado, page: query.page }) }
}

export const meta: MetaFunction = () => [{ title: 'Pagos por identificar · Gestión' }]

export default function UnidentifiedQueueRoute() {
  const { status, list } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/gestion/pagos/archivos">Archivos de recaudo</Link>
      </p>
      <h1>Pagos por identificar</h1>
      <p>Dinero recibido del banco cuya referencia no corresponde a ninguna factura. Ábralo para asignarlo a una cuenta o devolverlo al pagador.</p>
      <nav aria-label="Estado" className="inline-links">
        {UNIDENTIFIED_FILTERS.map((s, i) => (
          <span key={s}>
            {i > 0 ? ' · ' : null}
            {s === status ? <strong aria-current="page">{UNIDENTIFIED_STATUS_LABELS[s]}</strong> : <Link to={`?estado=${s}`}>{UNIDENTIFIED_STATUS_LABELS[s]}</Link>}
          </span>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState title={status === 'pending' ? 'No hay pagos por identificar' : 'No hay pagos en este estado'}>
          {status === 'pending' ? 'Todos los pagos recibidos del banco se aplicaron a una cuenta.' : null}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`${UNIDENTIFIED_STATUS_LABELS[status]} (${list.total.toLocaleString('es-CO')})`}
            rowKey={(u) => u.id}
            rows={list.rows}
            columns={[
              { header: 'Referencia', cell: (u) => <Link to={`/gestion/pagos/por-identificar/${u.id}`} aria-label={`Abrir el pago con referencia ${u.referenceRaw}`}>{u.referenceRaw}</Link> },
              { header: 'Valor', cell: (u) => <Money value={u.amount} />, align: 'end' },
              { header: 'Pagado', cell: (u) => <DateText value={u.paidOn} /> },
              { header: 'Motivo', cell: (u) => UNIDENTIFIED_REASON_LABELS[u.reason] ?? u.reason },
              { header: 'Archivo', cell: (u) => (u.bankFileId ? <Link to={`/gestion/pagos/archivos/${u.bankFileId}`}>{u.fileName} · línea {u.lineNo}</Link> : '—') },
              ...(status === 'pending'
                ? []
                : [{ header: 'Resuelto', cell: (u: (typeof list.rows)[number]) => <>{u.accountNumber ? `Cuenta ${u.accountNumber} · ` : ''}{u.assignedBy ?? '—'}{u.assignedAt ? <> · <InstantText value={u.assignedAt} withTime /></> : null}</> }]),
            ]}
          />
          <Pagination page={list.page} pageCount={list.pageCount} />
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" />
}
