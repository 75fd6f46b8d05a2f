import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { settleDeviation } from '~/billing/critica/settle.server'
import { listPendingSettlements, type SettlementPreview } from '~/billing/critica/settlement-queries.server'
import { db } from '~/db.server'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList } from '~/ui/forms'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'
import { formatCOP, todayInBogota } from '~/utils/format'

const PAGE_SIZE = 20

const SettleSchema = z.object({
  consumptionId: z.uuid('La desviación no es válida.'),
  confirm: z.literal('si', { error: 'Marque la casilla para confirmar la nota.' }),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:approve')
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10) || 1)
  const list = await listPendingSettlements(db, { serviceAreaId: user.serviceAreaId, page, pageSize: PAGE_SIZE })
  return { ...list, page, pageCount: Math.ceil(list.total / PAGE_SIZE) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'billing:approve')
  const parsed = SettleSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') }, { status: 400 })
  const settled = await settleDeviation(db, {
    consumptionId: parsed.data.consumptionId,
    on: todayInBogota(),
    actor: { kind: 'user', userId: user.id },
    serviceAreaId: user.serviceAreaId,
  })
  if (!settled.ok) return data({ ok: false, message: settled.error.message }, { status: 409 })
  const kind = settled.value.kind === 'debit_note' ? 'nota débito' : 'nota crédito'
  return data({ ok: true, message: `Se emitió la ${kind} por ${formatCOP(settled.value.amount)} y la desviación quedó liquidada.` })
}

export const meta: MetaFunction = () => [{ title: 'Desviaciones por liquidar · Gestión' }]

export default function DeviationSettlementsRoute() {
  const { items, total, page, pageCount } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/gestion/facturacion/critica">Crítica</Link>
      </p>
      <h1>Desviaciones por liquidar</h1>
      <p>
        Mientras se investigaba una desviación significativa la cuenta se facturó por su promedio (Ley 142 art. 149). Con el
        resultado de la visita, la diferencia se cobra con una nota débito o se devuelve con una nota crédito sobre la factura del
        periodo, con la misma tarifa. Revise el valor y confirme cada nota: no se puede deshacer.
      </p>
      {result ? result.ok ? <p role="status">{result.message}</p> : <ErrorList errors={[result.message]} /> : null}
      {total === 0 ? (
        <EmptyState title="No hay desviaciones por liquidar">Cuando se registre el resultado de una visita aparecerá aquí.</EmptyState>
      ) : (
        <>
          <DataTable
            caption={`Desviaciones con resultado de visita sin nota (${total})`}
            rows={items}
            rowKey={(r) => r.consumptionId}
            columns={[
              { header: 'Cuenta', cell: (r) => r.accountNumber },
              { header: 'Periodo', cell: (r) => r.periodCode },
              { header: 'Facturado (m³)', cell: (r) => r.billedM3, align: 'end' },
              { header: 'Visita (m³)', cell: (r) => r.resolvedM3, align: 'end' },
              { header: 'Nota', cell: (r) => <NoteAmount row={r} />, align: 'end' },
              { header: 'Emitir', cell: (r) => <SettleForm row={r} /> },
            ]}
          />
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  )
}

function NoteAmount({ row }: { row: SettlementPreview }) {
  if (row.amount === null) return <>Sin tarifa vigente</>
  const debit = !row.amount.startsWith('-')
  return (
    <>
      {debit ? 'Débito ' : 'Crédito '}
      <Money value={row.amount.replace('-', '')} />
    </>
  )
}

function SettleForm({ row }: { row: SettlementPreview }) {
  if (!row.invoiceIssued) return <>La factura del periodo aún no se ha expedido</>
  if (row.amount === null) return null
  const id = `confirm-${row.consumptionId}`
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="consumptionId" value={row.consumptionId} />
      <label htmlFor={id}>
        <input id={id} type="checkbox" name="confirm" value="si" required /> Confirmo la nota de la cuenta {row.accountNumber}
      </label>{' '}
      <button type="submit" className="button">
        Emitir nota
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
