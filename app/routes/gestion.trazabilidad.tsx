import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { listRecentEntities, readEntityTrail } from '~/identity/trail-view.server'
import { InstantText } from '~/ui/date'
import { DataTable } from '~/ui/table'

const QuerySchema = z.object({
  tipo: z.string().trim().max(60).optional(),
  id: z.string().trim().max(100).optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'trail:read')
  const query = QuerySchema.catch({}).parse(Object.fromEntries(new URL(request.url).searchParams))
  const recent = await listRecentEntities()
  const chain = query.tipo && query.id ? await readEntityTrail(query.tipo, query.id) : null
  return { query, recent, chain }
}

export const meta: MetaFunction = () => [{ title: 'Trazabilidad · Gestión' }]

export default function TrailRoute() {
  const { query, recent, chain } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Trazabilidad</h1>
      <p>Cada cambio queda encadenado con el anterior: si alguien altera o borra un registro, la cadena deja de cuadrar.</p>
      <Form method="get" className="form card">
        <div className="field">
          <label htmlFor="tipo">Tipo de registro</label>
          <input id="tipo" name="tipo" defaultValue={query.tipo ?? ''} placeholder="user, account, invoice…" />
        </div>
        <div className="field">
          <label htmlFor="id">Identificador</label>
          <input id="id" name="id" defaultValue={query.id ?? ''} />
        </div>
        <button type="submit" className="button">
          Ver la historia
        </button>
      </Form>
      {chain ? (
        <>
          <p role="status" className="card">
            {chain.entries.length === 0
              ? 'No hay registros para ese tipo e identificador.'
              : chain.isChainIntact
                ? `Cadena verificada: ${chain.entries.length} registros íntegros.`
                : 'Atención: la cadena NO cuadra. Hay registros alterados o faltantes; informe al administrador.'}
          </p>
          {chain.entries.length > 0 ? (
            <DataTable
              caption={`Historia de ${query.tipo} ${query.id}`}
              rowKey={(e) => String(e.seq)}
              rows={chain.entries}
              columns={[
                { header: 'N.º', cell: (e) => e.seq, align: 'end' },
                { header: 'Cuándo', cell: (e) => <InstantText value={e.occurredAt} withTime /> },
                { header: 'Quién', cell: (e) => e.actorName ?? e.actorLabel ?? (e.actorKind === 'job' ? 'Tarea automática' : 'Sistema') },
                { header: 'Qué', cell: (e) => e.action },
                { header: 'Detalle', cell: (e) => <code>{JSON.stringify(e.summary)}</code> },
                { header: 'Íntegro', cell: (e) => (e.isIntact ? 'Sí' : 'No') },
              ]}
            />
          ) : null}
        </>
      ) : null}
      <h2>Registros con cambios recientes</h2>
      <ul>
        {recent.map((r) => (
          <li key={`${r.entityType}:${r.entityId}`}>
            <Link to={`?tipo=${encodeURIComponent(r.entityType)}&id=${encodeURIComponent(r.entityId)}`}>
              {r.entityType} {r.entityId}
            </Link>{' '}
            · <InstantText value={r.lastAt} withTime />
          </li>
        ))}
      </ul>
    </>
  )
}
