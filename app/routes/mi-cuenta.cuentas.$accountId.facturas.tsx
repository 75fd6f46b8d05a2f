import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { listAccountInvoices, type InvoiceSummary } from '~/billing/invoices/queries.server'
import { db } from '~/db.server'
import portalStyles from '~/styles/portal.css?url'
import { DateText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { Money } from '~/ui/money'
import { DataTable, Pagination } from '~/ui/table'
import { notFound } from '~/utils/errors'
import { formatNumber } from '~/utils/format'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

const Query = z.object({ page: z.coerce.number().int().min(1).catch(1) })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { accountIds } = await requireSubscriber(request)
  const id = z.uuid().safeParse(params.accountId)
  const { page } = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const result = id.success ? await listAccountInvoices(db, { accountIds, accountId: id.data, page }) : null
  if (!result) notFound('No encontramos esa cuenta entre las suyas.')
  return { ...result, page: Math.min(page, result.pageCount) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Facturas de la cuenta ${data.account.number} · Mi cuenta` : 'Facturas · Mi cuenta' },
]

export default function AccountInvoicesRoute() {
  const { account, invoices, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/mi-cuenta">← Mis cuentas</Link>
      </p>
      <h1>Facturas de la cuenta {account.number}</h1>
      {invoices.length === 0 ? (
        <EmptyState title="Aún no hay facturas expedidas">
          <p>Cuando la empresa expida la primera factura de esta cuenta, la verá aquí.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable<InvoiceSummary>
            caption="Facturas por periodo, la más reciente primero"
            rows={invoices}
            rowKey={(i) => i.id}
            columns={[
              { header: 'Periodo', cell: (i) => <Link to={`/mi-cuenta/facturas/${i.id}`}>{i.periodLabel}</Link> },
              { header: 'Número', cell: (i) => i.number ?? '—' },
              { header: 'Consumo', cell: (i) => (i.billedM3 === null ? '—' : `${formatNumber(i.billedM3)} m³`), align: 'end' },
              { header: 'Total', cell: (i) => <Money value={i.totalToPay} />, align: 'end' },
              { header: 'Pago oportuno', cell: (i) => <DateText value={i.dueOn} /> },
            ]}
          />
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  )
}
