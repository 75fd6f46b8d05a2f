import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { addPendingCharge, cancelPendingCharge } from '~/billing/other-charges/pending.server'
import { findChargeAccount, listPendingCharges, pricedOtherCharges } from '~/billing/other-charges/queries.server'
import { isValidIsoDate } from '~/calendar/business-days'
import { db } from '~/db.server'
import { DateText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'
import { formatCOP, todayInBogota } from '~/utils/format'

const PAGE_SIZE = 20
const accountNumber = z.string().trim().min(1, 'Escriba el número de cuenta.').max(30, 'El número de cuenta es demasiado largo.')

const AddSchema = z.object({
  intent: z.literal('add'),
  accountNumber,
  code: z.string().trim().min(1, 'Elija el cobro.').max(40),
  on: z.string().refine(isValidIsoDate, 'Escriba una fecha válida.'),
})
const CancelSchema = z.object({
  intent: z.literal('cancel'),
  accountNumber,
  chargeId: z.uuid('El cobro no es válido.'),
  confirm: z.literal('si', { error: 'Marque la casilla para confirmar la anulación.' }),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const url = new URL(request.url)
  const number = url.searchParams.get('cuenta')?.trim() ?? ''
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  const today = todayInBogota()
  if (!number) return { number, today, account: null, charges: null, prices: [] }
  const account = await findChargeAccount(db, number.slice(0, 30), user.serviceAreaId)
  if (!account) return { number, today, account: null, charges: null, prices: [] }
  const [charges, prices] = await Promise.all([
    listPendingCharges(db, account.id, { page, pageSize: PAGE_SIZE }),
    pricedOtherCharges(db, account.serviceAreaId, today),
  ])
  return { number, today, account, charges: { ...charges, page, pageCount: Math.ceil(charges.total / PAGE_SIZE) }, prices }
}

type ActionResult = { ok: boolean; message: string }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:operate')
  const form = Object.fromEntries(await request.formData())
  const actor = { kind: 'user', userId: user.id } as const
  const schema = form.intent === 'cancel' ? CancelSchema : AddSchema
  const parsed = schema.safeParse(form)
  if (!parsed.success) return data<ActionResult>({ ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') }, { status: 400 })
  const account = await findChargeAccount(db, parsed.data.accountNumber, user.serviceAreaId)
  if (!account) return data<ActionResult>({ ok: false, message: 'No encontramos esa cuenta en su área.' }, { status: 404 })
  if (parsed.data.intent === 'cancel') {
    const chargeId = parsed.data.chargeId
    const cancelled = await db.transaction((tx) => cancelPendingCharge(tx, { id: chargeId, accountId: account.id, actor }))
    if (!cancelled.ok) return data<ActionResult>({ ok: false, message: cancelled.error.message }, { status: 409 })
    return data<ActionResult>({ ok: true, message: 'El cobro quedó anulado y no se facturará.' })
  }
  const { code, on } = parsed.data
  const added = await db.transaction((tx) =>
    addPendingCharge(tx, { accountId: account.id, code, on, actor }),
  )
  if (!added.ok) return data<ActionResult>({ ok: false, message: added.error.message }, { status: 422 })
  return data<ActionResult>({ ok: true, message: `${added.value.description} quedó pendiente para la próxima factura.` })
}

export const meta: MetaFunction = () => [{ title: 'Otros cobros · Gestión' }]

export default function OtherChargesRoute() {
  const { number, today, account, charges, prices } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const isPending = useIsPending()
  return (
    <>
      <h1>Otros cobros pendientes</h1>
      <p>
        Reconexiones, reinstalaciones, visitas y demás cobros con valor aprobado en la tarifa vigente. Quedan pendientes y
        se facturan una sola vez en la próxima liquidación de la cuenta, sin subsidio ni contribución.
      </p>
      <Form method="get" className="form card">
        <div className="field">
          <label htmlFor="cuenta">Número de cuenta</label>
          <input id="cuenta" name="cuenta" defaultValue={params.get('cuenta') ?? ''} inputMode="numeric" autoComplete="off" required />
        </div>
        <button type="submit" className="button">
          Buscar
        </button>
      </Form>
      {result ? result.ok ? <p role="status">{result.message}</p> : <ErrorList errors={[result.message]} /> : null}
      {number && !account ? <EmptyState title="No encontramos esa cuenta">Revise el número; solo se muestran cuentas de su área.</EmptyState> : null}
      {account && charges ? (
        <>
          <section className="card" aria-labelledby="cuenta-titulo">
            <h2 id="cuenta-titulo">Cuenta {account.number}</h2>
            <p>
              {account.holder} · {account.address}
            </p>
            {prices.length === 0 ? (
              <p role="status">El área no tiene una tarifa aprobada vigente con otros cobros: no se pueden cargar cobros hoy.</p>
            ) : (
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="accountNumber" value={account.number} />
                <div className="field">
                  <label htmlFor="code">Cobro</label>
                  <select id="code" name="code" required>
                    {prices.map((p) => (
                      <option key={p.code} value={p.code}>
                        {p.label} — {formatCOP(p.amount)} ({p.approvalAct})
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="on">Fecha del hecho (visita, reconexión)</label>
                  <input id="on" name="on" type="date" defaultValue={today} max={today} required />
                </div>
                <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
                  Agregar cobro pendiente
                </StatusButton>
              </Form>
            )}
          </section>
          {charges.total === 0 ? (
            <EmptyState title="Sin cobros pendientes">Esta cuenta no tiene otros cobros esperando la próxima factura.</EmptyState>
          ) : (
            <>
              <DataTable
                caption={`Cobros pendientes de la cuenta ${account.number} (${charges.total})`}
                rows={charges.items}
                rowKey={(c) => c.id}
                columns={[
                  { header: 'Cobro', cell: (c) => c.description },
                  { header: 'Fecha', cell: (c) => <DateText value={c.requestedOn} /> },
                  { header: 'Valor', cell: (c) => <Money value={c.amount} />, align: 'end' },
                  { header: 'Registró', cell: (c) => c.createdBy ?? 'Sistema' },
                  { header: 'Anular', cell: (c) => <CancelForm accountNumber={account.number} chargeId={c.id} label={c.description} /> },
                ]}
              />
              <Pagination page={charges.page} pageCount={charges.pageCount} />
            </>
          )}
        </>
      ) : null}
    </>
  )
}

function CancelForm({ accountNumber, chargeId, label }: { accountNumber: string; chargeId: string; label: string }) {
  const id = `confirm-${chargeId}`
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="accountNumber" value={accountNumber} />
      <input type="hidden" name="chargeId" value={chargeId} />
      <label htmlFor={id}>
        <input id={id} type="checkbox" name="confirm" value="si" required /> Confirmo anular «{label}»
      </label>{' '}
      <button type="submit" className="button button-secondary">
        Anular
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
