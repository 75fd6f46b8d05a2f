import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { EXTENSION_REASON_LABELS, type ExtensionRequestPayload } from '~/pqr/extension'
import { listTasks } from '~/pqr/tasks-queries.server'
import { DateText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { DataTable, Pagination } from '~/ui/table'

const PAGE_SIZE = 25
const QuerySchema = z.object({ pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:approve')
  const { pagina } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows, total } = await listTasks(db, 'extension_approval', {
    status: 'open',
    scope: { areaId: user.serviceAreaId },
    limit: PAGE_SIZE,
    offset: (pagina - 1) * PAGE_SIZE,
  })
  return {
    page: pagina,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    tasks: rows.map((t) => {
      const p = t.payload as ExtensionRequestPayload
      return {
        id: t.id,
        radicado: t.radicado,
        subject: t.subject,
        dueOn: t.caseDueOn,
        reason: EXTENSION_REASON_LABELS[p.reason],
        businessDays: p.businessDays,
        requestedByName: p.requestedByName,
        requestedOn: p.requestedOn,
      }
    }),
  }
}

export const meta: MetaFunction = () => [{ title: 'Aprobaciones de PQR · Gestión' }]

export default function PqrApprovalsRoute() {
  const { tasks, total, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Ampliaciones de término por aprobar</h1>
      <p>
        Solicitudes de los agentes para ampliar el término de respuesta (Ley 142 de 1994, art. 158). Deben
        decidirse antes de que venza el término; quien la solicitó no puede aprobarla.
      </p>
      {tasks.length === 0 ? (
        <EmptyState title="No hay ampliaciones por aprobar" />
      ) : (
        <>
          <DataTable
            caption={`Por aprobar (${total})`}
            rowKey={(t) => t.id}
            rows={tasks}
            columns={[
              {
                header: 'Radicado',
                cell: (t) => <Link to={`/gestion/tareas-pqr/${t.id}`}>{t.radicado}</Link>,
              },
              { header: 'Asunto', cell: (t) => t.subject },
              { header: 'Motivo', cell: (t) => t.reason },
              { header: 'Días hábiles', cell: (t) => t.businessDays, align: 'end' },
              { header: 'Vence', cell: (t) => <DateText value={t.dueOn} /> },
              {
                header: 'Solicitó',
                cell: (t) => (
                  <>
                    {t.requestedByName}, <DateText value={t.requestedOn} />
                  </>
                ),
              },
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
