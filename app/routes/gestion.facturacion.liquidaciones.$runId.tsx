import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { issueLiquidation } from '~/billing/liquidation/issue.server'
import { getRun } from '~/billing/liquidation/queries.server'
import { getControlReport } from '~/billing/liquidation/report.server'
import { db } from '~/db.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { StatusButton, useIsPending } from '~/ui/forms'
import { JobProgress } from '~/ui/job-progress'
import { Money } from '~/ui/money'
import { DataTable } from '~/ui/table'
import { notFound } from '~/utils/errors'
import { AlertMessage } from '~/ui/alert-message'

const RUN_LABELS: Record<string, string> = { running: 'En proceso', draft: 'Borrador (sin expedir)', approved: 'Aprobada', issued: 'Expedida', failed: 'Falló' }
const SERVICE_LABELS: Record<string, string> = { acueducto: 'Acueducto', alcantarillado: 'Alcantarillado', aseo: 'Aseo' }
const DEVIATION_LABELS: Record<string, string> = { significant_deviation_up: 'Aumento significativo', significant_deviation_down: 'Disminución significativa' }

const IssueSchema = z.object({
  intent: z.literal('issue'),
  confirm: z.literal('si', { error: 'Marque la casilla para confirmar que revisó el informe de control.' }),
})

async function loadRun(request: Request, runId: string | undefined, permission: 'billing:read' | 'billing:approve') {
  const user = await requireStaff(request, permission)
  const run = runId && /^[0-9a-f-]{36}$/i.test(runId) ? await getRun(db, runId) : null
  if (!run || (user.serviceAreaId && user.serviceAreaId !== run.serviceAreaId)) notFound('No existe esa liquidación.')
  return { user, run }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, run } = await loadRun(request, params.runId, 'billing:read')
  const report = run.status === 'draft' || run.status === 'approved' || run.status === 'issued' ? await getControlReport(db, run.id) : null
  return { run, report, canIssue: can(user, 'billing:approve') && user.role === 'coordinator' }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, run } = await loadRun(request, params.runId, 'billing:approve')
  // Only a coordinator approves and issues invoices (issue 3: the coordinator's approval).
  if (user.role !== 'coordinator') return data({ message: 'Solo un coordinador puede aprobar y expedir la facturación.' }, { status: 403 })
  const parsed = IssueSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const issued = await db.transaction((tx) =>
    issueLiquidation(tx, { runId: run.id, actor: { kind: 'user', userId: user.id }, requestId: context.requestId, ip: context.ip }),
  )
  if (!issued.ok) return data({ message: issued.error.message }, { status: 409 })
  return redirect(`/gestion/facturacion/liquidaciones/${run.id}`)
}

export const meta: MetaFunction = () => [{ title: 'Liquidación · Gestión' }]

export default function LiquidationRunRoute() {
  const { run, report, canIssue } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/gestion/facturacion/liquidaciones">Liquidaciones</Link>
      </p>
      <h1>
        Liquidación {run.cycleName} · {run.periodCode}
        {run.zoneName ? ` · ${run.zoneName}` : ''}
      </h1>
      <p>
        Estado: <strong>{RUN_LABELS[run.status] ?? run.status}</strong>. Expedición <DateText value={run.issueOn} />, pago oportuno{' '}
        <DateText value={run.dueOn} />. Inició: {run.startedBy ?? 'el sistema'}.
        {run.issuedAt ? (
          <>
            {' '}Expidió: {run.issuedBy ?? 'el sistema'}, <InstantText value={run.issuedAt} withTime />.
          </>
        ) : null}
      </p>
      <AlertMessage message={run.error} />
      {run.job ? <JobProgress job={run.job} label="Avance de la liquidación" /> : null}
      {report ? <ControlReport report={report} /> : null}
      {report && run.status === 'draft' && canIssue ? <IssueForm invoices={report.totals.invoices} pending={report.pendingAccounts} /> : null}
    </>
  )
}

