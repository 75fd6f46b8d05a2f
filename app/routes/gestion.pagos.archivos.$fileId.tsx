import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { describeMedio, describeProcedencia } from '~/payments/asobancaria-layout'
import { BANK_FILE_STATUS_LABELS, type BankFileReport } from '~/payments/bank-file-schema'
import { getBankFile } from '~/payments/bank-queries.server'
import { retryBankFileImport } from '~/payments/bank-retry.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { JobProgress } from '~/ui/job-progress'
import { Money } from '~/ui/money'
import { DataTable } from '~/ui/table'
import { notFound } from '~/utils/errors'

/** Lines shown per list on the page (the stored report keeps more; the counts are always complete). */
const SHOWN = 300

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'payments:read')
  const file = await getBankFile(db, params.fileId ?? '')
  if (!file) notFound('No existe ese archivo de recaudo.')
  const report = file.report ? { ...file.report, errors: file.report.errors.slice(0, SHOWN), duplicateLines: file.report.duplicateLines.slice(0, SHOWN), rejectedLines: file.report.rejectedLines.slice(0, SHOWN), totalErrors: file.report.errors.length } : null
  return { file: { ...file, report }, channels: report ? channelRows(report.channels) : [], canOperate: can(user, 'payments:operate') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'payments:operate')
  const file = await getBankFile(db, params.fileId ?? '')
  if (!file) notFound('No existe ese archivo de recaudo.')
  const form = await request.formData()
  if (form.get('intent') !== 'retry') return data({ message: 'Acción desconocida.' }, { status: 400 })
  const outcome = await retryBankFileImport(db, { fileId: file.id, userId: user.id, requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  return redirect(`/gestion/pagos/archivos/${file.id}`)
}

function channelRows(channels: BankFileReport['channels']) {
  return Object.entries(channels).map(([code, count]) => {
    const [procedencia = '', medio = ''] = code.split('-')
    return { code, count, procedencia: describeProcedencia(procedencia).label, medio: describeMedio(medio).label }
  })
}

export const meta: MetaFunction = () => [{ title: 'Informe del archivo de recaudo · Gestión' }]

export default function BankFileReportRoute() {
  const { file, channels, canOperate } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  const report = file.report
  const isActive = file.status === 'queued' || file.status === 'running'
  return (
    <>
      <p>
        <Link to="/gestion/pagos/archivos">Archivos de recaudo</Link>
      </p>
      <h1>{file.fileName}</h1>
      <p>
        {file.bankName ?? 'Banco sin identificar'}
        {file.fileDate ? <> · recaudo del <DateText value={file.fileDate} /></> : null}
        {file.modifier ? ` · modificador ${file.modifier}` : ''}. Cargado el <InstantText value={file.uploadedAt} withTime /> por {file.uploadedBy ?? 'el sistema'}.
        Estado: <strong>{BANK_FILE_STATUS_LABELS[file.status] ?? file.status}</strong>.
      </p>
      {file.job && (isActive || file.status === 'failed') ? <JobProgress job={file.job} label="Avance de la importación" /> : null}
      {file.status === 'failed' && canOperate ? (
        <Form method="post" className="form card" aria-labelledby="reintentar-titulo">
          <h2 id="reintentar-titulo">La importación falló por un error técnico</h2>
          <p>Los pagos ya aplicados no se aplican dos veces: al reintentar se continúa donde quedó.</p>
          <input type="hidden" name="intent" value="retry" />
          <ErrorList errors={result?.message ? [result.message] : []} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
            Reintentar la importación
          </StatusButton>
        </Form>
      ) : null}
      {file.status === 'rejected' && report ? (
        <section className="card" role="alert" aria-labelledby="rechazo-titulo">
          <h2 id="rechazo-titulo">Archivo rechazado: no se aplicó ningún pago</h2>
          <p>Corrija el archivo con el banco y cárguelo de nuevo. Errores encontrados ({report.totalErrors.toLocaleString('es-CO')}):</p>
          <ul className="error-list">
            {report.errors.map((e, i) => (
              <li key={`${e.line}-${i}`}>
                Línea {e.line}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {file.status === 'applied' && report ? <AppliedReport fileId={file.id} report={report} channels={channels} /> : null}
    </>
  )
}

type Report = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['file']['report']>

function AppliedReport({ fileId, report, channels }: { fileId: string; report: Report; channels: ReturnType<typeof channelRows> }) {
  const summary = [
    { label: 'Aplicados', count: report.applied, amount: report.appliedAmount },
    { label: 'Ya recibidos por la pasarela (no se aplicaron de nuevo)', count: report.duplicates, amount: report.duplicateAmount },
    { label: 'Pagos por identificar', count: report.unidentified, amount: report.unidentifiedAmount },
    { label: 'No aplicados (rechazados)', count: report.rejected, amount: null },
  ]
  return (
    <>
      <DataTable
        caption="Resultado de la importación"
        rowKey={(r) => r.label}
        rows={summary}
        columns={[
          { header: 'Resultado', cell: (r) => r.label },
          { header: 'Pagos', cell: (r) => r.count.toLocaleString('es-CO'), align: 'end' },
          { header: 'Valor', cell: (r) => (r.amount ? <Money value={r.amount} /> : '—'), align: 'end' },
        ]}
      />
      <p className="inline-links">
        <Link to={`/gestion/pagos/devoluciones?archivo=${fileId}`}>Pagos aplicados de este archivo (devoluciones)</Link>
        {report.unidentified > 0 ? <> · <Link to="/gestion/pagos/por-identificar">Ir a pagos por identificar</Link></> : null}
      </p>
      <DataTable
        caption="Lotes y sus totales de control"
        rowKey={(l) => String(l.number)}
        rows={report.lotes}
        columns={[
          { header: 'Lote', cell: (l) => String(l.number).padStart(4, '0') },
          { header: 'Línea', cell: (l) => l.line, align: 'end' },
          { header: 'Pagos', cell: (l) => l.count.toLocaleString('es-CO'), align: 'end' },
          { header: 'Total', cell: (l) => <Money value={l.amount} />, align: 'end' },
        ]}
      />
      <DataTable
        caption="Pagos por procedencia y medio (códigos tal como los envió el banco)"
        rowKey={(c) => c.code}
        rows={channels}
        columns={[
          { header: 'Código', cell: (c) => c.code },
          { header: 'Procedencia', cell: (c) => c.procedencia },
          { header: 'Medio', cell: (c) => c.medio },
          { header: 'Pagos', cell: (c) => c.count.toLocaleString('es-CO'), align: 'end' },
        ]}
      />
      {report.duplicateLines.length > 0 ? (
        <DataTable
          caption="Líneas reconocidas como pagos ya recibidos por la pasarela"
          rowKey={(d) => String(d.line)}
          rows={report.duplicateLines}
          columns={[
            { header: 'Línea', cell: (d) => d.line, align: 'end' },
            { header: 'Referencia', cell: (d) => d.reference },
            { header: 'Valor', cell: (d) => <Money value={d.amount} />, align: 'end' },
          ]}
        />
      ) : null}
      {report.rejectedLines.length > 0 ? (
        <DataTable
          caption="Líneas no aplicadas"
          rowKey={(r) => String(r.line)}
          rows={report.rejectedLines}
          columns={[
            { header: 'Línea', cell: (r) => r.line, align: 'end' },
            { header: 'Motivo', cell: (r) => r.reason },
          ]}
        />
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/gestion"
      statusHandlers={{
        404: () => (
          <>
            <h1>Archivo no encontrado</h1>
            <p>No existe ese archivo de recaudo. Vuelva a la lista de archivos cargados.</p>
          </>
        ),
      }}
    />
  )
}
