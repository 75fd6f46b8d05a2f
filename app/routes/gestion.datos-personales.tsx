import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { answerDataRightsRequest, listDataRightsQueue } from '~/identity/data-rights.server'
import { DateText, InstantText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { ErrorList } from '~/ui/forms'

const KIND_LABELS = { query: 'Consulta (10 días hábiles)', correction: 'Corrección (15 días hábiles)', deletion: 'Supresión (15 días hábiles)' } as const

const AnswerSchema = z.object({
  requestId: z.uuid({ error: 'Solicitud no válida.' }),
  answer: z.string({ error: 'Escriba la respuesta.' }).trim().min(10, 'Escriba la respuesta (al menos 10 caracteres).').max(4000),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'personal_data:manage')
  const queue = await listDataRightsQueue()
  return { queue: queue.map((r) => ({ ...r, filedAt: r.filedAt.toISOString() })) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, 'personal_data:manage')
  const parsed = AnswerSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? 'Datos no válidos.' }, { status: 400 })
  const isDone = await answerDataRightsRequest(
    { requestId: parsed.data.requestId, answer: parsed.data.answer, staffUserId: staff.id },
    { requestId: context.requestId, ip: context.ip },
  )
  if (!isDone) return data({ error: 'Esa solicitud ya fue respondida.' }, { status: 409 })
  return redirect('/gestion/datos-personales')
}

export const meta: MetaFunction = () => [{ title: 'Datos personales · Gestión' }]

export default function DataRightsQueueRoute() {
  const { queue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Solicitudes sobre datos personales</h1>
      <p>Consultas y reclamos de habeas data (Ley 1581 de 2012), ordenados por fecha de vencimiento.</p>
      <ErrorList errors={actionData?.error ? [actionData.error] : undefined} />
      {queue.length === 0 ? (
        <EmptyState title="No hay solicitudes">Cuando un suscriptor haga una consulta o un reclamo, aparecerá aquí.</EmptyState>
      ) : (
        <ul className="cards">
          {queue.map((r) => (
            <li key={r.id} className="card">
              <p>
                <strong>{KIND_LABELS[r.kind]}</strong> · {r.fullName} ({r.email}) · radicada <InstantText value={r.filedAt} /> ·
                vence <DateText value={r.dueOn} />
              </p>
              <p>{r.description}</p>
              {r.status === 'pending' ? (
                <Form method="post" className="form">
                  <input type="hidden" name="requestId" value={r.id} />
                  <div className="field">
                    <label htmlFor={`answer-${r.id}`}>Respuesta</label>
                    <textarea id={`answer-${r.id}`} name="answer" rows={3} required />
                  </div>
                  <button type="submit" className="button">
                    Responder
                  </button>
                </Form>
              ) : (
                <p>Respondida: {r.answer}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
