import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { startPaymentAttempt } from '~/payments/checkout.server'
import { amountFacts, findOwnedInvoice } from '~/payments/checkout-queries.server'
import { PayOnlineSchema, type PayChoice } from '~/payments/checkout-schema'
import { activeGatewayName } from '~/payments/gateways.server'
import { publicOrigin } from '~/security/public-origin'
import portalStyles from '~/styles/portal.css?url'
import { DateText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'
import { formatCOP } from '~/utils/format'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { accountIds } = await requireSubscriber(request)
  const invoice = await findOwnedInvoice(db, params.invoiceId ?? '', accountIds)
  if (!invoice) notFound('No encontramos esa factura entre las de sus cuentas.')
  const facts = await amountFacts(db, invoice)
  return { invoice, facts, isSandbox: activeGatewayName() === 'sandbox' }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  // Ownership first: someone else's invoice is "not found", whatever the form says.
  if (!(await findOwnedInvoice(db, params.invoiceId ?? '', accountIds))) notFound('No encontramos esa factura.')
  const submission = parseWithZod(await request.formData(), { schema: PayOnlineSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const started = await startPaymentAttempt({
    invoiceId: params.invoiceId!,
    accountIds,
    user,
    choice: submission.value,
    origin: publicOrigin(request),
  })
  if (!started.ok) return data({ result: submission.reply({ formErrors: [started.error.message] }) }, { status: 409 })
  const checkout = started.value.checkout
  return redirect(checkout.kind === 'redirect' ? checkout.redirectUrl : `${checkout.action}?${new URLSearchParams(checkout.formFields)}`)
}

export const meta: MetaFunction = () => [{ title: 'Pagar en línea · Mi cuenta' }]

export default function PayOnlineRoute() {
  const { invoice, facts, isSandbox } = useLoaderData<typeof loader>()
  const nothingToPay = Number(facts.payable) <= 0
  return (
    <>
      <p>
        <Link to={`/mi-cuenta/facturas/${invoice.id}`}>← Factura {invoice.periodCode} de la cuenta {invoice.accountNumber}</Link>
      </p>
      <h1>Pagar en línea</h1>
      {isSandbox ? (
        <p className="note">
          <strong>Pasarela de prueba:</strong> en este ambiente ningún pago es real. Al continuar verá una página de
          prueba donde puede aprobar, rechazar o dejar pendiente el pago.
        </p>
      ) : null}
      <section className="card" aria-labelledby="resumen">
        <h2 id="resumen">Cuenta {invoice.accountNumber}</h2>
        <dl className="facts">
          <dt>Referencia de pago</dt>
          <dd>{invoice.paymentReference}</dd>
          <dt>Pago oportuno hasta</dt>
          <dd>
            <DateText value={invoice.dueOn} />
          </dd>
          <dt>Pendiente de esta factura</dt>
          <dd>
            <Money value={facts.invoicePending} />
          </dd>
          <dt>Saldo total por pagar</dt>
          <dd>
            <Money value={facts.payable} />
          </dd>
          {Number(facts.onHold) > 0 ? (
            <>
              <dt>En reclamación (no se cobra)</dt>
              <dd>
                <Money value={facts.onHold} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {nothingToPay ? (
        <p className="card">Esta cuenta no tiene saldo por pagar. ¡Gracias!</p>
      ) : (
        <PayForm invoicePending={facts.invoicePending} payable={facts.payable} minimum={facts.minimum} />
      )}
    </>
  )
}

function PayForm({ invoicePending, payable, minimum }: { invoicePending: string; payable: string; minimum: string }) {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const hasInvoiceAmount = Number(invoicePending) > 0 && invoicePending !== payable
  const [choice, setChoice] = useState<PayChoice>(hasInvoiceAmount ? 'invoice' : 'balance')
  const [form, fields] = useForm({
    id: 'pagar',
    constraint: getZodConstraint(PayOnlineSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PayOnlineSchema }),
    shouldValidate: 'onSubmit',
  })
  const amountField = fields.amount
  const option = (value: PayChoice, label: string) => (
    <div className="field">
      <label>
        <input type="radio" name={fields.choice.name} value={value} checked={choice === value} onChange={() => setChoice(value)} /> {label}
      </label>
    </div>
  )
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <fieldset>
        <legend>¿Cuánto desea pagar?</legend>
        <p className="field-help">
          Todo pago se aplica primero a los cobros más antiguos de la cuenta; lo que esté en reclamo no se cobra.
        </p>
        {hasInvoiceAmount ? option('invoice', `Lo pendiente de esta factura: ${formatCOP(invoicePending)}`) : null}
        {option('balance', `Todo el saldo de la cuenta: ${formatCOP(payable)}`)}
        {option('other', 'Otro valor (abono)')}
        <ErrorList id={fields.choice.errorId} errors={fields.choice.errors} />
      </fieldset>
      {choice === 'other' ? (
        <div className="field">
          <label htmlFor={amountField.id}>Valor del abono, en pesos</label>
          <p id={`${amountField.id}-help`} className="field-help">
            Entre {formatCOP(minimum)} y {formatCOP(payable)}. Escríbalo sin centavos, por ejemplo 50.000.
          </p>
          <input
            id={amountField.id}
            name={amountField.name}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-describedby={`${amountField.id}-help ${amountField.errorId}`}
            aria-invalid={amountField.errors?.length ? true : undefined}
          />
          <ErrorList id={amountField.errorId} errors={amountField.errors} />
        </div>
      ) : null}
      <p>El valor final lo calcula la empresa con su saldo al momento de pagar; lo verá antes de confirmar en la pasarela.</p>
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Preparando el pago…" disabled={isPending}>
        Continuar al pago
      </StatusButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/mi-cuenta"
      statusHandlers={{
        404: () => (
          <>
            <h1>No encontramos esa factura</h1>
            <p>La factura no existe o no pertenece a sus cuentas.</p>
          </>
        ),
      }}
    />
  )
}
