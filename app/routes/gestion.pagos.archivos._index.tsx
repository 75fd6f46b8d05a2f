import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { BANK_FILE_STATUS_LABELS } from '~/payments/bank-file-schema'
import { listBankFiles } from '~/payments/bank-queries.server'
import { uploadBankFile } from '~/payments/bank-upload.server'
import { getSetting } from '~/settings/read.server'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'

const PageSchema = z.coerce.number().int().min(1).catch(1)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'payments:read')
  const page = PageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1)
  const [files, maxMb] = await Promise.all([listBankFiles(db, { page }), getSetting('payments.bank_file_max_mb')])
  return { files, maxMb, canOperate: can(user, 'payments:operate') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'payments:operate')
  const maxMb = await getSetting('payments.bank_file_max_mb')
  const tooLarge = () => data({ message: `El archivo supera el máximo de ${maxMb} MB. Pida al banco el archivo del día o divídalo por lotes.` }, { status: 413 })
  const maxBytes = maxMb * 1024 * 1024
  // Refuse before reading a body far larger than the limit (the multipart envelope adds a few bytes).
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes + 64 * 1024) return tooLarge()
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge()
    return data({ message: 'Elija el archivo de recaudo (Asobancaria 2001) y envíelo de nuevo.' }, { status: 400 })
  }
  const file = form.get('archivo')
  if (!(file instanceof File) || file.size === 0) return data({ message: 'Elija el archivo de recaudo (Asobancaria 2001).' }, { status: 400 })
  const outcome = await uploadBankFile(db, { fileName: file.name || 'archivo.txt', content: await file.text(), userId: user.id, requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  return redirect(`/gestion/pagos/archivos/${outcome.value.fileId}`)
}

export const meta: MetaFunction = () => [{ title: 'Archivos de recaudo bancario · Gestión' }]

export default function BankFilesRoute() {
  const { files, maxMb, canOperate } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <h1>Archivos de recaudo bancario</h1>
      <nav aria-label="Recaudo" className="inline-links">
        <Link to="/gestion/pagos/por-identificar">Pagos por identificar</Link> · <Link to="/gestion/pagos/devoluciones">Devoluciones bancarias</Link>
      </nav>
      {canOperate ? (
        <Form method="post" encType="multipart/form-data" className="form card" aria-labelledby="cargar-titulo">
          <h2 id="cargar-titulo">Cargar un archivo Asobancaria 2001</h2>
          <p>
            Se validan la estructura y los totales de control de cada lote y del archivo: si alguno no cuadra no se aplica ningún
            pago. Un archivo ya cargado (mismo contenido, o mismo banco, fecha y modificador) se rechaza. Máximo {maxMb} MB.
          </p>
          <div className="field">
            <label htmlFor="archivo">Archivo del banco (.txt)</label>
            <input id="archivo" name="archivo" type="file" accept=".txt,.TXT,.dat,text/plain" required aria-describedby={result?.message ? 'cargar-error' : undefined} />
          </div>
          <ErrorList id="cargar-error" errors={result?.message ? [result.message] : []} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Cargando…">
            Cargar e importar
          </StatusButton>
        </Form>
      ) : null}
      {files.rows.length === 0 ? (
        <EmptyState title="Todavía no se han cargado archivos">Cuando cargue el archivo de recaudo de un banco, aparecerá aquí con su informe.</EmptyState>
      ) : (
        <>
          <DataTable
            caption={`Archivos cargados (${files.total.toLocaleString('es-CO')}), del más reciente al más antiguo`}
            rowKey={(f) => f.id}
            rows={files.rows}
            columns={[
              { header: 'Archivo', cell: (f) => <Link to={`/gestion/pagos/archivos/${f.id}`}>{f.fileName}</Link> },
              { header: 'Banco', cell: (f) => f.bankName ?? '—' },
              { header: 'Fecha de recaudo', cell: (f) => (f.fileDate ? <DateText value={f.fileDate} /> : '—') },
              { header: 'Mod.', cell: (f) => f.modifier ?? '—' },
              { header: 'Estado', cell: (f) => BANK_FILE_STATUS_LABELS[f.status] ?? f.status },
              { header: 'Pagos', cell: (f) => (f.recordCount ?? 0).toLocaleString('es-CO'), align: 'end' },
              { header: 'Valor', cell: (f) => (f.totalAmount ? <Money value={f.totalAmount} /> : '—'), align: 'end' },
              { header: 'Cargado', cell: (f) => <><InstantText value={f.uploadedAt} withTime /> · {f.uploadedBy ?? '—'}</> },
            ]}
          />
          <Pagination page={files.page} pageCount={files.pageCount} />
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
