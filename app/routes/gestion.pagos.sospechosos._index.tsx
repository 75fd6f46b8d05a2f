import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { listFlaggedAttempts } from '~/payments/flagged-queries.server'
import { FLAG_FILTER_LABELS, FLAG_FILTERS } from '~/payments/flagged-schema'
import { InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'

const QuerySchema = z.object({
  estado: z.enum(FLAG_FILTERS).catch('pending'),
  page: z.coerce.number().int().min(1).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'payments:read')
  const params = new URL(request.url).searchParams
  const query = QuerySchema.parse({ estado: params.get('estado') ?? 'pending', page: params.get('page') ?? 1 })
  return { status: query.estado, list: await listFlaggedAttempts(db, { status: query.estado, page: query.page }) }
}

export const meta: MetaFunction = () => [{ title: 'Pagos en línea sospechosos · Gestión' }]

export default function FlaggedAttemptsRoute() {
  const { status, list } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/gestion/pagos/archivos">Archivos de recaudo</Link>
      </p>
      <h1>Pagos en línea sospechosos</h1>
      <p>
        Intentos de pago en línea cuyo aviso de la pasarela no coincide con lo que se cobró (valor, moneda u otra transacción
        para una referencia ya pagada). No se aplicaron al saldo: revise cada uno con la pasarela y deje una nota.
      </p>
      <nav aria-label="Estado" className="inline-links">
        {FLAG_FILTERS.map((s, i) => (
          <span key={s}>
            {i > 0 ? ' · ' : null}
            {s === status ? <strong aria-current="page">{FLAG_FILTER_LABELS[s]}</strong> : <Link to={`?estado=${s}`}>{FLAG_FILTER_LABELS[s]}</Link>}
          </span>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState title={status === 'pending' ? 'No hay pagos sospechosos por revisar' : 'Todavía no hay pagos sospechosos revisados'}>
          {status === 'pending' ? 'Todos los avisos de la pasarela coinciden con sus intentos de pago, o ya se revisaron.' : null}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`${FLAG_FILTER_LABELS[status]} (${list.total.toLocaleString('es-CO')})`}
            rowKey={(a) => a.id}
            rows={list.rows}
            columns={[
              { header: 'Referencia', cell: (a) => <Link to={`/gestion/pagos/sospechosos/${a.id}`} aria-label={`Abrir el intento con referencia ${a.reference}`}>{a.reference}</Link> },
              { header: 'Cuenta', cell: (a) => a.accountNumber },
              { header: 'Valor del intento', cell: (a) => <Money value={a.amount} />, align: 'end' },
              { header: 'Motivo', cell: (a) => a.reason },
              { header: 'Marcado', cell: (a) => <InstantText value={a.flaggedAt} withTime /> },
              ...(status === 'pending'
                ? []
                : [{ header: 'Revisado', cell: (a: (typeof list.rows)[number]) => <>{a.reviewedBy ?? '—'}{a.reviewedAt ? <> · <InstantText value={a.reviewedAt} withTime /></> : null}</> }]),
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
