import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireSubscriber } from '~/auth/guards.server'
import { db } from '~/db.server'
import { listSubscriberAccounts, type SubscriberAccount } from '~/portal/accounts.server'
import { DateText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { ACCOUNT_STATUS_LABELS, describeUse, SERVICE_LABELS } from '~/ui/labels'

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, accountIds } = await requireSubscriber(request)
  const accounts = await listSubscriberAccounts(db, accountIds)
  return { fullName: user.fullName, accounts }
}

export const meta: MetaFunction = () => [{ title: 'Mi cuenta · Aguas de la Sabana' }]

export default function SubscriberHomeRoute() {
  const { fullName, accounts } = useLoaderData<typeof loader>()
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
        </>
      )}
    </>
  )
}

function AccountCard({ account }: { account: SubscriberAccount }) {
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
    </section>
  )
}
