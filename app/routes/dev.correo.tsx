import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { listMailbox, readMailboxMessage } from '~/mail/local-mailbox.server'
import { InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { DataTable } from '~/ui/table'
import { notFound } from '~/utils/errors'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'mail:dev')
  // With a real provider configured there is no local mailbox to show.
  if (process.env.RESEND_API_KEY)
    notFound('El buzón local solo existe cuando no hay un proveedor de correo configurado.')
  const id = new URL(request.url).searchParams.get('id')
  const selected = id ? await readMailboxMessage(id) : null
  if (id && !selected) notFound('Ese mensaje no está en el buzón local.')
  const messages = (await listMailbox()).slice(0, 200)
  return { messages, selected }
}

export const meta: MetaFunction = () => [{ title: 'Buzón local de correo (desarrollo)' }]

export default function LocalMailboxRoute() {
  const { messages, selected } = useLoaderData<typeof loader>()
  return (
    <main id="contenido" className="dev-mailbox">
      <h1>Buzón local de correo</h1>
      <p>
        Sin <code>RESEND_API_KEY</code>, los correos no salen a internet: se guardan en{' '}
        <code>.data/mail/</code> y se ven aquí. Solo para desarrollo y pruebas.
      </p>
      {selected ? (
        <section className="card" aria-labelledby="mensaje-titulo">
          <h2 id="mensaje-titulo">{selected.subject}</h2>
          <p>
            Para: {selected.to} · De: {selected.from} · Entregado:{' '}
            <InstantText value={selected.deliveredAt} withTime />
          </p>
          <iframe
            title={`Contenido del correo: ${selected.subject}`}
            srcDoc={selected.html}
            sandbox=""
            style={{ width: '100%', minHeight: '480px', border: '1px solid #d0d7de' }}
          />
          <details>
            <summary>Versión en texto plano</summary>
            <pre style={{ whiteSpace: 'pre-wrap' }}>{selected.text}</pre>
          </details>
          <p>
            <Link to="/dev/correo">Volver a la lista</Link>
          </p>
        </section>
      ) : null}
      {messages.length === 0 ? (
        <EmptyState title="El buzón está vacío">
          Los correos que envíe la aplicación aparecerán aquí.
        </EmptyState>
      ) : (
        <DataTable
          caption="Mensajes, del más reciente al más antiguo"
          rowKey={(m) => m.id}
          rows={messages}
          columns={[
            { header: 'Asunto', cell: (m) => <Link to={`/dev/correo?id=${m.id}`}>{m.subject}</Link> },
            { header: 'Para', cell: (m) => m.to },
            { header: 'Plantilla', cell: (m) => m.template },
            { header: 'Entregado', cell: (m) => <InstantText value={m.deliveredAt} withTime /> },
          ]}
        />
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      homeHref="/gestion"
      statusHandlers={{ 404: ({ error }) => <p>{String(error.data)}</p> }}
    />
  )
}
