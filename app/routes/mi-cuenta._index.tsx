import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireSubscriber } from '~/auth/guards.server'
import { todayInBogota } from '~/calendar/business-days'
import { db } from '~/db.server'
import { accountMoney, type AccountMoney } from '~/portal/account-summary.server'
import { hasElectronicInvoice, setElectronicInvoice } from '~/portal/electronic-invoice.server'
import { listSubscriberAccounts, type SubscriberAccount } from '~/portal/accounts.server'
import portalStyles from '~/styles/portal.css?url'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { ACCOUNT_STATUS_LABELS, describeUse, SERVICE_LABELS } from '~/ui/labels'
import { Money } from '~/ui/money'
import { formatCOP } from '~/utils/format'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: portalStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const [accounts, money, electronicInvoice] = await Promise.all([
    listSubscriberAccounts(db, accountIds),
    accountMoney(db, accountIds, todayInBogota(new Date())),
    hasElectronicInvoice(user.id),
  ])
  const byId = new Map(money.map((m) => [m.accountId, m]))
  return { fullName: user.fullName, electronicInvoice, accounts: accounts.map((a) => ({ ...a, money: byId.get(a.id)! })) }
}

const ConsentSchema = z.object({ intent: z.enum(['factura-electronica-si', 'factura-electronica-no']) })

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSubscriber(request)
  const parsed = ConsentSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return redirect('/mi-cuenta')
  await setElectronicInvoice(user.id, parsed.data.intent === 'factura-electronica-si', { requestId: context.requestId, ip: context.ip })
  return redirect('/mi-cuenta')
}

const STATUS_EVENT_LABELS: Record<string, string> = {
  suspension_notice: 'Aviso de suspensión',
  suspension: 'Servicio suspendido',
  cut: 'Servicio cortado',
  reinstatement: 'Servicio reinstalado',
  reconnection: 'Servicio reconectado',
}

export const meta: MetaFunction = () => [{ title: 'Mi cuenta · Aguas de la Sabana' }]

export default function SubscriberHomeRoute() {
  const { fullName, accounts, electronicInvoice } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Hola, {fullName}</h1>
      {accounts.length === 0 ? (
        <EmptyState title="Aún no tiene cuentas vinculadas">
          <p>
            Para ver aquí su predio, servicios y medidor, su usuario debe estar vinculado a una cuenta de servicio.
            Comuníquese con la empresa con su número de cuenta (aparece en su factura) y su documento de identidad.
          </p>
        </EmptyState>
      ) : (
        <>
          <p>{accounts.length === 1 ? 'Esta es su cuenta.' : `Tiene ${accounts.length} cuentas.`}</p>
          {accounts.map((account) => (
            <AccountCard key={account.id} account={account} />
          ))}
          <ElectronicInvoiceCard active={electronicInvoice} />
        </>
      )}
    </>
  )
}

function AccountCard({ account }: { account: SubscriberAccount & { money: AccountMoney } }) {
  const headingId = `cuenta-${account.id}`
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Cuenta {account.number}</h2>
      <dl className="facts">
        <dt>Estado</dt>
        <dd>
          <span className={`badge ${account.status === 'active' ? 'badge-ok' : 'badge-danger'}`}>
            {ACCOUNT_STATUS_LABELS[account.status]}
          </span>
        </dd>
        <dt>Dirección del predio</dt>
        <dd>
          {account.address}, {account.neighborhood}
        </dd>
        <dt>Zona</dt>
        <dd>{account.zone}</dd>
        <dt>Área de prestación</dt>
        <dd>
          {account.serviceArea.includes(account.municipality)
            ? account.serviceArea
            : `${account.serviceArea} (${account.municipality})`}
        </dd>
        <dt>Uso</dt>
        <dd>{describeUse(account.useClass, account.estrato)}</dd>
        <dt>Servicios</dt>
        <dd>{account.services.map((s) => SERVICE_LABELS[s] ?? s).join(', ')}</dd>
        <dt>Medidor</dt>
        <dd>
          {account.meter ? (
            <>
              Serie {account.meter.serial}, instalado el <DateText value={account.meter.installedOn} />
            </>
          ) : (
            'Sin medidor instalado'
          )}
        </dd>
      </dl>
      <AccountMoneyFacts account={account} />
    </section>
  )
}

