import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { compareTariffValues } from '~/billing/tariffs/compare'
import { getTariffVersion } from '~/billing/tariffs/queries.server'
import { db } from '~/db.server'
import { DateText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { Money } from '~/ui/money'
import { notFound } from '~/utils/errors'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'billing:read')
  const url = new URL(request.url)
  const load = async (id: string | null) => {
    const v = id ? await getTariffVersion(db, id).catch(() => null) : null
    if (!v || (user.serviceAreaId && user.serviceAreaId !== v.serviceAreaId)) notFound('Una de las versiones no existe.')
    return v
  }
  const left = await load(url.searchParams.get('a'))
  const right = await load(url.searchParams.get('b'))
  const strip = ({ values: _v, ...rest }: typeof left) => rest
  return { left: strip(left), right: strip(right), rows: compareTariffValues(left.values, right.values) }
}

export const meta: MetaFunction = () => [{ title: 'Comparar tarifas · Gestión' }]

const isFactor = (group: string) => group.startsWith('Factores')
const factorText = (f: string) => `${(Number(f) * 100).toLocaleString('es-CO', { maximumFractionDigits: 2 })} %`

export default function CompareTariffsRoute() {
  const { left, right, rows } = useLoaderData<typeof loader>()
  const changed = rows.filter((r) => r.isDifferent).length
  const groups = [...new Set(rows.map((r) => r.group))]
  const title = (v: typeof left) => (
    <>
      {v.areaName}, desde <DateText value={v.effectiveFrom} />
    </>
  )
  return (
    <>
      <p>
        <Link to="/gestion/facturacion/tarifas">← Catálogo de tarifas</Link>
      </p>
      <h1>Comparación de versiones de tarifas</h1>
      <p>
        {changed === 0 ? 'Las dos versiones tienen los mismos valores.' : `${changed} valores cambian; están resaltados.`}
      </p>
      {groups.map((group) => (
        <div key={group} className="table-scroll" role="region" aria-label={group} tabIndex={0}>
          <table className="data-table">
            <caption>{group}</caption>
            <thead>
              <tr>
                <th scope="col">Concepto</th>
                <th scope="col" className="num">{title(left)}</th>
                <th scope="col" className="num">{title(right)}</th>
                <th scope="col" className="num">Variación</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.group === group)
                .map((r) => (
                  <tr key={r.label} className={r.isDifferent ? 'row-changed' : undefined}>
                    <th scope="row">
                      {r.label}
                      {r.isDifferent ? <span className="visually-hidden"> (cambia)</span> : null}
                    </th>
                    <td className="num">{r.left === null ? '—' : isFactor(group) ? factorText(r.left) : <Money value={r.left} />}</td>
                    <td className="num">
                      {r.isDifferent ? (
                        <mark>{r.right === null ? '—' : isFactor(group) ? factorText(r.right) : <Money value={r.right} />}</mark>
                      ) : r.right === null ? (
                        '—'
                      ) : isFactor(group) ? (
                        factorText(r.right)
                      ) : (
                        <Money value={r.right} />
                      )}
                    </td>
                    <td className="num">{r.changePercent && r.isDifferent ? `${r.changePercent.replace('.', ',')} %` : ''}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" statusHandlers={{ 404: () => <p>Una de las versiones no existe.</p> }} />
}
