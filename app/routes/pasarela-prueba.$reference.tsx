/**
 * The local sandbox gateway's hosted checkout (app/payments/sandbox.server.ts). It stands where Wompi's page would,
 * so, like Wompi's, it needs no session: the checkout URL's integrity signature, made by our server for this
 * reference and amount, is what authorises it; a URL without a valid signature is "not found" for everyone, and the
 * page does not exist at all when Wompi is configured. No real money moves here.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { db } from '~/db.server'
import { activeGatewayName } from '~/payments/gateways.server'
import {
  allowedDecisions,
  decideSandboxTransaction,
  deliverSandboxEvent,
  readSandboxCheckout,
  SANDBOX_DECISIONS,
  type SandboxDecision,
} from '~/payments/sandbox-checkout.server'
import { publicOrigin } from '~/security/public-origin'
import portalStyles from '~/styles/portal.css?url'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { notFound } from '~/utils/errors'
import { formatCOP } from '~/utils/format'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

async function checkoutOr404(request: Request, reference: string | undefined) {
  if (activeGatewayName() !== 'sandbox' || !reference) notFound('Esta pasarela de prueba no está disponible.')
  const checkout = await readSandboxCheckout(new URL(request.url), reference, db)
  if (!checkout) notFound('El enlace de pago no es válido o está incompleto.')
  return checkout
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const checkout = await checkoutOr404(request, params.reference)
  const pesos = (BigInt(checkout.amountInCents) / 100n).toString()
  return {
    reference: checkout.reference,
    amount: pesos,
    customerEmail: checkout.customerEmail,
    existingStatus: checkout.existing?.status ?? null,
    decisions: allowedDecisions(checkout.existing),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const checkout = await checkoutOr404(request, params.reference)
  const parsed = z.object({ decision: z.enum(SANDBOX_DECISIONS) }).safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Elija una de las opciones.' }, { status: 400 })
  const decided = await decideSandboxTransaction(db, checkout, parsed.data.decision)
  if (!decided.ok) return data({ error: decided.error.message }, { status: 409 })
  const transaction = decided.value
  // Like Wompi: the event goes to our webhook server-to-server, then the payer's browser is sent back with ?id=.
  await deliverSandboxEvent(transaction, publicOrigin(request))
  const back = new URL(checkout.redirectPath, 'http://x')
  back.searchParams.set('id', transaction.id)
  back.searchParams.set('env', 'test')
  return redirect(`${back.pathname}${back.search}`)
}

export const meta: MetaFunction = () => [{ title: 'Pasarela de prueba · Aguas de la Sabana' }]

const DECISION_LABELS: Record<SandboxDecision, string> = {
  APPROVED: 'Aprobar el pago',
  DECLINED: 'Rechazar el pago',
  PENDING: 'Dejarlo pendiente',
  VOIDED: 'Anular la transacción aprobada',
}

const STATUS_LABELS: Record<string, string> = {
  PENDING: 'pendiente',
  APPROVED: 'aprobada',
  DECLINED: 'rechazada',
  VOIDED: 'anulada',
  ERROR: 'con error',
}

export default function SandboxCheckoutRoute() {
  const { reference, amount, customerEmail, existingStatus, decisions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <main id="contenido" tabIndex={-1} className="sandbox-checkout">
      <p className="note">
        <strong>Pasarela de prueba.</strong> Esta página imita la pasarela de pagos para pruebas: ningún dinero se mueve.
      </p>
      <h1>Pagar {formatCOP(amount)}</h1>
      <dl className="facts card">
        <dt>Comercio</dt>
        <dd>Aguas de la Sabana S.A. E.S.P.</dd>
        <dt>Referencia</dt>
        <dd>{reference}</dd>
        {customerEmail ? (
          <>
            <dt>Correo del pagador</dt>
            <dd>{customerEmail}</dd>
          </>
        ) : null}
        {existingStatus ? (
          <>
            <dt>Transacción</dt>
            <dd>{STATUS_LABELS[existingStatus] ?? existingStatus}</dd>
          </>
        ) : null}
      </dl>
      <ErrorList errors={actionData ? [actionData.error] : undefined} />
      {decisions.length === 0 ? (
        <p>Esta referencia ya tiene una transacción terminada. Vuelva a la ventanilla virtual.</p>
      ) : (
        <Form method="post" className="actions">
          {decisions.map((d) => (
            <StatusButton
              key={d}
              type="submit"
              name="decision"
              value={d}
              status={isPending ? 'pending' : 'idle'}
              pendingLabel="Procesando…"
              className={d === 'APPROVED' ? undefined : 'button-secondary'}
            >
              {DECISION_LABELS[d]}
            </StatusButton>
          ))}
        </Form>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return (
    <main id="contenido" tabIndex={-1}>
      <GeneralErrorBoundary homeHref="/" />
    </main>
  )
}
