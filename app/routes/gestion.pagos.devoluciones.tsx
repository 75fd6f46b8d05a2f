import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { BANK_RETURN_CAUSES, BankReturnSchema } from '~/payments/bank-file-schema'
import { listRecentBankReturns, searchBankPayments } from '~/payments/bank-queries.server'
import { recordBankReturn } from '~/payments/bank-return.server'
import { publicOrigin } from '~/security/public-origin'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'

const QuerySchema = z.object({
  q: z.string().trim().max(50).catch(''),
  archivo: z.union([z.uuid(), z.literal('')]).catch(''),
  page: z.coerce.number().int().min(1).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'payments:read')
  const params = new URL(request.url).searchParams
  const query = QuerySchema.parse({ q: params.get('q') ?? '', archivo: params.get('archivo') ?? '', page: params.get('page') ?? 1 })
  const [found, recent] = await Promise.all([
    searchBankPayments(db, { q: query.q, fileId: query.archivo || undefined, page: query.page }),
    listRecentBankReturns(db),
  ])
  return { query, found, recent, canOperate: can(user, 'payments:operate') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'payments:operate')
  const parsed = BankReturnSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const { paymentId, cause, note } = parsed.data
  const outcome = await recordBankReturn(db, { paymentId, cause, note: note || null, userId: user.id, origin: publicOrigin(request), requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) return data({ message: outcome.error.message }, { status: 409 })
  return redirect(`/gestion/pagos/devoluciones?hecho=${outcome.value.notified}`)
}

export const meta: MetaFunction = () => [{ title: 'Devoluciones bancarias · Gestión' }]

export default function BankReturnsRoute() {
  const { query, found, recent, canOperate } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const done = params.get('hecho')
  const selected = found.rows.find((p) => p.id === params.get('devolver') && p.status === 'applied')
  const searched = Boolean(query.q || query.archivo)
  return (
    <>
      <p>
        <Link to="/gestion/pagos/archivos">Archivos de recaudo</Link>
      </p>
      <h1>Devoluciones bancarias</h1>
      <p>
        Cuando el banco devuelve un pago que ya había informado (cheque devuelto, débito reversado), regístrelo con su causal: el
        pago se reversa en el saldo de la cuenta (no se borra nada) y el suscriptor recibe un aviso por correo.
      </p>
      {done !== null ? (
        <p role="status" className="card">
          Devolución registrada. {Number(done) > 0 ? 'Se envió el aviso al suscriptor.' : 'La cuenta no tiene un correo registrado: avise al suscriptor por otro medio.'}
        </p>
      ) : null}
      <Form method="get" className="form card" role="search" aria-label="Buscar pagos del banco">
        <div className="field">
          <label htmlFor="q">Referencia de pago o número de cuenta</label>
          <input id="q" name="q" defaultValue={query.q} maxLength={50} />
        </div>
        {query.archivo ? <input type="hidden" name="archivo" value={query.archivo} /> : null}
        <button type="submit" className="button">Buscar</button>
      </Form>
      {selected && canOperate ? <ReturnForm payment={selected} /> : null}
      {!searched ? null : found.rows.length === 0 ? (
        <EmptyState title="No hay pagos de recaudo bancario que coincidan" />
      ) : (
        <>
          <DataTable
            caption={`Pagos de recaudo bancario (${found.total.toLocaleString('es-CO')})`}
            rowKey={(p) => p.id}
            rows={found.rows}
            columns={[
              { header: 'Cuenta', cell: (p) => p.accountNumber },
              { header: 'Referencia', cell: (p) => p.reference ?? '—' },
              { header: 'Valor', cell: (p) => <Money value={p.amount} />, align: 'end' },
              { header: 'Pagado', cell: (p) => <DateText value={p.paidOn} /> },
              { header: 'Línea', cell: (p) => p.line || '—', align: 'end' },
              {
                header: 'Acción',
                cell: (p) =>
                  p.status === 'reversed' ? (
                    `Devuelto: ${p.reversalReason ?? ''}`
                  ) : canOperate ? (
                    <Link to={`?${new URLSearchParams({ q: query.q, archivo: query.archivo, page: String(found.page), devolver: p.id })}`} aria-label={`Registrar la devolución del pago de la cuenta ${p.accountNumber}`}>
                      Registrar devolución
                    </Link>
                  ) : (
                    'Aplicado'
                  ),
              },
            ]}
          />
          <Pagination page={found.page} pageCount={found.pageCount} />
        </>
      )}
      <h2>Últimas devoluciones</h2>
      {recent.length === 0 ? (
        <EmptyState title="Todavía no hay devoluciones registradas" />
      ) : (
        <DataTable
          caption="Últimas devoluciones registradas"
          rowKey={(r) => r.id}
          rows={recent}
          columns={[
            { header: 'Cuenta', cell: (r) => r.accountNumber },
            { header: 'Valor', cell: (r) => <Money value={r.amount} />, align: 'end' },
            { header: 'Pagado', cell: (r) => <DateText value={r.paidOn} /> },
            { header: 'Causal', cell: (r) => r.reason ?? '—' },
            { header: 'Registrada', cell: (r) => (r.reversedAt ? <InstantText value={r.reversedAt} withTime /> : '—') },
          ]}
        />
      )}
    </>
  )
}

function ReturnForm({ payment }: { payment: { id: string; accountNumber: string; amount: string; paidOn: string } }) {
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <Form method="post" className="form card" aria-labelledby="devolucion-titulo">
      <h2 id="devolucion-titulo">
        Devolución del pago de <Money value={payment.amount} /> de la cuenta {payment.accountNumber} (<DateText value={payment.paidOn} />)
      </h2>
      <input type="hidden" name="paymentId" value={payment.id} />
      <div className="field">
        <label htmlFor="cause">Causal de devolución</label>
        <select id="cause" name="cause" required defaultValue="">
          <option value="" disabled>
            Elija la causal
          </option>
          {BANK_RETURN_CAUSES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} · {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="note">Nota (opcional)</label>
        <input id="note" name="note" maxLength={500} />
      </div>
      <div className="field checkbox">
        <input id="confirm-devolucion" name="confirm" type="checkbox" value="si" required />
        <label htmlFor="confirm-devolucion">Confirmo que el banco devolvió este pago; se reversará en el saldo de la cuenta</label>
      </div>
      <ErrorList errors={result?.message ? [result.message] : []} />
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
        Registrar la devolución
      </StatusButton>{' '}
      <Link to="?">Cancelar</Link>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" />
}
