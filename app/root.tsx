import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react'
import type { ReactNode } from 'react'
import stylesheet from '~/styles/app.css?url'
import { useNonce } from '~/ui/nonce'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'Ventanilla virtual · Aguas de la Sabana' },
  { name: 'description', content: 'Consulte sus cuentas, facturas y solicitudes de acueducto, alcantarillado y aseo.' },
]

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="es-CO">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#contenido" className="skip-link">
          Saltar al contenido
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
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
