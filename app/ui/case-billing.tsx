/** The account's billing context on the case page: balance, invoices with notes, consumptions, payments, holds, visits. */
import { WORK_ORDER_LABELS, WORK_ORDER_STATUS_LABELS } from '~/pqr/work-orders'
import { formatCOP } from '~/utils/format'
import type { BillingContext } from '~/pqr/case-page-billing.server'
import { DateText, InstantText } from './date'
import { Money } from './money'
import { DataTable, type Column } from './table'

const HOLD_LABELS: Record<string, string> = {
  active: 'Retenido',
  released: 'Liberado',
  credited: 'Acreditado',
}
const BASIS_LABELS: Record<string, string> = {
  measured: 'Medido',
  average: 'Promedio',
  estimated: 'Estimado',
  category_average: 'Promedio de la categoría',
}

type Props = { billing: BillingContext }

/** A table, or one line saying there is nothing to show (an empty table tells a screen reader nothing). */
function Listing<Row>({
  caption,
  rows,
  rowKey,
  columns,
}: {
  caption: string
  rows: Row[]
  rowKey: (r: Row) => string
  columns: Column<Row>[]
}) {
  if (rows.length === 0) return <p>{caption}: sin registros.</p>
  return <DataTable caption={caption} rows={rows} rowKey={rowKey} columns={columns} />
}

export function CaseBilling({ billing }: Props) {
  const { account, balance } = billing
  return (
    <section aria-labelledby="billing-title" className="card">
      <h2 id="billing-title">Cuenta {account.number}</h2>
      <dl className="facts">
        <dt>Predio</dt>
        <dd>
          {account.address}
          {account.estrato ? ` · estrato ${account.estrato}` : ''}
        </dd>
        <dt>Saldo</dt>
        <dd>
          <Money value={balance.total} />
        </dd>
        <dt>Vencido</dt>
        <dd>
          <Money value={balance.overdue} />
        </dd>
        <dt>En reclamo (retenido)</dt>
        <dd>
          <Money value={balance.onHold} />
        </dd>
      </dl>
      <Listing
        caption="Facturas recientes y sus notas"
        rowKey={(r) => r.id}
        rows={billing.invoices}
        columns={[
          { header: 'Factura', cell: (r) => (r.number != null ? `No. ${r.number}` : '—') },
          { header: 'Periodo', cell: (r) => r.period },
          { header: 'Expedida', cell: (r) => <DateText value={r.issueOn} /> },
          { header: 'Total a pagar', cell: (r) => <Money value={r.totalToPay} />, align: 'end' },
          {
            header: 'Notas',
            cell: (r) =>
              r.notes.length
                ? r.notes
                    .map(
                      (n) =>
                        `${n.kind === 'credit_note' ? 'Crédito' : 'Débito'} ${formatCOP(n.amount.replace(/^-/, ''))}`,
                    )
                    .join('; ')
                : '—',
          },
        ]}
      />
      <Listing
        caption="Lecturas y consumos"
        rowKey={(r) => r.period}
        rows={billing.consumptions}
        columns={[
          { header: 'Periodo', cell: (r) => r.period },
          { header: 'Lectura anterior', cell: (r) => r.previous ?? '—', align: 'end' },
          { header: 'Lectura actual', cell: (r) => r.current ?? '—', align: 'end' },
          { header: 'Facturado (m³)', cell: (r) => r.billedM3, align: 'end' },
          { header: 'Base', cell: (r) => BASIS_LABELS[r.basis] ?? r.basis },
        ]}
      />
      <Listing
        caption="Pagos recientes"
        rowKey={(r) => r.id}
        rows={billing.payments}
        columns={[
          { header: 'Fecha', cell: (r) => <DateText value={r.paidOn} /> },
          { header: 'Valor', cell: (r) => <Money value={r.amount} />, align: 'end' },
          { header: 'Estado', cell: (r) => (r.status === 'applied' ? 'Aplicado' : 'Anulado') },
        ]}
      />
      <Listing
        caption="Valores en reclamo"
        rowKey={(r) => r.id}
        rows={billing.holds}
        columns={[
          { header: 'Desde', cell: (r) => <InstantText value={r.createdAt} /> },
          { header: 'Valor', cell: (r) => <Money value={r.amount} />, align: 'end' },
          { header: 'Estado', cell: (r) => HOLD_LABELS[r.status] ?? r.status },
          { header: 'Motivo', cell: (r) => r.reason },
        ]}
      />
      <Listing
        caption="Visitas y órdenes de trabajo de la cuenta"
        rowKey={(r) => r.id}
        rows={billing.workOrders}
        columns={[
          { header: 'Orden', cell: (r) => WORK_ORDER_LABELS[r.kind] ?? r.kind },
          { header: 'Estado', cell: (r) => WORK_ORDER_STATUS_LABELS[r.status] ?? r.status },
          { header: 'Solicitada', cell: (r) => <InstantText value={r.requestedAt} /> },
          { header: 'Motivo', cell: (r) => r.reason },
        ]}
      />
    </section>
  )
}
