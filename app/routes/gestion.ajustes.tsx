import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { listSettingsForAdmin } from '~/settings/admin-view.server'
import { isSettingKey, SETTING_KEYS, SETTINGS } from '~/settings/catalog'
import { parseSettingInput } from '~/settings/input'
import { scheduleSetting } from '~/settings/schedule-setting.server'
import { DateText } from '~/ui/date'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { DataTable } from '~/ui/table'
import { todayInBogota } from '~/utils/format'

const ScheduleSchema = z.object({
  key: z
    .string({ error: 'Elija el ajuste que va a cambiar.' })
    .refine(isSettingKey, 'Elija un ajuste de la lista.'),
  value: z.string({ error: 'Escriba el nuevo valor.' }).trim().min(1, 'Escriba el nuevo valor.').max(200),
  effectiveFrom: z.iso.date('Escriba la fecha desde la que rige el nuevo valor.'),
  note: z
    .string({ error: 'Escriba el motivo o el acto que soporta el cambio.' })
    .trim()
    .min(5, 'Escriba el motivo o el acto que soporta el cambio (al menos 5 caracteres).')
    .max(500, 'El motivo no puede superar 500 caracteres.'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'settings:manage')
  const today = todayInBogota()
  return { today, settings: await listSettingsForAdmin(db, today) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'settings:manage')
  const submission = parseWithZod(await request.formData(), { schema: ScheduleSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { key, value, effectiveFrom, note } = submission.value
  if (!isSettingKey(key))
    return data(
      { result: submission.reply({ fieldErrors: { key: ['Elija un ajuste de la lista.'] } }) },
      { status: 400 },
    )
  const outcome = await db.transaction((tx) =>
    scheduleSetting(tx, {
      key,
      value: parseSettingInput(key, value),
      effectiveFrom,
      note,
      actorUserId: user.id,
      requestId: context.requestId,
      ip: context.ip,
    }),
  )
  if (!outcome.ok) {
    const field =
      outcome.error.code === 'settings/invalid_value'
        ? 'value'
        : outcome.error.code === 'settings/past_date'
          ? 'effectiveFrom'
          : 'key'
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [outcome.error.message] } }) },
      { status: 422 },
    )
  }
  return redirect(`/gestion/ajustes?programado=${encodeURIComponent(key)}`)
}

export const meta: MetaFunction = () => [{ title: 'Ajustes · Gestión' }]

export default function SettingsAdminRoute() {
  const { settings, today } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const scheduled = searchParams.get('programado')
  const scheduledLabel = scheduled && isSettingKey(scheduled) ? SETTINGS[scheduled].label : null
  return (
    <>
      <h1>Ajustes</h1>
      <p>
        Términos, porcentajes y horarios que la ley o la empresa pueden cambiar. Cada cambio rige desde una
        fecha y queda en la bitácora de auditoría; un valor que ya rigió no se modifica. Los valores marcados
        como «por confirmar» son provisionales hasta que el área jurídica los confirme.
      </p>
      {scheduledLabel ? (
        <p className="card" role="status">
          Cambio programado: {scheduledLabel}.
        </p>
      ) : null}
      <DataTable
        caption={`Valores vigentes hoy (${today.split('-').reverse().join('/')}) y programados`}
        rowKey={(s) => s.key}
        rows={settings}
        columns={[
          { header: 'Ajuste', cell: (s) => s.label },
          {
            header: 'Valor vigente',
            cell: (s) => (
              <>
                <strong>{s.current.display}</strong>
                <br />
                {s.current.effectiveFrom ? (
                  <>
                    desde <DateText value={s.current.effectiveFrom} />
                  </>
                ) : (
                  'valor por defecto'
                )}
              </>
            ),
          },
          {
            header: 'Programado',
            cell: (s) =>
              s.scheduled.length === 0
                ? '—'
                : s.scheduled.map((v) => (
                    <div key={v.effectiveFrom}>
                      {v.display} desde <DateText value={v.effectiveFrom} />
                    </div>
                  )),
          },
          {
            header: 'Fuente',
            cell: (s) => (
              <>
                <span className={s.confirmed ? 'badge badge-ok' : 'badge badge-danger'}>
                  {s.confirmed ? 'Confirmado' : 'Por confirmar'}
                </span>{' '}
                {s.source}
              </>
            ),
          },
        ]}
      />
      <ScheduleForm today={today} />
    </>
  )
}

function ScheduleForm({ today }: { today: string }) {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'programar-ajuste',
    constraint: getZodConstraint(ScheduleSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScheduleSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h2>Programar un nuevo valor</h2>
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.key.id}>Ajuste</label>
        <select {...getSelectProps(fields.key)}>
          <option value="">Elija un ajuste…</option>
          {SETTING_KEYS.map((key) => (
            <option key={key} value={key}>
              {SETTINGS[key].label}
            </option>
          ))}
        </select>
        <ErrorList id={fields.key.errorId} errors={fields.key.errors} />
      </div>
      <Field
        label="Nuevo valor"
        help="Días u horas: número entero (15). Porcentaje: 1,25. Sí o no. Horario: 07:00-19:00."
        inputProps={{ ...getInputProps(fields.value, { type: 'text' }), autoComplete: 'off' }}
        errors={fields.value.errors}
        errorId={fields.value.errorId}
      />
      <Field
        label="Rige desde"
        help="Hoy o una fecha futura; un cambio no reescribe el pasado."
        inputProps={{ ...getInputProps(fields.effectiveFrom, { type: 'date' }), min: today }}
        errors={fields.effectiveFrom.errors}
        errorId={fields.effectiveFrom.errorId}
      />
      <div className="field">
        <label htmlFor={fields.note.id}>Motivo o acto que lo soporta</label>
        <textarea {...getTextareaProps(fields.note)} rows={3} />
        <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Programando…">
        Programar cambio
      </StatusButton>
    </Form>
  )
}
