import type { MetaFunction } from '@remix-run/node'
import { notFound } from '~/utils/errors'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

// Any URL no other route matches: a real 404 status, with the Spanish page below. Public, so no guard.
export async function loader() {
  notFound()
}

export const meta: MetaFunction = () => [{ title: 'Página no encontrada · Aguas de la Sabana' }]

export default function NotFoundRoute() {
  return <ErrorBoundary />
}

export function ErrorBoundary() {
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <GeneralErrorBoundary
          statusHandlers={{
            404: () => (
              <>
                <h1>No encontramos esta página</h1>
                <p>La dirección no existe o cambió. Revísela o vuelva al inicio.</p>
              </>
            ),
          }}
        />
      </main>
      <SiteFooter />
    </>
  )
}
