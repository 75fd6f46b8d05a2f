import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { deliveredLate, parseDeliveryForm } from '~/billing/invoices/delivery-form'
import { getBatch, recordDeliveries } from '~/billing/invoices/delivery.server'
import { requeueBatchPdf } from '~/billing/invoices/delivery-pdf.server'
import { todayInBogota } from '~/calendar/business-days'
import { db } from '~/db.server'
import { getJobProgress } from '~/jobs/queries.server'
import { getSetting } from '~/settings/read.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { JobProgress } from '~/ui/job-progress'
import { Pagination } from '~/ui/table'
import { notFound } from '~/utils/errors'

const PAGE_SIZE = 50
const RESULT_LABELS: Record<string, string> = { delivered: 'Entregada', returned: 'Devuelta' }

async function loadBatch(params: LoaderFunctionArgs['params'], serviceAreaId: string | null) {
  const id = z.uuid().safeParse(params.batchId)
  const batch = id.success ? await getBatch(db, id.data, { serviceAreaId }) : null
  if (!batch) notFound('El lote de reparto no existe o no es de su área.')
  return batch
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const batch = await loadBatch(params, user.serviceAreaId)
  const pageCount = Math.max(1, Math.ceil(batch.rows.length / PAGE_SIZE))
  const page = Math.min(Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1), pageCount)
  const recorded = batch.rows.filter((r) => r.result).length
  const [minDays, pdfJob] = await Promise.all([
    getSetting('invoice.delivery_min_days_before_due'),
    batch.batch.pdfJobId ? getJobProgress(db, batch.batch.pdfJobId) : null,
  ])
  // The batch was read before the job: a job that ended in between stored its file first (same transaction as the
  // link, committed before the job is marked succeeded), so read the link again rather than show a failure.
  const pdfFileId =
    batch.batch.pdfFileId ?? (pdfJob?.status === 'succeeded' ? ((await loadBatch(params, user.serviceAreaId)).batch.pdfFileId ?? null) : null)
  return {
    minDays,
    pdf: { isReady: pdfFileId !== null, job: pdfJob },
    batch: batch.batch,
    periodCode: batch.periodCode,
    zone: batch.zone,
    recorded,
    rows: batch.rows
      .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
      .map((r) => ({ ...r, late: r.result === 'delivered' && r.deliveredOn !== null && deliveredLate(r.deliveredOn, r.dueOn, minDays) })),
    page,
    pageCount,
    today: todayInBogota(new Date()),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const batch = await loadBatch(params, user.serviceAreaId)
  const form = await request.formData()
  if (form.get('intent') === 'pdf') {
    const queued = await requeueBatchPdf(db, { batchId: batch.batch.id, scope: { serviceAreaId: user.serviceAreaId } })
    if (!queued.ok) return data({ errors: [queued.error.message] }, { status: 400 })
    return redirect(new URL(request.url).pathname)
  }
  const numbers = new Map(batch.rows.map((r) => [r.invoiceId, r.number]))
  const parsed = parseDeliveryForm(form, {
    today: todayInBogota(new Date()),
    labelOf: (id) => `Factura ${numbers.get(id) ?? id}`,
  })
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 })
  const saved = await db.transaction((tx) =>
    recordDeliveries(tx, { batchId: batch.batch.id, results: parsed.results, userId: user.id, scope: { serviceAreaId: user.serviceAreaId } }),
  )
  if (!saved.ok) return data({ errors: [saved.error.message] }, { status: 400 })
  return redirect(new URL(request.url).pathname + new URL(request.url).search)
}

export const meta: MetaFunction = () => [{ title: 'Lote de reparto · Gestión' }]

