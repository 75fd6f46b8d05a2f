import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { UNIDENTIFIED_REASON_LABELS, UNIDENTIFIED_STATUS_LABELS, UnidentifiedActionSchema } from '~/payments/bank-file-schema'
import { assignUnidentifiedPayment } from '~/payments/unidentified-assign.server'
import { findAccountForAssignment, getUnidentified } from '~/payments/unidentified-queries.server'
import { returnUnidentifiedPayment } from '~/payments/unidentified-return.server'
import { DateText, InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, StatusButton, useIsPending } from '~/ui/forms'
import { ACCOUNT_STATUS_LABELS } from '~/ui/labels'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'payments:read')
  const payment = await getUnidentified(db, params.paymentId ?? '')
  if (!payment) notFound('No existe ese pago por identificar.')
  return { payment, canOperate: can(user, 'payments:operate') }
}

type Found = NonNullable<Awaited<ReturnType<typeof findAccountForAssignment>>>
type ActionResult = { intent: 'lookup' | 'assign' | 'return'; message?: string; account?: Found }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'payments:operate')
  const payment = await getUnidentified(db, params.paymentId ?? '')
  if (!payment) notFound('No existe ese pago por identificar.')
  const form = Object.fromEntries(await request.formData())
  const parsed = UnidentifiedActionSchema.safeParse(form)
  const intent = (['lookup', 'assign', 'return'] as const).find((i) => i === form.intent) ?? 'lookup'
  if (!parsed.success) return data<ActionResult>({ intent, message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const audit = { userId: user.id, requestId: context.requestId, ip: context.ip }
  const value = parsed.data
  switch (value.intent) {
    case 'lookup': {
      const account = await findAccountForAssignment(db, value.accountNumber)
      if (!account) return data<ActionResult>({ intent, message: `No existe la cuenta ${value.accountNumber}. Revise el número.` }, { status: 404 })
      return data<ActionResult>({ intent, account })
    }
    case 'assign': {
      const outcome = await assignUnidentifiedPayment(db, { id: payment.id, accountNumber: value.accountNumber, ...audit })
      if (!outcome.ok) return data<ActionResult>({ intent, message: outcome.error.message }, { status: 409 })
      return redirect(`/gestion/pagos/por-identificar/${payment.id}`)
    }
    case 'return': {
      const outcome = await returnUnidentifiedPayment(db, { id: payment.id, reason: value.reason, ...audit })
      if (!outcome.ok) return data<ActionResult>({ intent, message: outcome.error.message }, { status: 409 })
      return redirect(`/gestion/pagos/por-identificar/${payment.id}`)
    }
  }
}

export const meta: MetaFunction = () => [{ title: 'Pago por identificar · Gestión' }]

export default function UnidentifiedPaymentRoute() {
  const { payment, canOperate } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const isPending = useIsPending()
  const isPendingRow = payment.status === 'pending'
  return (
    <>
      <p>
        <Link to="/gestion/pagos/por-identificar">Pagos por identificar</Link>
      </p>
      <h1>
        Pago de <Money value={payment.amount} /> con referencia {payment.referenceRaw}
      </h1>
      <dl className="card">
        <dt>Estado</dt>
        <dd>{UNIDENTIFIED_STATUS_LABELS[payment.status] ?? payment.status}</dd>
        <dt>Pagado</dt>
        <dd><DateText value={payment.paidOn} /></dd>
        <dt>Por qué no se aplicó</dt>
        <dd>{UNIDENTIFIED_REASON_LABELS[payment.reason] ?? payment.reason}</dd>
        <dt>Canal (procedencia · medio)</dt>
        <dd>{payment.channel}</dd>
        <dt>Archivo</dt>
        <dd>{payment.bankFileId ? <Link to={`/gestion/pagos/archivos/${payment.bankFileId}`}>{payment.fileName} · línea {payment.lineNo}</Link> : '—'}</dd>
        {payment.assignedAt ? (
          <>
            <dt>{payment.status === 'assigned' ? 'Asignado' : 'Devuelto'}</dt>
            <dd>
              {payment.accountNumber ? `Cuenta ${payment.accountNumber} · ` : ''}
              {payment.assignedBy ?? '—'} · <InstantText value={payment.assignedAt} withTime />
              {payment.note ? ` · ${payment.note}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {canOperate && isPendingRow ? (
        <>
          {result?.intent === 'lookup' && result.account ? (
            <ConfirmAssign account={result.account} amount={payment.amount} isPending={isPending} />
          ) : (
            <Form method="post" className="form card" aria-labelledby="asignar-titulo">
              <h2 id="asignar-titulo">Asignar a una cuenta</h2>
              <input type="hidden" name="intent" value="lookup" />
              <div className="field">
                <label htmlFor="accountNumber">Número de cuenta</label>
                <input id="accountNumber" name="accountNumber" required maxLength={30} autoComplete="off" />
              </div>
              <ErrorList errors={result?.intent === 'lookup' || result?.intent === 'assign' ? [result.message] : []} />
              <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
                Buscar la cuenta
              </StatusButton>
            </Form>
          )}
          <Form method="post" className="form card" aria-labelledby="devolver-titulo">
            <h2 id="devolver-titulo">Devolver al pagador</h2>
            <p>Si nadie puede identificar el pago, o el pagador pide que se le reintegre, regístrelo aquí. No llega al saldo de ninguna cuenta.</p>
            <input type="hidden" name="intent" value="return" />
            <div className="field">
              <label htmlFor="reason">Motivo</label>
              <textarea id="reason" name="reason" required minLength={5} maxLength={500} rows={3} />
            </div>
            <div className="field checkbox">
              <input id="confirm-return" name="confirm" type="checkbox" value="si" required />
              <label htmlFor="confirm-return">Confirmo que este pago se devuelve al pagador</label>
            </div>
            <ErrorList errors={result?.intent === 'return' ? [result.message] : []} />
            <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
              Devolver el pago
            </StatusButton>
          </Form>
        </>
      ) : null}
    </>
  )
}

function ConfirmAssign({ account, amount, isPending }: { account: Found; amount: string; isPending: boolean }) {
  return (
    <Form method="post" className="form card" aria-labelledby="confirmar-titulo">
      <h2 id="confirmar-titulo">¿Asignar el pago a la cuenta {account.number}?</h2>
      <p>
        Titular: {account.holder}. Predio: {account.address}. Estado: {ACCOUNT_STATUS_LABELS[account.status] ?? account.status}. El pago de{' '}
        <Money value={amount} /> se aplicará a sus cargos más antiguos.
      </p>
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="accountNumber" value={account.number} />
      <div className="field checkbox">
        <input id="confirm-assign" name="confirm" type="checkbox" value="si" required />
        <label htmlFor="confirm-assign">Confirmo que el pago corresponde a esta cuenta</label>
      </div>
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'}>
        Sí, asignar
      </StatusButton>{' '}
      <Link to=".">Cancelar</Link>
    </Form>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/gestion"
      statusHandlers={{
        404: () => (
          <>
            <h1>Pago no encontrado</h1>
            <p>No existe ese pago por identificar.</p>
          </>
        ),
      }}
    />
  )
}
