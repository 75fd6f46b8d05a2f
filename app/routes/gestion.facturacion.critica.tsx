import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { CLASSIFICATIONS, type Classification } from '~/billing/critica/classify'
import { runCriticaJob } from '~/billing/critica/jobs.server'
import { listBillingPeriods, listCritica, listZonesOfPeriod, readBillingJob } from '~/billing/critica/queries.server'
import { recordDeviationVisit, reviewConsumptions } from '~/billing/critica/review.server'
import { db } from '~/db.server'
import { StatusButton, useIsPending } from '~/ui/forms'
import { JobProgress } from '~/ui/job-progress'

const CLASS_LABELS: Record<Classification, string> = {
  normal: 'Normal',
  significant_deviation_up: 'Desviación significativa (aumento)',
  significant_deviation_down: 'Desviación significativa (disminución)',
  zero: 'Consumo cero',
  negative: 'Diferencia negativa',
  rollover: 'Medidor dio la vuelta',
  no_reading: 'Sin lectura (estimado)',
}
const STATUS_LABELS = { pending: 'Pendiente', released: 'Liberada', held: 'Retenida' } as const
const BASIS_LABELS = { measured: 'Medido', average: 'Promedio propio', estimated: 'Estimado', category_average: 'Promedio del estrato/uso' } as const

