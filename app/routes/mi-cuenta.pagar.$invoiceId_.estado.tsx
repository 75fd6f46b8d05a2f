import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { checkoutForAttempt } from '~/payments/checkout.server'
import { amountFacts, findOwnedInvoice, listAttempts } from '~/payments/checkout-queries.server'
import { describeBalance } from '~/payments/receipts.server'
import { publicOrigin } from '~/security/public-origin'
import portalStyles from '~/styles/portal.css?url'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

const QuerySchema = z.object({ intento: z.coerce.number().int().min(1).max(999_999).optional() })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const invoice = await findOwnedInvoice(db, params.invoiceId ?? '', accountIds)
  if (!invoice) notFound('No encontramos esa factura entre las de sus cuentas.')
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  const [attempt] = await listAttempts(db, { invoiceId: invoice.id, accountIds, attemptNo: query.data?.intento, limit: 1 })
  // The gateway's redirect (`?id=`) is only a hint: the status shown is what the webhook or polling recorded.
  const checkout =
    attempt?.status === 'created'
      ? await checkoutForAttempt(attempt, { invoiceId: invoice.id, user, origin: publicOrigin(request) })
      : null
  const facts = await amountFacts(db, invoice)
  return {
    invoice,
    attempt: attempt ?? null,
    continueUrl: checkout?.kind === 'redirect' ? checkout.redirectUrl : null,
    balanceText: describeBalance(facts.balance),
  }
}

export const meta: MetaFunction = () => [{ title: 'Estado de su pago · Mi cuenta' }]

type Attempt = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['attempt']>

const HEADINGS: Record<Attempt['status'], string> = {
  created: 'Su pago aún no ha comenzado',
  pending: 'Su pago está en proceso',
  approved: 'Pago aprobado',
  declined: 'El pago fue rechazado',
  error: 'El pago no se pudo completar',
  voided: 'El pago fue anulado',
}

export default function PaymentStatusRoute() {
  const { invoice, attempt, continueUrl, balanceText } = useLoaderData<typeof loader>()
  const payAgain = `/mi-cuenta/pagar/${invoice.id}`
  if (!attempt)
    return (
      <>
        <h1>No hay pagos en línea para esta factura</h1>
        <p>
          <Link className="button" to={payAgain}>
            Pagar en línea
          </Link>
        </p>
      </>
    )
  return (
    <>
      <h1>{HEADINGS[attempt.status]}</h1>
      <section className="card" aria-labelledby="intento" aria-live="polite">
        <h2 id="intento">Intento {attempt.attemptNo} · referencia {attempt.reference}</h2>
        <dl className="facts">
          <dt>Valor</dt>
          <dd>
            <Money value={attempt.amount} />
          </dd>
          <dt>Cuenta</dt>
          <dd>{invoice.accountNumber}</dd>
          <dt>Saldo de la cuenta ahora</dt>
          <dd>{balanceText}</dd>
        </dl>
        {attempt.isFlagged ? (
          <p className="note">
            La pasarela nos reportó datos que no coinciden con este intento (por ejemplo, otro valor). Lo estamos
            revisando; antes de pagar de nuevo, comuníquese con la empresa.
          </p>
        ) : null}
        <StatusDetail attempt={attempt} continueUrl={continueUrl} payAgain={payAgain} />
      </section>
      <p>
        <Link to="/mi-cuenta">Volver a mis cuentas</Link>
      </p>
    </>
  )
}

function StatusDetail({ attempt, continueUrl, payAgain }: { attempt: Attempt; continueUrl: string | null; payAgain: string }) {
  switch (attempt.status) {
    case 'created':
      return continueUrl ? (
        <p>
          <a className="button" href={continueUrl}>
            Continuar al pago
          </a>
        </p>
      ) : null
    case 'pending':
      return <PendingNotice />
    case 'approved':
      return (
        <>
          <p>Recibimos su pago y ya quedó aplicado a su cuenta. Le enviamos el comprobante a su correo.</p>
          {attempt.paymentId ? (
            <p>
              <Link className="button" to={`/mi-cuenta/pagos/${attempt.paymentId}`}>
                Ver el comprobante
              </Link>
            </p>
          ) : null}
        </>
      )
    case 'declined':
    case 'error':
      return (
        <>
          <p>No se hizo ningún cobro a su cuenta. Puede intentarlo de nuevo, con el mismo u otro medio de pago.</p>
          <p>
            <Link className="button" to={payAgain}>
              Intentar de nuevo
            </Link>
          </p>
        </>
      )
    case 'voided':
      return <p>La pasarela anuló esta transacción; si ya se había aplicado, la reversamos y le avisamos por correo.</p>
  }
}

/** While the gateway has not answered, the page asks the server again every 5 seconds (and offers a button). */
function PendingNotice() {
  const revalidator = useRevalidator()
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 5000)
    return () => clearInterval(timer)
  }, [revalidator])
  return (
    <>
      <p>
        La pasarela todavía no confirma el resultado. Esta página se actualiza sola cada 5 segundos; también puede
        cerrarla: le avisaremos por correo cuando el pago se aplique.
      </p>
      <p>
        <button type="button" className="button button-secondary" onClick={() => revalidator.revalidate()}>
          Actualizar ahora
        </button>
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/mi-cuenta" />
}
