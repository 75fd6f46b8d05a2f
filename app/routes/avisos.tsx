import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { db } from '~/db.server'
import { listPublishedNotices } from '~/pqr/notify-publications.server'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { PublicHeader, SiteFooter } from '~/ui/site-header'
import { DataTable } from '~/ui/table'

/** Public: avisos of decisions whose addressee could not be reached at an address (CPACA art. 69 inciso 2). */
export async function loader(_: LoaderFunctionArgs) {
  return { notices: await listPublishedNotices(db) }
}

export const meta: MetaFunction = () => [{ title: 'Avisos de notificación · Aguas de la Sabana' }]

export default function PublicNoticesRoute() {
  const { notices } = useLoaderData<typeof loader>()
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Avisos de notificación</h1>
        <p>
          Publicamos aquí, con copia íntegra, las decisiones que no pudimos entregar en una dirección (Ley
          1437 de 2011, art. 69). La notificación queda surtida al finalizar el día siguiente al retiro del
          aviso. Contra cada decisión proceden los recursos que ella indica, dentro de los 5 días hábiles
          siguientes.
        </p>
        {notices.length === 0 ? (
          <EmptyState title="No hay avisos publicados">Vuelva a consultar más tarde.</EmptyState>
        ) : (
          <DataTable
            caption="Avisos publicados"
            rowKey={(n) => n.id}
            rows={notices}
            columns={[
              { header: 'Destinatario', cell: (n) => n.name },
              { header: 'Solicitud', cell: (n) => n.caseRadicado },
              {
                header: 'Decisión',
                cell: (n) => (
                  <>
                    {n.outgoingRadicado}
                    {n.issuedAt ? (
                      <>
                        {' '}
                        del <InstantText value={n.issuedAt} />
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                header: 'Publicado',
                cell: (n) =>
                  n.from && n.until ? (
                    <>
                      <DateText value={n.from} /> al <DateText value={n.until} />
                    </>
                  ) : (
                    '—'
                  ),
              },
              {
                header: 'Copia',
                cell: (n) => (
                  <a href={`/avisos/${n.id}`} download>
                    Descargar la decisión {n.outgoingRadicado} (PDF)
                  </a>
                ),
              },
            ]}
          />
        )}
      </main>
      <SiteFooter />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