const FilterSchema = z.object({
  periodo: z.uuid().optional().catch(undefined),
  clase: z.enum(CLASSIFICATIONS).optional().catch(undefined),
  zona: z.uuid().optional().catch(undefined),
  estado: z.enum(['pending', 'released', 'held']).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(100000).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:read')
  const url = new URL(request.url)
  const f = FilterSchema.parse(Object.fromEntries(url.searchParams))
  const periods = await listBillingPeriods(db, { serviceAreaId: user.serviceAreaId })
  const period = periods.find((p) => p.id === f.periodo) ?? periods[0] ?? null
  const jobId = url.searchParams.get('tarea')
  const job = jobId && /^[0-9a-f-]{36}$/.test(jobId) ? await readBillingJob(db, jobId) : null
  if (!period) return { periods, period: null, zones: [], list: null, filter: f, job, canOperate: false, canReview: false }
  const [zones, list] = await Promise.all([
    listZonesOfPeriod(db, period.id),
    listCritica(db, { periodId: period.id, classification: f.clase, zoneId: f.zona, status: f.estado, page: f.pagina }),
  ])
  return { periods, period, zones, list, filter: f, job, canOperate: can(user, 'billing:operate'), canReview: can(user, 'billing:approve') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const intent = String(form.get('intent'))
  const user = await requireStaff(request, intent === 'run' || intent === 'visit' ? 'billing:operate' : 'billing:approve')
  const periods = await listBillingPeriods(db, { serviceAreaId: user.serviceAreaId })
  const periodId = String(form.get('periodId') ?? '')
  if (!periods.some((p) => p.id === periodId)) return data({ message: 'Elija un periodo de su área.' }, { status: 400 })
  if (intent === 'run') {
    const { id } = await runCriticaJob.enqueue(db, { periodId })
    return redirect(`/gestion/facturacion/critica?periodo=${periodId}&tarea=${id}`)
  }
  if (intent === 'visit') return recordVisit(form, { periodId, by: user.id, requestId: context.requestId, ip: context.ip })
  const ids = form.getAll('ids').map(String).filter((id) => /^[0-9a-f-]{36}$/.test(id))
  const audit = { by: user.id, requestId: context.requestId, ip: context.ip }
  let changed = 0
  if (intent === 'release-normal') {
    changed = await reviewConsumptions(db, { periodId, decision: 'release', classifications: ['normal', 'rollover'], ...audit })
  } else if (intent === 'release' || intent === 'hold') {
    if (ids.length === 0) return data({ message: 'Marque al menos una cuenta.' }, { status: 400 })
    changed = await reviewConsumptions(db, { periodId, decision: intent, consumptionIds: ids, ...audit })
  }
  return data({ message: `${changed} ${changed === 1 ? 'cuenta actualizada' : 'cuentas actualizadas'}.` })
}

const VisitSchema = z.object({
  consumptionId: z.uuid(),
  realM3: z.coerce.number({ error: 'Escriba el consumo real en m³.' }).int('Escriba m³ enteros.').min(0, 'No puede ser negativo.').max(1_000_000),
  note: z.string().trim().min(5, 'Describa el resultado de la visita.').max(500),
})

async function recordVisit(form: FormData, audit: { periodId: string; by: string; requestId: string; ip: string }) {
  const parsed = VisitSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return data({ message: parsed.error.issues.map((i) => i.message).join(' ') }, { status: 400 })
  const outcome = await recordDeviationVisit(db, { ...parsed.data, ...audit })
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  const diff = outcome.value.differenceM3
  return data({
    message:
      diff === 0
        ? 'Visita registrada: el consumo real coincide con lo facturado.'
        : `Visita registrada: ${Math.abs(diff)} m³ por ${diff > 0 ? 'cobrar (nota débito)' : 'abonar (nota crédito)'} (Ley 142 art. 149).`,
  })
}

export const meta: MetaFunction = () => [{ title: 'Crítica · Gestión' }]

export default function CriticaRoute() {
  const { periods, period, zones, list, filter, job, canOperate, canReview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const isPending = useIsPending()
  const counts = list?.counts ?? []
  const byClass = CLASSIFICATIONS.map((c) => ({ c, n: counts.filter((x) => x.classification === c).reduce((s, x) => s + Number(x.n), 0) }))
  const pageHref = (page: number) => {
    const params = new URLSearchParams(location.search)
    params.set('pagina', String(page))
    params.delete('tarea')
    return `${location.pathname}?${params.toString()}`
  }
  return (
    <>
      <h1>Crítica de consumos</h1>
      <p>
        Desviaciones significativas según la Res. CRA 151 de 2001 (35 % con promedio de 40 m³ o más; 65 % con promedio menor).
        Mientras se investiga una desviación, la cuenta se factura por su promedio (Ley 142, art. 149).
      </p>
      {job ? <JobProgress job={job} label="Cálculo de la crítica" /> : null}
      {actionData && 'message' in actionData ? <p role="status">{actionData.message}</p> : null}
      <Form method="get" className="form card filters">
        <div className="field">
          <label htmlFor="periodo">Periodo</label>
          <select id="periodo" name="periodo" defaultValue={period?.id}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.areaName} · {p.cycleName} · {p.code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="clase">Clase</label>
          <select id="clase" name="clase" defaultValue={filter.clase ?? ''}>
            <option value="">Todas</option>
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {CLASS_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="zona">Zona</label>
          <select id="zona" name="zona" defaultValue={filter.zona ?? ''}>
            <option value="">Todas</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="estado">Estado</label>
          <select id="estado" name="estado" defaultValue={filter.estado ?? ''}>
            <option value="">Todos</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Filtrar
        </button>
      </Form>
      {period && canOperate ? (
        <Form method="post">
          <input type="hidden" name="periodId" value={period.id} />
          <StatusButton type="submit" name="intent" value="run" status={isPending ? 'pending' : 'idle'}>
            Calcular la crítica del periodo
          </StatusButton>
        </Form>
      ) : null}
      {list ? (
        <>
          <ul className="counts" aria-label="Cuentas por clase">
            {byClass.map(({ c, n }) => (
              <li key={c}>
                {CLASS_LABELS[c]}: <strong>{n.toLocaleString('es-CO')}</strong>
              </li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="periodId" value={period!.id} />
            <div className="table-scroll" role="region" aria-label="Consumos del periodo" tabIndex={0}>
              <table className="data-table">
                <caption>Consumos del periodo {period!.code}</caption>
                <thead>
                  <tr>
                    {canReview ? <th scope="col">Marcar</th> : null}
                    <th scope="col">Cuenta</th>
                    <th scope="col">Zona</th>
                    <th scope="col" className="num">Anterior</th>
                    <th scope="col" className="num">Actual</th>
                    <th scope="col" className="num">Medido m³</th>
                    <th scope="col" className="num">Promedio m³</th>
                    <th scope="col" className="num">Facturar m³</th>
                    <th scope="col">Base</th>
                    <th scope="col">Clase</th>
                    <th scope="col">Estado</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={r.id}>
                      {canReview ? (
                        <td>
                          <input type="checkbox" name="ids" value={r.id} id={`c-${r.id}`} aria-label={`Marcar la cuenta ${r.accountNumber}`} />
                        </td>
                      ) : null}
                      <td>{r.accountNumber}</td>
                      <td>{r.zoneName}</td>
                      <td className="num">{r.previousReading ?? '—'}</td>
                      <td className="num">{r.currentReading ?? '—'}</td>
                      <td className="num">{r.measuredM3 ?? '—'}</td>
                      <td className="num">{r.averageM3?.replace('.', ',') ?? '—'}</td>
                      <td className="num">{r.billedM3}</td>
                      <td>{BASIS_LABELS[r.basis]}</td>
                      <td>
                        {CLASS_LABELS[r.classification]}
                        {r.workOrderId ? (r.resolvedM3 === null ? ' · visita abierta' : ` · visita: ${r.resolvedM3} m³`) : null}
                      </td>
                      <td>{STATUS_LABELS[r.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {canReview ? (
              <div className="actions">
                <button type="submit" name="intent" value="release" className="button">
                  Liberar marcadas
                </button>
                <button type="submit" name="intent" value="hold" className="button button-secondary">
                  Retener marcadas
                </button>
                <button type="submit" name="intent" value="release-normal" className="button button-secondary">
                  Liberar todas las normales pendientes
                </button>
              </div>
            ) : null}
          </Form>
          {canOperate && list.rows.some((r) => r.workOrderId && r.resolvedM3 === null) ? (
            <VisitForm periodId={period!.id} rows={list.rows.filter((r) => r.workOrderId && r.resolvedM3 === null)} />
          ) : null}
          <nav className="pagination" aria-label="Paginación">
            {list.page > 1 ? <Link to={pageHref(list.page - 1)}>Anterior</Link> : null}
            <span aria-current="page">Página {list.page}</span>
            {list.hasNext ? <Link to={pageHref(list.page + 1)}>Siguiente</Link> : null}
          </nav>
        </>
      ) : (
        <p>No hay periodos de facturación.</p>
      )}
    </>
  )
}

function VisitForm({ periodId, rows }: { periodId: string; rows: Array<{ id: string; accountNumber: string }> }) {
  return (
    <Form method="post" className="form card">
      <h2>Registrar el resultado de una visita por desviación</h2>
      <p>La diferencia entre el consumo real y lo facturado por promedio queda pendiente de una nota crédito o débito.</p>
      <input type="hidden" name="intent" value="visit" />
      <input type="hidden" name="periodId" value={periodId} />
      <div className="field">
        <label htmlFor="visit-account">Cuenta</label>
        <select id="visit-account" name="consumptionId">
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.accountNumber}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="visit-m3">Consumo real (m³)</label>
        <input id="visit-m3" name="realM3" inputMode="numeric" required />
      </div>
      <div className="field">
        <label htmlFor="visit-note">Resultado de la visita</label>
        <input id="visit-note" name="note" required />
      </div>
      <button type="submit" className="button">
        Registrar visita
      </button>
    </Form>
  )
}