function AccountMoneyFacts({ account }: { account: SubscriberAccount & { money: AccountMoney } }) {
  const m = account.money
  const event = m.lastStatusEvent
  return (
    <>
      <h3>Saldo y pagos</h3>
      <dl className="facts">
        <dt>Saldo de la cuenta</dt>
        <dd>
          <Money value={m.balance} className="amount-due" />
          {Number(m.credit) > 0 ? ` (saldo a su favor de ${formatCOP(m.credit)})` : null}
        </dd>
        {Number(m.onHold) > 0 ? (
          <>
            <dt>En reclamo</dt>
            <dd>
              <Money value={m.onHold} /> no se cobran mientras se resuelve su reclamo (Ley 142 art. 155)
            </dd>
          </>
        ) : null}
        {Number(m.overdue) > 0 ? (
          <>
            <dt>Vencido</dt>
            <dd>
              <Money value={m.overdue} />
            </dd>
          </>
        ) : null}
        <dt>Próximo vencimiento</dt>
        <dd>
          {m.latestInvoice ? (
            <>
              Pago oportuno <DateText value={m.latestInvoice.dueOn} />; suspensión desde{' '}
              <DateText value={m.latestInvoice.suspensionOn} />
            </>
          ) : (
            'Sin facturas expedidas'
          )}
        </dd>
        {event ? (
          <>
            <dt>Último cambio del servicio</dt>
            <dd>
              {STATUS_EVENT_LABELS[event.kind] ?? event.kind} el <InstantText value={event.occurredAt} />
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        {m.payInvoiceId ? (
          <Link className="button" to={`/mi-cuenta/pagar/${m.payInvoiceId}`}>
            Pagar {formatCOP(m.payable)}
            <Of account={account.number} />
          </Link>
        ) : null}
        {m.latestInvoice ? (
          <Link className="button button-secondary" to={`/mi-cuenta/facturas/${m.latestInvoice.id}`}>
            Ver factura
            <Of account={account.number} />
          </Link>
        ) : null}
        <Link className="button button-secondary" to={`/mi-cuenta/cuentas/${account.id}/facturas`}>
          Todas las facturas
          <Of account={account.number} />
        </Link>
        <Link className="button button-secondary" to={`/mi-cuenta/pqr/nueva?cuenta=${account.id}`}>
          Radicar una PQR
          <Of account={account.number} />
        </Link>
      </div>
    </>
  )
}

/** Names the account for screen readers when a page lists several accounts' buttons. */
function Of({ account }: { account: string }) {
  return <span className="visually-hidden"> de la cuenta {account}</span>
}

function ElectronicInvoiceCard({ active }: { active: boolean }) {
  return (
    <section className="card" aria-labelledby="factura-electronica">
      <h2 id="factura-electronica">Factura electrónica</h2>
      {active ? (
        <p>Recibe sus facturas por correo electrónico con un enlace para verlas y descargarlas.</p>
      ) : (
        <p>
          Si lo autoriza, le enviaremos cada factura por correo electrónico, con un enlace para verla y descargarla,
          además de la factura impresa. Puede retirar la autorización cuando quiera.
        </p>
      )}
      <Form method="post">
        <button type="submit" name="intent" value={active ? 'factura-electronica-no' : 'factura-electronica-si'} className="button button-secondary">
          {active ? 'Dejar de recibirla por correo' : 'Autorizo recibir la factura por correo'}
        </button>
      </Form>
    </section>
  )
}
