import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { requireSubscriberUser } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { PublicHeader, SiteFooter, SubscriberHeader } from '~/ui/site-header'

export async function loader({ request }: LoaderFunctionArgs) {
  // Only the name: the pages below check their own ownership (requireSubscriber, or in their query).
  const user = await requireSubscriberUser(request)
  return { fullName: user.fullName }
}

export default function SubscriberLayoutRoute() {
  const { fullName } = useLoaderData<typeof loader>()
  return (
    <>
      <SubscriberHeader fullName={fullName} />
      <main id="contenido" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </>
  )
}

export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/mi-cuenta')
  return (
    <>
      {layout ? <SubscriberHeader fullName={layout.fullName} /> : <PublicHeader />}
      <main id="contenido" tabIndex={-1}>
        <GeneralErrorBoundary
          homeHref={layout ? '/mi-cuenta' : '/'}
          statusHandlers={{
            403: () => (
              <>
                <h1>No tiene permiso para ver esta página</h1>
                <p>No tiene permiso para ver esta página: es solo para suscriptores con una cuenta vinculada.</p>
              </>
            ),
          }}
        />
      </main>
      <SiteFooter />
    </>
  )
}
