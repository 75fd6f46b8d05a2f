import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { describeBalance, getReceipt, PAYMENT_METHOD_LABELS } from '~/payments/receipts.server'
import portalStyles from '~/styles/portal.css?url'
import { DateText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { accountIds } = await requireSubscriber(request)
  const id = z.uuid().safeParse(params.paymentId)
  const receipt = id.success ? await getReceipt(db, { paymentId: id.data, accountIds }) : null
  if (!receipt) notFound('No encontramos ese pago entre los de sus cuentas.')
  return {
    receipt,
    methodLabel: receipt.paymentMethod ? (PAYMENT_METHOD_LABELS[receipt.paymentMethod] ?? receipt.paymentMethod) : null,
    balanceText: describeBalance(receipt.balanceNow),
  }
}

export const meta: MetaFunction = () => [{ title: 'Comprobante de pago · Mi cuenta' }]

export default function PaymentReceiptRoute() {
  const { receipt, methodLabel, balanceText } = useLoaderData<typeof loader>()
  const isReversed = receipt.status === 'reversed'
  return (
    <>
      <h1>Comprobante de pago</h1>
      {isReversed ? (
        <p className="note" role="status">
          <strong>Pago reversado.</strong> {receipt.reversalReason} El valor volvió a quedar pendiente en la cuenta.
        </p>
      ) : null}
      <section className="card" aria-labelledby="pago">
        <h2 id="pago">Cuenta {receipt.accountNumber}</h2>
        <dl className="facts">
          <dt>Valor pagado</dt>
          <dd>
            <Money value={receipt.amount} />
          </dd>
          <dt>Fecha de pago</dt>
          <dd>
            <DateText value={receipt.paidOn} />
          </dd>
          <dt>Canal</dt>
          <dd>{receipt.channelLabel}</dd>
          {methodLabel ? (
            <>
              <dt>Medio de pago</dt>
              <dd>{methodLabel}</dd>
            </>
          ) : null}
          {receipt.reference ? (
            <>
              <dt>Referencia de pago</dt>
              <dd>{receipt.reference}</dd>
            </>
          ) : null}
          {receipt.gatewayTransactionId ? (
            <>
              <dt>Transacción en la pasarela</dt>
              <dd>{receipt.gatewayTransactionId}</dd>
            </>
          ) : null}
          <dt>Número de comprobante</dt>
          <dd>{receipt.id}</dd>
          <dt>Saldo actual de la cuenta</dt>
          <dd>{balanceText}</dd>
        </dl>
      </section>
      <Allocations receipt={receipt} />
      <p>
        <Link to="/mi-cuenta">Volver a mis cuentas</Link>
      </p>
    </>
  )
}

type Receipt = ReturnType<typeof useLoaderData<typeof loader>>['receipt']

function Allocations({ receipt }: { receipt: Receipt }) {
  return (
    <section className="card" aria-labelledby="aplicacion">
      <h2 id="aplicacion">A qué se aplicó</h2>
      {receipt.allocations.length === 0 ? (
        <p>El pago quedó como saldo a favor: se descontará de su próxima factura.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Cargos que pagó este pago, del más antiguo al más reciente</caption>
            <thead>
              <tr>
                <th scope="col">Periodo</th>
                <th scope="col">Concepto</th>
                <th scope="col">Valor</th>
              </tr>
            </thead>
            <tbody>
              {receipt.allocations.map((a, i) => (
                <tr key={i}>
                  <td>{a.periodCode ?? '—'}</td>
                  <td>{a.concept}</td>
                  <td>
                    <Money value={a.amount} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/mi-cuenta"
      statusHandlers={{
        404: () => (
          <>
            <h1>No encontramos ese pago</h1>
            <p>El pago no existe o no pertenece a sus cuentas.</p>
          </>
        ),
      }}
    />
  )
}
