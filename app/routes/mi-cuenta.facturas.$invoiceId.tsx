import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriberUser } from '~/auth/guards.server'
import { getInvoicePage, type InvoicePage } from '~/billing/invoices/invoice-page.server'
import { CONSUMPTION_BASIS_LABELS, lineDetail } from '~/billing/invoices/labels'
import { todayInBogota } from '~/calendar/business-days'
import { db } from '~/db.server'
import portalStyles from '~/styles/portal.css?url'
import { ConsumptionChart } from '~/ui/consumption-chart'
import { DateText } from '~/ui/date'
import { describeUse } from '~/ui/labels'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'
import { formatCOP, formatNumber } from '~/utils/format'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSubscriberUser(request)
  const id = z.uuid().safeParse(params.invoiceId)
  const balanceOn = todayInBogota(new Date())
  const page = id.success ? await getInvoicePage(db, { userId: user.id, invoiceId: id.data, balanceOn }) : null
  if (!page) notFound('No encontramos esa factura entre las de sus cuentas.')
  return page
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Factura ${data.periodLabel} · Mi cuenta` : 'Factura · Mi cuenta' },
]

export default function InvoiceRoute() {
  const detail = useLoaderData<typeof loader>()
  const { invoice, account } = detail
  return (
    <>
      <p>
        <Link to={`/mi-cuenta/cuentas/${account.id}/facturas`}>← Facturas de la cuenta {account.number}</Link>
      </p>
      <h1>Factura de {detail.periodLabel}</h1>
      <Summary detail={detail} />
      <section className="card" aria-labelledby="explicacion">
        <h2 id="explicacion">¿Por qué cambió su factura?</h2>
        <ul className="explanation">
          {detail.explanation.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <Lines detail={detail} />
      <Reading detail={detail} />
      <section className="card" aria-labelledby="historial">
        <h2 id="historial">Su consumo en los últimos periodos</h2>
        <ConsumptionChart id="consumo" points={detail.history} />
      </section>
      <section className="card" aria-labelledby="predio">
        <h2 id="predio">Datos de la cuenta</h2>
        <dl className="facts">
          <dt>Suscriptor</dt>
          <dd>{detail.subscriberName}</dd>
          <dt>Cuenta</dt>
          <dd>{account.number}</dd>
          <dt>Dirección del predio</dt>
          <dd>
            {detail.premise.address}, {detail.premise.neighborhood} ({detail.municipality})
          </dd>
          <dt>Uso</dt>
          <dd>{describeUse(detail.premise.useClass, detail.premise.estrato)}</dd>
          <dt>Medidor</dt>
          <dd>{detail.meterSerial ? `Serie ${detail.meterSerial}` : 'Sin medidor'}</dd>
          <dt>Referencia de pago</dt>
          <dd>{invoice.paymentReference}</dd>
        </dl>
      </section>
    </>
  )
}

function Summary({ detail }: { detail: InvoicePage }) {
  const { invoice, canPay, payable } = detail
  return (
    <section className="card" aria-labelledby="resumen">
      <h2 id="resumen">Factura n.º {invoice.number}</h2>
      <dl className="facts">
        <dt>Total a pagar</dt>
        <dd className="amount-due">
          <Money value={invoice.totalToPay} />
        </dd>
        <dt>Pague a tiempo hasta</dt>
        <dd>
          <DateText value={invoice.dueOn} /> (pago oportuno)
        </dd>
        <dt>Fecha de suspensión</dt>
        <dd>
          <DateText value={invoice.suspensionOn} />
        </dd>
        <dt>Fecha de expedición</dt>
        <dd>
          <DateText value={invoice.issueOn} />
        </dd>
      </dl>
      <p>
        Si no paga, el servicio puede suspenderse desde la fecha de suspensión (Ley 142 de 1994, art. 140). Puede
        presentar una petición, queja o reclamo sobre esta factura; lo que esté en reclamo no se cobra mientras se
        resuelve.
      </p>
      {detail.holdReasons.length > 0 ? (
        <p className="note">
          <strong>{formatCOP(detail.onHold)} de esta factura están en reclamo</strong> y no se cobran mientras se
          resuelve (Ley 142 art. 155): {detail.holdReasons.join('; ')}.
        </p>
      ) : null}
      <div className="actions">
        {canPay ? (
          <Link className="button" to={`/mi-cuenta/pagar/${invoice.id}`}>
            Pagar {formatCOP(payable)}
          </Link>
        ) : null}
        <a className="button button-secondary" href={`/mi-cuenta/facturas/${invoice.id}/pdf`} download>
          Descargar PDF
        </a>
        <Link className="button button-secondary" to={`/mi-cuenta/pqr/nueva?cuenta=${detail.account.id}&factura=${invoice.id}`}>
          Radicar una PQR
        </Link>
      </div>
    </section>
  )
}

function Lines({ detail }: { detail: InvoicePage }) {
  const { invoice } = detail
  return (
    <section className="card" aria-labelledby="detalle">
      <h2 id="detalle">Detalle de los cobros</h2>
      <div className="table-scroll" role="region" aria-label="Detalle de los cobros" tabIndex={0}>
        <table className="data-table invoice-lines">
          <caption>Conceptos de {detail.periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Concepto</th>
              <th scope="col" className="num">Valor</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((l) => {
              const sub = lineDetail(l, formatCOP)
              return (
                <tr key={l.position}>
                  <th scope="row">
                    {l.description}
                    {sub ? <span className="line-sub">{sub}</span> : null}
                    {l.onHold ? <span className="line-sub">En reclamo: {formatCOP(l.onHold)} (no se cobra mientras se resuelve)</span> : null}
                  </th>
                  <td className="num">
                    <Money value={l.amount} />
                  </td>
                </tr>
              )
            })}
            <tr className="total-row">
              <th scope="row">Valor de este periodo</th>
              <td className="num">
                <Money value={invoice.currentCharges} />
              </td>
            </tr>
            <tr>
              <th scope="row">Saldo anterior</th>
              <td className="num">
                <Money value={invoice.previousBalance} />
              </td>
            </tr>
            <tr className="total-row">
              <th scope="row">Total a pagar</th>
              <td className="num">
                <Money value={invoice.totalToPay} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Reading({ detail }: { detail: InvoicePage }) {
  const c = detail.consumption
  return (
    <section className="card" aria-labelledby="lecturas">
      <h2 id="lecturas">Lecturas y consumo</h2>
      <dl className="facts">
        <dt>Lectura anterior</dt>
        <dd>{c?.previousReading ?? 'Sin lectura'}</dd>
        <dt>Lectura actual</dt>
        <dd>{c?.currentReading ?? 'Sin lectura'}</dd>
        <dt>Consumo facturado</dt>
        <dd>{detail.invoice.billedM3 === null ? 'Sin consumo medido (solo aseo)' : `${formatNumber(detail.invoice.billedM3)} m³`}</dd>
        <dt>Cómo se calculó</dt>
        <dd>{c ? (CONSUMPTION_BASIS_LABELS[c.basis] ?? c.basis) : 'No aplica'}</dd>
      </dl>
    </section>
  )
}
