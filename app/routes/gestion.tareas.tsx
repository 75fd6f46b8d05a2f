import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { JOB_STATUS_LABELS, jobKindLabel } from '~/jobs/labels'
import { listJobs } from '~/jobs/queries.server'
import { InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { DataTable, Pagination } from '~/ui/table'

const PageSchema = z.coerce.number().int().min(1).catch(1)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'jobs:read')
  const page = PageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1)
  return listJobs(db, { page, pageSize: 25 })
}

export const meta: MetaFunction = () => [{ title: 'Tareas en segundo plano · Gestión' }]

export default function JobsRoute() {
  const { rows, page, pageCount, total } = useLoaderData<typeof loader>()
  const hasActive = rows.some((j) => j.status === 'queued' || j.status === 'running')
  useAutoRefresh(hasActive)
  return (
    <>
      <h1>Tareas en segundo plano</h1>
      <p>
        Envíos de correo, importaciones, liquidaciones y demás trabajos largos. Una tarea que falla se
        reintenta sola con esperas crecientes hasta su número máximo de intentos.{' '}
        {total.toLocaleString('es-CO')} tareas en total.
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No hay tareas">Cuando el sistema programe trabajos, aparecerán aquí.</EmptyState>
      ) : (
        <DataTable
          caption="Tareas, de la más reciente a la más antigua"
          rowKey={(j) => j.id}
          rows={rows}
          columns={[
            { header: 'Tarea', cell: (j) => jobKindLabel(j.kind) },
            { header: 'Estado', cell: (j) => JOB_STATUS_LABELS[j.status] ?? j.status },
            { header: 'Intentos', cell: (j) => `${j.attempts} de ${j.maxAttempts}`, align: 'end' },
            {
              header: 'Avance',
              cell: (j) =>
                j.progressTotal ? (
                  <>
                    <progress
                      max={j.progressTotal}
                      value={j.progressDone ?? 0}
                      aria-label={`Avance de ${jobKindLabel(j.kind)}`}
                    />{' '}
                    {(j.progressDone ?? 0).toLocaleString('es-CO')} de{' '}
                    {j.progressTotal.toLocaleString('es-CO')}
                    {j.progressMessage ? ` · ${j.progressMessage}` : null}
                  </>
                ) : (
                  '—'
                ),
            },
            { header: 'Creada', cell: (j) => <InstantText value={j.createdAt} withTime /> },
            { header: 'Último error', cell: (j) => j.lastError ?? '—' },
          ]}
        />
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}

/** Reloads the list every few seconds while a job on the page is queued or running. */
function useAutoRefresh(isActive: boolean) {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!isActive) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 3000)
    return () => clearInterval(timer)
  }, [isActive, revalidator])
}