export default function DeliveryBatchRoute() {
  const { batch, periodCode, zone, recorded, rows, page, pageCount, today, minDays, pdf } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <p>
        <Link to="/gestion/facturacion/reparto">Reparto de facturas</Link>
      </p>
      <h1>
        Lote de reparto {periodCode} · {zone}
      </h1>
      <p>
        {batch.invoiceCount.toLocaleString('es-CO')} facturas, preparado el <InstantText value={batch.createdAt} withTime />.
        Con resultado registrado: {recorded.toLocaleString('es-CO')}.
      </p>
      <BatchPdf batchId={batch.id} pdf={pdf} isPending={isPending} />
      <p>Las facturas deben llegar al menos {minDays} días antes del pago oportuno.</p>
      <Form method="post">
        <ErrorList errors={result?.errors} />
        <div className="table-scroll" role="region" aria-label="Facturas del lote" tabIndex={0}>
          <table className="data-table">
            <caption>Facturas en el orden de la ruta (página {page} de {pageCount})</caption>
            <thead>
              <tr>
                <th scope="col">Orden</th>
                <th scope="col">Factura y dirección</th>
                <th scope="col">Resultado</th>
                <th scope="col">Fecha</th>
                <th scope="col">Nota</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.invoiceId}>
                  <td>{r.routeOrder}</td>
                  <th scope="row">
                    N.º {r.number} · cuenta {r.accountNumber}
                    <br />
                    {r.address} (vence <DateText value={r.dueOn} />)
                    {r.late ? (
                      <>
                        <br />
                        <span className="badge badge-danger">Entregada con menos de {minDays} días antes del vencimiento</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <label className="visually-hidden" htmlFor={`resultado.${r.invoiceId}`}>
                      Resultado de la factura {r.number}
                    </label>
                    <select id={`resultado.${r.invoiceId}`} name={`resultado.${r.invoiceId}`} defaultValue={r.result ?? ''}>
                      <option value="">Sin registrar</option>
                      <option value="delivered">{RESULT_LABELS.delivered}</option>
                      <option value="returned">{RESULT_LABELS.returned}</option>
                    </select>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`fecha.${r.invoiceId}`}>
                      Fecha de entrega o devolución de la factura {r.number}
                    </label>
                    <input type="date" id={`fecha.${r.invoiceId}`} name={`fecha.${r.invoiceId}`} max={today} defaultValue={r.deliveredOn ?? ''} />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`nota.${r.invoiceId}`}>
                      Nota sobre la factura {r.number}
                    </label>
                    <input type="text" id={`nota.${r.invoiceId}`} name={`nota.${r.invoiceId}`} maxLength={500} defaultValue={r.note ?? ''} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Guardando…">
          Guardar los resultados de esta página
        </StatusButton>
      </Form>
      <Pagination page={page} pageCount={pageCount} />
    </>
  )
}

type PdfState = ReturnType<typeof useLoaderData<typeof loader>>['pdf']

/** The download once the job stored the PDF; its progress while it runs (the page polls); a way to queue it again. */
function BatchPdf({ batchId, pdf, isPending }: { batchId: string; pdf: PdfState; isPending: boolean }) {
  if (pdf.isReady)
    return (
      <p>
        <a className="button" href={`/gestion/facturacion/reparto/${batchId}/pdf`} download>
          Descargar el lote para imprimir (PDF)
        </a>
      </p>
    )
  const isActive = pdf.job?.status === 'queued' || pdf.job?.status === 'running'
  return (
    <>
      {pdf.job ? <JobProgress job={pdf.job} label="Preparación del PDF del lote" /> : null}
      {isActive ? (
        <p>El PDF se está preparando en segundo plano: puede salir de esta página y volver; el enlace de descarga aparecerá aquí.</p>
      ) : (
        <Form method="post" className="form card" aria-labelledby="pdf-titulo">
          <h2 id="pdf-titulo">{pdf.job ? 'No se pudo preparar el PDF' : 'El PDF de este lote no se ha preparado'}</h2>
          <input type="hidden" name="intent" value="pdf" />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
            Preparar el PDF del lote
          </StatusButton>
        </Form>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
