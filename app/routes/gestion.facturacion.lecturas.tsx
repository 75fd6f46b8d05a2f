import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { listBillingPeriods, readBillingJob } from '~/billing/critica/queries.server'
import { importReadings, type ImportError } from '~/billing/readings/import.server'
import { importReadingsJob, SYNC_IMPORT_MAX_LINES, type ImportReadingsJobResult } from '~/billing/readings/jobs.server'
import { recordManualReading } from '~/billing/readings/manual-entry.server'
import { READING_COLUMNS } from '~/billing/readings/parse-csv'
import { db } from '~/db.server'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { JobProgress } from '~/ui/job-progress'

const MAX_FILE_BYTES = 20 * 1024 * 1024

const ManualSchema = z.object({
  periodId: z.uuid('Elija el periodo.'),
  accountNumber: z.string().trim().min(1, 'Escriba la cuenta.').max(30),
  value: z.string().trim().max(9),
  readOn: z.string().trim().min(1, 'Escriba la fecha (dd/mm/aaaa).'),
  readerCode: z.string().trim().min(1, 'Escriba el código del lector.').max(20),
  anomalyCode: z.string().trim().max(10).optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const periods = (await listBillingPeriods(db, { serviceAreaId: user.serviceAreaId })).filter((p) => ['open', 'read'].includes(p.status))
  const jobId = new URL(request.url).searchParams.get('tarea')
  const job = jobId && /^[0-9a-f-]{36}$/.test(jobId) ? await readBillingJob(db, jobId) : null
  return { periods, job: job ? { ...job, result: job.result as ImportReadingsJobResult | null } : null }
}

type ActionResult = { intent: 'import' | 'manual'; ok: boolean; message: string; lineErrors?: Array<{ line: number; message: string }> }

function rejected(intent: ActionResult['intent'], error: ImportError) {
  return data<ActionResult>({ intent, ok: false, message: error.message.split('. Línea')[0]!, lineErrors: error.lineErrors }, { status: 422 })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const form = await request.formData()
  const audit = { by: user.id, requestId: context.requestId, ip: context.ip }
  const periods = await listBillingPeriods(db, { serviceAreaId: user.serviceAreaId })
  const periodId = String(form.get('periodId') ?? '')
  if (!periods.some((p) => p.id === periodId)) {
    return data<ActionResult>({ intent: form.get('intent') === 'manual' ? 'manual' : 'import', ok: false, message: 'Elija un periodo de su área.' }, { status: 400 })
  }
  if (form.get('intent') === 'manual') {
    const parsed = ManualSchema.safeParse(Object.fromEntries(form))
    if (!parsed.success) return data<ActionResult>({ intent: 'manual', ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') }, { status: 400 })
    const outcome = await recordManualReading(db, { ...parsed.data, ...audit })
    if (!outcome.ok) return rejected('manual', outcome.error)
    return data<ActionResult>({ intent: 'manual', ok: true, message: `Lectura de la cuenta ${parsed.data.accountNumber} registrada.` })
  }
  const file = form.get('archivo')
  if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: 'import', ok: false, message: 'Elija el archivo CSV de lecturas.' }, { status: 400 })
  if (file.size > MAX_FILE_BYTES) return data<ActionResult>({ intent: 'import', ok: false, message: 'El archivo supera 20 MB.' }, { status: 400 })
  const csv = await file.text()
  if (csv.split('\n').length - 1 > SYNC_IMPORT_MAX_LINES) {
    const { id } = await importReadingsJob.enqueue(db, { periodId, csv, by: user.id })
    return redirect(`/gestion/facturacion/lecturas?tarea=${id}`)
  }
  const outcome = await importReadings(db, { periodId, csv, ...audit })
  if (!outcome.ok) return rejected('import', outcome.error)
  return data<ActionResult>({ intent: 'import', ok: true, message: `Se aplicaron ${outcome.value.applied} lecturas.` })
}

export const meta: MetaFunction = () => [{ title: 'Lecturas · Gestión' }]

export default function ReadingsRoute() {
  const { periods, job } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const isPending = useIsPending()
  const importResult = actionData?.intent === 'import' ? actionData : job?.result ? { ok: job.result.ok, message: job.result.ok ? `Se aplicaron ${job.result.applied} lecturas.` : job.result.message.split('. Línea')[0]!, lineErrors: job.result.ok ? undefined : job.result.lineErrors } : null
  const periodSelect = (id: string) => (
    <div className="field">
      <label htmlFor={id}>Periodo</label>
      <select id={id} name="periodId" defaultValue={params.get('periodo') ?? periods[0]?.id}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.areaName} · {p.cycleName} · {p.code}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <>
      <h1>Lecturas</h1>
      {job ? <JobProgress job={job} label="Importación de lecturas" /> : null}
      <Form method="post" encType="multipart/form-data" className="form card">
        <h2>Importar el archivo de un ciclo</h2>
        <p>
          Archivo CSV en UTF-8, separado por comas o punto y coma, con el encabezado <code>{READING_COLUMNS.join(',')}</code>. La
          fecha va como dd/mm/aaaa; la lectura en m³ enteros, vacía solo si hay código de anomalía. Si una fila tiene errores no
          se aplica ninguna lectura y se listan todas las líneas con su motivo.
        </p>
        <input type="hidden" name="intent" value="import" />
        {periodSelect('import-period')}
        <div className="field">
          <label htmlFor="archivo">Archivo de lecturas</label>
          <input id="archivo" name="archivo" type="file" accept=".csv,text/csv" required />
        </div>
        {importResult ? <ResultPanel result={importResult} /> : null}
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
          Importar lecturas
        </StatusButton>
      </Form>
      <Form method="post" className="form card">
        <h2>Registrar una lectura</h2>
        <input type="hidden" name="intent" value="manual" />
        {periodSelect('manual-period')}
        {[
          ['accountNumber', 'Cuenta', 'text'],
          ['value', 'Lectura (m³)', 'text'],
          ['readOn', 'Fecha de lectura (dd/mm/aaaa)', 'text'],
          ['readerCode', 'Código del lector', 'text'],
          ['anomalyCode', 'Código de anomalía (opcional)', 'text'],
        ].map(([name, label, type]) => (
          <div className="field" key={name}>
            <label htmlFor={`manual-${name}`}>{label}</label>
            <input id={`manual-${name}`} name={name} type={type} inputMode={name === 'value' ? 'numeric' : undefined} />
          </div>
        ))}
        {actionData?.intent === 'manual' ? <ResultPanel result={actionData} /> : null}
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
          Guardar lectura
        </StatusButton>
      </Form>
    </>
  )
}

function ResultPanel({ result }: { result: { ok: boolean; message: string; lineErrors?: Array<{ line: number; message: string }> } }) {
  if (result.ok) return <p role="status">{result.message}</p>
  return (
    <div role="alert">
      <ErrorList errors={[result.message]} />
      {result.lineErrors && result.lineErrors.length > 0 ? (
        <ul className="error-list">
          {result.lineErrors.map((e) => (
            <li key={e.line}>
              Línea {e.line}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
