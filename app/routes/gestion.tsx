import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ROLE_LABELS } from '~/ui/labels'
import { PublicHeader, SiteFooter, StaffHeader } from '~/ui/site-header'
import { staffNavFor } from '~/ui/staff-nav'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'staff:home')
  return { fullName: user.fullName, roleLabel: ROLE_LABELS[user.role], nav: staffNavFor(user) }
}

export default function StaffLayoutRoute() {
  const { fullName, roleLabel, nav } = useLoaderData<typeof loader>()
  return (
    <>
      <StaffHeader fullName={fullName} roleLabel={roleLabel} items={nav} />
      <main id="contenido" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </>
  )
}

export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/gestion')
  return (
    <>
      {layout ? <StaffHeader fullName={layout.fullName} roleLabel={layout.roleLabel} items={layout.nav} /> : <PublicHeader />}
      <main id="contenido" tabIndex={-1}>
        <GeneralErrorBoundary
          homeHref={layout ? '/gestion' : '/'}
          statusHandlers={{
            403: () => (
              <>
                <h1>No tiene permiso para ver esta página</h1>
                <p>No tiene permiso para ver esta página con su rol. Si lo necesita, pídalo a un administrador.</p>
              </>
            ),
          }}
        />
      </main>
      <SiteFooter />
    </>
  )
}
