import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getOptionalUser } from '~/auth/guards.server'
import { homePathFor } from '~/auth/redirect'
import { PublicHeader, SiteFooter, UTILITY_NAME } from '~/ui/site-header'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  return { home: user ? homePathFor(user) : null }
}

export const meta: MetaFunction = () => [{ title: `Ventanilla virtual · ${UTILITY_NAME}` }]

export default function HomeRoute() {
  const { home } = useLoaderData<typeof loader>()
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Ventanilla virtual de {UTILITY_NAME}</h1>
        <p>
          Atendemos en línea a los suscriptores de los servicios de acueducto, alcantarillado y aseo. Desde aquí puede:
        </p>
        <ul>
          <li>consultar los datos de sus cuentas: predio, servicios y medidor;</li>
          <li>revisar el estado de su servicio;</li>
          <li>presentar y seguir peticiones, quejas, reclamos y recursos (PQR), como lo prevé la Ley 142 de 1994.</li>
        </ul>
        <p>
          {home ? (
            <Link to={home} className="button">
              Ir a mi espacio
            </Link>
          ) : (
            <Link to="/ingresar" className="button">
              Ingresar
            </Link>
          )}
        </p>
        <p>
          Sin cuenta en la ventanilla también puede <Link to="/pqr/radicar">radicar una PQR</Link> o{' '}
          <Link to="/pqr/consulta">consultar el estado de una solicitud</Link> con su radicado.
        </p>
      </main>
      <SiteFooter />
    </>
  )
}
