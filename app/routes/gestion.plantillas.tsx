import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { currentTemplates } from '~/pqr/decision-page.server'
import { DECISION_TYPE_LABELS } from '~/pqr/decision-rules'
import { TemplateVersionSchema } from '~/pqr/decision-schema'
import { PLACEHOLDERS } from '~/pqr/decision-template'
import { addTemplateVersion } from '~/pqr/decision-templates.server'
import { InstantText } from '~/ui/date'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { DataTable } from '~/ui/table'
import { DECISION_TYPES } from '../../db/schema/pqr'
import { AlertMessage } from '~/ui/alert-message'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'pqr:approve')
  const { latest, all } = await currentTemplates(db)
  const versions = new Map<string, number>()
  for (const t of all) versions.set(t.code, (versions.get(t.code) ?? 0) + 1)
  return {
    templates: latest.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      versions: versions.get(t.code) ?? 1,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'pqr:approve')
  const parsed = TemplateVersionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return data({ message: parsed.error.issues[0]?.message ?? 'Revise el formulario.' }, { status: 400 })
  const added = await addTemplateVersion({ ...parsed.data, actor: { id: user.id } })
  if (!added.ok) return data({ message: added.error.message }, { status: 409 })
  return redirect(`/gestion/plantillas?guardada=${parsed.data.code}-${added.value.version}`)
}

export const meta: MetaFunction = () => [{ title: 'Plantillas de decisiones · Gestión' }]

export default function DecisionTemplatesRoute() {
  const { templates } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const base = templates.find((t) => t.code === search.get('codigo'))
  return (
    <>
      <h1>Plantillas de decisiones</h1>
      <p>
        Cada cambio crea una versión nueva; las decisiones ya proyectadas conservan la versión con la que se
        redactaron.
      </p>
      {search.get('guardada') ? <p role="status">Versión guardada.</p> : null}
      <DataTable
        caption="Versiones vigentes"
        rowKey={(t) => t.id}
        rows={templates}
        columns={[
          {
            header: 'Plantilla',
            cell: (t) => (
              <>
                {t.title}
                <br />
                <small>{t.code}</small>
              </>
            ),
          },
          { header: 'Tipo de decisión', cell: (t) => DECISION_TYPE_LABELS[t.decisionType] },
          { header: 'Versión', cell: (t) => `v${t.version} (${t.versions} en total)` },
          { header: 'Desde', cell: (t) => <InstantText value={t.createdAt} /> },
          {
            header: 'Acción',
            cell: (t) => (
              <a href={`/gestion/plantillas?codigo=${t.code}#nueva`}>Nueva versión de «{t.title}»</a>
            ),
          },
        ]}
      />
      <Form
        method="post"
        className="form card"
        id="nueva"
        key={base?.id ?? 'nueva'}
        aria-labelledby="new-title"
      >
        <h2 id="new-title">{base ? `Nueva versión de «${base.title}»` : 'Nueva plantilla'}</h2>
        <AlertMessage message={result?.message} />
        <div className="field">
          <label htmlFor="code">Código</label>
          <input id="code" name="code" required defaultValue={base?.code ?? ''} readOnly={Boolean(base)} />
        </div>
        <div className="field">
          <label htmlFor="decisionType">Tipo de decisión</label>
          <select id="decisionType" name="decisionType" defaultValue={base?.decisionType ?? 'accede'}>
            {DECISION_TYPES.map((t) => (
              <option key={t} value={t}>
                {DECISION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="title">Título</label>
          <input id="title" name="title" required defaultValue={base?.title ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="body">Texto</label>
          <textarea
            id="body"
            name="body"
            rows={12}
            required
            defaultValue={base?.body ?? ''}
            aria-describedby="placeholders"
          />
        </div>
        <div className="field">
          <label htmlFor="legalGrounds">Fundamentos de derecho</label>
          <textarea
            id="legalGrounds"
            name="legalGrounds"
            rows={3}
            required
            defaultValue={base?.legalGrounds ?? ''}
          />
        </div>
        <div id="placeholders">
          <p>Marcadores disponibles:</p>
          <ul>
            {Object.entries(PLACEHOLDERS).map(([k, v]) => (
              <li key={k}>
                <code>{`{{${k}}}`}</code>: {v}
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" className="button">
          Guardar versión
        </button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
