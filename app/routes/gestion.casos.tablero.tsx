import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { BUCKET_LABELS, DASHBOARD_BUCKETS, DashboardQuerySchema, type DashboardBucket } from '~/pqr/dashboard'
import {
  countDashboard,
  dashboardWindow,
  listDashboardBucket,
  type DashboardRow,
} from '~/pqr/dashboard.server'
import { STATE_LABELS } from '~/pqr/status'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { DataTable, Pagination } from '~/ui/table'

const PREVIEW = 10
const PAGE_SIZE = 25

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:read')
  const query = DashboardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const scope = { areaId: user.serviceAreaId }
  const window = await dashboardWindow(db)
  const counts = await countDashboard(db, window, scope)
  const shown: DashboardBucket[] = query.lista ? [query.lista] : [...DASHBOARD_BUCKETS]
  const page = query.lista ? query.pagina : 1
  const limit = query.lista ? PAGE_SIZE : PREVIEW
  const lists = await Promise.all(
    shown.map(async (bucket) => ({
      bucket,
      rows: await listDashboardBucket(db, bucket, window, scope, { limit, offset: (page - 1) * limit }),
    })),
  )
  return {
    window,
    counts,
    lists,
    selected: query.lista ?? null,
    page,
    pageSize: limit,
    isScoped: Boolean(scope.areaId),
  }
}

export const meta: MetaFunction = () => [{ title: 'Tablero de vencimientos · Gestión' }]

export default function DeadlinesDashboardRoute() {
  const { window, counts, lists, selected, page, pageSize, isScoped } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/gestion/casos">← Cola de casos</Link>
      </p>
      <h1>Tablero de vencimientos</h1>
      <p>
        Hoy es <DateText value={window.today} />.{' '}
        {isScoped
          ? 'Se muestran solo los casos de su área de prestación.'
          : 'Se muestran los casos de todas las áreas.'}
      </p>
      <ul className="cards" aria-label="Resumen de vencimientos">
        {DASHBOARD_BUCKETS.map((b) => (
          <li key={b} className="card">
            <h2>
              <Link to={`?lista=${b}`} aria-current={selected === b ? 'page' : undefined}>
                {BUCKET_LABELS[b].title}:{' '}
                <span className={counts[b] > 0 && b !== 'por-vencer' ? 'badge badge-danger' : 'badge'}>
                  {counts[b]}
                </span>
              </Link>
            </h2>
            <p>{BUCKET_LABELS[b].help(window.atRiskDays)}</p>
          </li>
        ))}
      </ul>
      {selected ? (
        <p>
          <Link to=".">Ver todas las listas</Link>
        </p>
      ) : null}
      {lists.map(({ bucket, rows }) => (
        <section key={bucket} aria-labelledby={`lista-${bucket}`}>
          <h2 id={`lista-${bucket}`}>
            {BUCKET_LABELS[bucket].title} ({counts[bucket]})
          </h2>
          {rows.length === 0 ? (
            <EmptyState title="No hay casos en esta lista" />
          ) : (
            <>
              <CaseTable bucket={bucket} rows={rows} />
              {selected ? (
                <Pagination
                  page={page}
                  pageCount={Math.max(1, Math.ceil(counts[bucket] / pageSize))}
                  param="pagina"
                />
              ) : counts[bucket] > rows.length ? (
                <p>
                  <Link to={`?lista=${bucket}`}>Ver los {counts[bucket]} casos</Link>
                </p>
              ) : null}
            </>
          )}
        </section>
      ))}
    </>
  )
}

function CaseTable({ bucket, rows }: { bucket: DashboardBucket; rows: DashboardRow[] }) {
  const isSilencio = bucket === 'silencio'
  return (
    <DataTable
      caption={BUCKET_LABELS[bucket].title}
      rowKey={(r) => r.id}
      rows={rows}
      columns={[
        { header: 'Radicado', cell: (r) => <Link to={`/gestion/casos/${r.id}`}>{r.radicado}</Link> },
        { header: 'Tipo', cell: (r) => r.typeName },
        { header: 'Asunto', cell: (r) => r.subject },
        { header: 'Estado', cell: (r) => STATE_LABELS[r.state] },
        {
          header: isSilencio ? 'Venció el' : 'Vence',
          cell: (r) => (r.dueOn ? <DateText value={r.dueOn} /> : '—'),
        },
        isSilencio
          ? {
              header: 'Reconocer antes de',
              cell: (r) =>
                r.recognitionDueAt ? <InstantText value={r.recognitionDueAt} withTime /> : 'Resuelto',
            }
          : {
              header: 'Riesgo de silencio',
              cell: (r) => (r.silencioRisk ? <span className="badge badge-danger">Sí</span> : 'No'),
            },
        { header: 'Agente', cell: (r) => r.assignedName ?? 'Sin asignar' },
        { header: 'Área', cell: (r) => r.areaName ?? '—' },
      ]}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" />
}
