import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import type { SilencioTaskPayload } from '~/pqr/silencio.server'
import { listTasks } from '~/pqr/tasks-queries.server'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'

const PAGE_SIZE = 25
const QuerySchema = z.object({
  estado: z.enum(['abiertas', 'resueltas']).catch('abiertas').default('abiertas'),
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
const OUTCOME_LABELS: Record<string, string> = { recognised: 'Reconocido', not_applicable: 'No procede' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:read')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows, total } = await listTasks(db, 'silencio_recognition', {
    status: query.estado === 'abiertas' ? 'open' : 'resolved',
    scope: { areaId: user.serviceAreaId },
    limit: PAGE_SIZE,
    offset: (query.pagina - 1) * PAGE_SIZE,
  })
  return {
    estado: query.estado,
    page: query.pagina,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    now: new Date().toISOString(),
    tasks: rows.map((t) => {
      const payload = t.payload as SilencioTaskPayload
      return {
        id: t.id,
        radicado: t.radicado,
        subject: t.subject,
        typeName: t.typeName,
        areaName: t.areaName,
        dueOn: payload.dueOn,
        dueAt: t.dueAt?.toISOString() ?? null,
        credit: payload.proposal.effect.kind === 'credit' ? payload.proposal.effect.total : null,
        outcome: t.outcome ? (OUTCOME_LABELS[t.outcome] ?? t.outcome) : null,
        resolvedAt: t.resolvedAt?.toISOString() ?? null,
        resolvedByName: t.resolvedByName,
      }
    }),
  }
}

export const meta: MetaFunction = () => [{ title: 'Silencio administrativo positivo · Gestión' }]

export default function SilencioTasksRoute() {
  const { estado, page, pageCount, total, tasks, now } = useLoaderData<typeof loader>()
  const isOpen = estado === 'abiertas'
  return (
    <>
      <h1>Silencio administrativo positivo</h1>
      <p>
        Casos sin decisión dentro del término legal (Ley 142 de 1994, art. 158). La empresa debe reconocer sus
        efectos dentro de las 72 horas siguientes; el área jurídica confirma el reconocimiento o deja
        constancia de por qué no procede.
      </p>
      <nav aria-label="Estado de las tareas" className="inline-links">
        <Link to="?estado=abiertas" aria-current={isOpen ? 'page' : undefined}>
          Por resolver
        </Link>{' '}
        ·{' '}
        <Link to="?estado=resueltas" aria-current={!isOpen ? 'page' : undefined}>
          Resueltas
        </Link>
      </nav>
      {tasks.length === 0 ? (
        <EmptyState title={isOpen ? 'No hay casos en silencio por reconocer' : 'Aún no hay tareas resueltas'}>
          {isOpen
            ? 'El barrido diario marca aquí cada caso que quede sin decisión al vencer su término.'
            : null}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`${isOpen ? 'Por resolver' : 'Resueltas'} (${total})`}
            rowKey={(t) => t.id}
            rows={tasks}
            columns={[
              { header: 'Radicado', cell: (t) => <Link to={`/gestion/silencio/${t.id}`}>{t.radicado}</Link> },
              { header: 'Tipo', cell: (t) => t.typeName },
              { header: 'Asunto', cell: (t) => t.subject },
              { header: 'Término venció', cell: (t) => <DateText value={t.dueOn} /> },
              {
                header: 'Efecto propuesto',
                cell: (t) =>
                  t.credit ? (
                    <>
                      Abono de <Money value={t.credit} />
                    </>
                  ) : (
                    'Sin efecto en la factura'
                  ),
              },
              isOpen
                ? {
                    header: 'Reconocer antes de',
                    cell: (t) =>
                      t.dueAt ? (
                        <>
                          <InstantText value={t.dueAt} withTime />
                          {t.dueAt < now ? (
                            <>
                              {' '}
                              <span className="badge badge-danger">Vencido</span>
                            </>
                          ) : null}
                        </>
                      ) : (
                        '—'
                      ),
                  }
                : {
                    header: 'Resultado',
                    cell: (t) => `${t.outcome ?? '—'}${t.resolvedByName ? ` · ${t.resolvedByName}` : ''}`,
                  },
              { header: 'Área', cell: (t) => t.areaName ?? '—' },
            ]}
          />
          <Pagination page={page} pageCount={pageCount} param="pagina" />
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" />
}
