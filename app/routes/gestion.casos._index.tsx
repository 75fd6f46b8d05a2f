import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { autoAssignUnassigned, takeCase } from '~/pqr/assign.server'
import { parseQueueFilters, QUEUE_STATES } from '~/pqr/queue-filters'
import { listQueue, queueFilterOptions } from '~/pqr/queue.server'
import { CHANNEL_LABELS, STATE_LABELS } from '~/pqr/status'
import { DateText } from '~/ui/date'
import { DeadlineBadge } from '~/ui/deadline-badge'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { StatusButton, useIsPending } from '~/ui/forms'
import { DataTable, Pagination } from '~/ui/table'

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('take'), caseId: z.uuid('Caso no válido.') }),
  z.object({ intent: z.literal('auto_assign') }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'pqr:read')
  const filters = parseQueueFilters(new URL(request.url).searchParams)
  const viewer = { id: user.id, serviceAreaId: user.serviceAreaId }
  const [queue, options] = await Promise.all([listQueue(db, filters, viewer), queueFilterOptions(db, viewer)])
  return {
    queue,
    options,
    filters,
    canWork: can(user, 'pqr:work'),
    canAssign: can(user, 'pqr:assign'),
    isScoped: Boolean(user.serviceAreaId),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pqr:work')
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return data({ message: parsed.error.issues[0]?.message ?? 'Revise la solicitud.' }, { status: 400 })
  if (parsed.data.intent === 'take') {
    const taken = await takeCase({ caseId: parsed.data.caseId, actor: { id: user.id } })
    if (!taken.ok) return data({ message: taken.error.message }, { status: 409 })
    return redirect(`/gestion/casos/${taken.value.caseId}`)
  }
  if (!can(user, 'pqr:assign'))
    return data({ message: 'Solo coordinación asigna casos automáticamente.' }, { status: 403 })
  const result = await autoAssignUnassigned({
    areaId: user.serviceAreaId,
    actor: { kind: 'user', userId: user.id },
  })
  const message =
    result.assigned === 0 && result.failed.length === 0
      ? 'No hay casos sin asignar.'
      : `Se asignaron ${result.assigned} casos.${result.failed.length ? ` ${result.failed.length} no se pudieron asignar: ${result.failed[0]}` : ''}`
  return data({ message }, { status: result.failed.length && !result.assigned ? 409 : 200 })
}

export const meta: MetaFunction = () => [{ title: 'Cola de casos PQR · Gestión' }]

export default function CaseQueueRoute() {
  const { queue, options, filters, canWork, canAssign, isScoped } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const isPending = useIsPending()
  const mine = search.get('mios') === '1'
  return (
    <>
      <h1>Cola de casos PQR</h1>
      <p>
        Ordenada por el vencimiento legal (15 días hábiles, Ley 142 de 1994, art. 158).{' '}
        <Link to="/gestion/casos/tablero">Tablero de vencimientos</Link>
      </p>
      <nav aria-label="Vistas de la cola" className="actions">
        <Link to="/gestion/casos" aria-current={!mine ? 'page' : undefined}>
          Todos los casos
        </Link>
        {' · '}
        <Link to="/gestion/casos?mios=1" aria-current={mine ? 'page' : undefined}>
          Mis casos
        </Link>
        {' · '}
        <Link to="/gestion/casos?agente=sin">Sin asignar</Link>
      </nav>
      <Form method="get" className="card" aria-label="Filtros de la cola">
        {mine ? <input type="hidden" name="mios" value="1" /> : null}
        <div className="filters">
          <Select
            id="tipo"
            label="Tipo"
            value={filters.tipo}
            options={options.types.map((t) => [t.code, t.name])}
          />
          <Select
            id="causal"
            label="Causal"
            value={filters.causal}
            options={options.causales.map((c) => [c.code, `${c.code} · ${c.name}`])}
          />
          {isScoped ? null : (
            <Select
              id="area"
              label="Área de prestación"
              value={filters.area}
              options={options.areas.map((a) => [a.id, a.name])}
            />
          )}
          <Select id="canal" label="Canal" value={filters.canal} options={Object.entries(CHANNEL_LABELS)} />
          <Select
            id="estado"
            label="Estado"
            value={filters.estado}
            options={QUEUE_STATES.map((s) => [s, STATE_LABELS[s]])}
          />
          {mine ? null : (
            <Select
              id="agente"
              label="Agente"
              value={filters.agente}
              options={[
                ['sin', 'Sin asignar'],
                ...options.agents.map((a) => [a.id, a.name] as [string, string]),
              ]}
            />
          )}
        </div>
        <button type="submit" className="button">
          Filtrar
        </button>{' '}
        <Link to={mine ? '/gestion/casos?mios=1' : '/gestion/casos'}>Quitar filtros</Link>
      </Form>
      {canAssign ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="auto_assign" />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Asignando…">
            Asignar automáticamente los casos sin asignar (por área y carga)
          </StatusButton>
        </Form>
      ) : null}
      {result?.message ? <p role="status">{result.message}</p> : null}
      <p aria-live="polite">
        {queue.isTotalCapped
          ? `Más de ${queue.total.toLocaleString('es-CO')} casos`
          : `${queue.total.toLocaleString('es-CO')} ${queue.total === 1 ? 'caso' : 'casos'}`}
      </p>
      {queue.rows.length === 0 ? (
        <EmptyState title="No hay casos con estos filtros">
          {mine ? 'No tiene casos asignados abiertos.' : 'Pruebe con otros filtros.'}
        </EmptyState>
      ) : (
        <DataTable
          caption="Casos abiertos por vencimiento"
          rowKey={(r) => r.id}
          rows={queue.rows}
          columns={[
            { header: 'Radicado', cell: (r) => <Link to={`/gestion/casos/${r.id}`}>{r.radicado}</Link> },
            {
              header: 'Vence',
              cell: (r) => (
                <>
                  <DateText value={r.dueOn} />
                  <br />
                  <DeadlineBadge businessDaysLeft={r.businessDaysLeft} />
                </>
              ),
            },
            {
              header: 'Tipo y causal',
              cell: (r) => (
                <>
                  {r.typeName}
                  {r.causalName ? (
                    <>
                      <br />
                      <small>{r.causalName}</small>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: 'Estado',
              cell: (r) => (
                <>
                  {STATE_LABELS[r.state]}
                  {r.silencioRisk ? (
                    <>
                      <br />
                      <span className="badge badge-danger">Riesgo de silencio</span>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: 'Solicitante y asunto',
              cell: (r) => (
                <>
                  {r.filerName}
                  <br />
                  <small>{r.subject}</small>
                </>
              ),
            },
            {
              header: 'Canal',
              cell: (r) => CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS] ?? r.channel,
            },
            { header: 'Área', cell: (r) => r.areaName ?? '—' },
            {
              header: 'Agente',
              cell: (r) =>
                r.assignedName ??
                (canWork ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="take" />
                    <input type="hidden" name="caseId" value={r.id} />
                    <button type="submit" className="link-button" aria-label={`Tomar el caso ${r.radicado}`}>
                      Tomar
                    </button>
                  </Form>
                ) : (
                  'Sin asignar'
                )),
            },
          ]}
        />
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} param="pagina" />
    </>
  )
}

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string
  label: string
  value?: string
  options: [string, string][]
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${id}`}>{label}</label>
      <select id={`f-${id}`} name={id} defaultValue={value ?? ''}>
        <option value="">Todos</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
