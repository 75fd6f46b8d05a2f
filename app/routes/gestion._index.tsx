import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { db } from '~/db.server'
import { countAccountsByArea } from '~/portal/staff-home.server'
import { ROLE_LABELS } from '~/ui/labels'
import { staffCardsFor } from '~/ui/staff-nav'
import { DataTable } from '~/ui/table'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'staff:home')
  const areas = can(user, 'accounts:read') ? await countAccountsByArea(db, { serviceAreaId: user.serviceAreaId }) : []
  return {
    fullName: user.fullName,
    roleLabel: ROLE_LABELS[user.role],
    isAreaScoped: user.serviceAreaId !== null,
    areas,
    cards: staffCardsFor(user).map(({ to, label, description }) => ({ to, label, description })),
  }
}

export const meta: MetaFunction = () => [{ title: 'Gestión · Aguas de la Sabana' }]

export default function StaffHomeRoute() {
  const { fullName, roleLabel, isAreaScoped, areas, cards } = useLoaderData<typeof loader>()
  const total = areas.reduce((sum, area) => sum + area.accounts, 0)
  return (
    <>
      <h1>Bienvenido, {fullName}</h1>
      <p>
        Su rol: <strong>{roleLabel}</strong>
        {isAreaScoped ? ' · ve la información de su área de prestación.' : '.'}
      </p>
      {cards.length > 0 ? (
        <ul className="cards" aria-label="Lo que puede hacer">
          {cards.map((card) => (
            <li key={card.to} className="card">
              <h2>
                <Link to={card.to}>{card.label}</Link>
              </h2>
              <p>{card.description}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {areas.length > 0 ? (
        <DataTable
          caption={`Cuentas por área de prestación (total: ${total.toLocaleString('es-CO')})`}
          rowKey={(area) => area.id}
          rows={areas}
          columns={[
            { header: 'Área de prestación', cell: (area) => area.name },
            { header: 'Municipio', cell: (area) => area.municipality },
            { header: 'Cuentas', cell: (area) => area.accounts.toLocaleString('es-CO'), align: 'end' },
          ]}
        />
      ) : null}
    </>
  )
}