type Report = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['report']>

function ControlReport({ report }: { report: Report }) {
  const t = report.totals
  return (
    <section aria-labelledby="control-report">
      <h2 id="control-report">Informe de control</h2>
      <dl className="card">
        <dt>Facturas</dt>
        <dd>{t.invoices.toLocaleString('es-CO')}</dd>
        <dt>Cuentas sin liquidar (consumo no liberado)</dt>
        <dd>{report.pendingAccounts.toLocaleString('es-CO')}</dd>
        <dt>Cargos del periodo</dt>
        <dd><Money value={t.currentCharges} /></dd>
        <dt>Saldo anterior</dt>
        <dd><Money value={t.previousBalance} /></dd>
        <dt>Total a pagar</dt>
        <dd><Money value={t.totalToPay} /></dd>
        <dt>Σ subsidios</dt>
        <dd><Money value={t.subsidies} /></dd>
        <dt>Σ contribuciones</dt>
        <dd><Money value={t.contributions} /></dd>
        <dt>Balance del fondo de solidaridad (contribuciones − subsidios)</dt>
        <dd><Money value={t.solidarityBalance} /></dd>
      </dl>
      <DataTable caption="Totales por servicio" rowKey={(r) => r.service ?? 'otros'} rows={report.byService} columns={[
        { header: 'Servicio', cell: (r) => (r.service ? SERVICE_LABELS[r.service] ?? r.service : 'Otros cobros') },
        { header: 'Valor', cell: (r) => <Money value={r.amount} />, align: 'end' },
      ]} />
      <DataTable caption="Totales por estrato y uso" rowKey={(r) => r.category} rows={report.byCategory} columns={[
        { header: 'Estrato o uso', cell: (r) => r.category },
        { header: 'Facturas', cell: (r) => r.invoices.toLocaleString('es-CO'), align: 'end' },
        { header: 'Cargos del periodo', cell: (r) => <Money value={r.amount} />, align: 'end' },
      ]} />
      <DataTable caption="Totales por concepto" rowKey={(r) => r.concept} rows={report.byConcept} columns={[
        { header: 'Concepto', cell: (r) => r.concept.replaceAll('_', ' ') },
        { header: 'Líneas', cell: (r) => r.lines.toLocaleString('es-CO'), align: 'end' },
        { header: 'Valor', cell: (r) => <Money value={r.amount} />, align: 'end' },
      ]} />
      {report.topDeviations.length > 0 ? (
        <DataTable caption="Mayores desviaciones de consumo" rowKey={(r) => r.accountNumber} rows={report.topDeviations} columns={[
          { header: 'Cuenta', cell: (r) => r.accountNumber },
          { header: 'Desviación', cell: (r) => DEVIATION_LABELS[r.classification] ?? r.classification },
          { header: 'Facturado (m³)', cell: (r) => r.billedM3, align: 'end' },
          { header: 'Promedio (m³)', cell: (r) => r.averageM3 ?? '—', align: 'end' },
        ]} />
      ) : null}
    </section>
  )
}

function IssueForm({ invoices, pending }: { invoices: number; pending: number }) {
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <Form method="post" className="form card">
      <h2>Aprobar y expedir</h2>
      <p>
        Se expedirán {invoices.toLocaleString('es-CO')} facturas. Una factura expedida no se modifica: las correcciones se hacen con notas
        crédito o débito.{pending > 0 ? ` Quedan ${pending.toLocaleString('es-CO')} cuentas sin liquidar en este periodo.` : ''}
      </p>
      <div className="field">
        <label>
          <input type="checkbox" name="confirm" value="si" required /> Revisé el informe de control y apruebo la expedición.
        </label>
      </div>
      <AlertMessage message={result?.message} />
      <input type="hidden" name="intent" value="issue" />
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
        Aprobar y expedir
      </StatusButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
