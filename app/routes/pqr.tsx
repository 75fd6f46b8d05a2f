import { Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

/** Public PQR pages (filing without an account, status lookup, receipt): the public header and footer. */
export default function PublicPqrLayout() {
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </>
  )
}

export function ErrorBoundary() {
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <GeneralErrorBoundary />
      </main>
      <SiteFooter />
    </>
  )
}
