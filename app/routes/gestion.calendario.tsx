import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { todayInBogota } from '~/calendar/business-days'
import { getCalendarYear } from '~/calendar/non-working-days.server'
import { addCompanyDay, removeCompanyDay } from '~/settings/company-days.server'
import { AddCompanyDaySchema, CALENDAR_DAY_KIND_LABELS, CompanyDayActionSchema } from '~/calendar/schema'
import { db } from '~/db.server'
import { DateText } from '~/ui/date'
import { EmptyState } from '~/ui/empty-state'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { DataTable } from '~/ui/table'
import { CALENDAR_DAY_KINDS } from '../../db/schema/calendar'

function yearFrom(request: Request): number {
  const raw = new URL(request.url).searchParams.get('anio')
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : Number(todayInBogota(new Date()).slice(0, 4))
  return Math.min(Math.max(year, 2000), 2100)
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'settings:manage')
  const year = yearFrom(request)
  return { year, ...(await getCalendarYear(db, year)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireStaff(request, 'settings:manage')
  const submission = parseWithZod(await request.formData(), { schema: CompanyDayActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const meta = { requestId: context.requestId, ip: context.ip }
  const value = submission.value
  const outcome =
    value.intent === 'add'
      ? await addCompanyDay(
          { day: value.day, kind: value.kind, reason: value.reason },
          { userId: admin.id },
          meta,
        )
      : await removeCompanyDay({ id: value.id }, { userId: admin.id }, meta)
  if (!outcome.ok)
    return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 409 })
  const year = value.intent === 'add' ? value.day.slice(0, 4) : String(yearFrom(request))
  return redirect(
    `/gestion/calendario?anio=${year}&hecho=${value.intent === 'add' ? 'agregado' : 'eliminado'}`,
  )
}

export const meta: MetaFunction = () => [{ title: 'Calendario de días hábiles · Gestión' }]

export default function CalendarRoute() {
  const { year, national, company } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const isPending = useIsPending()
  const toRemove = company.find((c) => c.id === searchParams.get('eliminar'))
  const done = searchParams.get('hecho')
  const [form, fields] = useForm({
    id: 'agregar-dia',
    constraint: getZodConstraint(AddCompanyDaySchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddCompanyDaySchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <>
      <h1>Calendario de días hábiles {year}</h1>
      <p>
        Los plazos legales (PQR, recursos, notificaciones) se cuentan en días hábiles: de lunes a viernes, sin
        los festivos nacionales ni los días no hábiles de la empresa.
      </p>
      <nav aria-label="Año" className="inline-links">
        <Link to={`?anio=${year - 1}`}>← {year - 1}</Link> ·{' '}
        <Link to={`?anio=${year + 1}`}>{year + 1} →</Link>
      </nav>
      {done ? (
        <p role="status" className="card">
          {done === 'agregado'
            ? 'Día agregado. Los vencimientos se recalculan con el nuevo calendario.'
            : 'Día eliminado.'}
        </p>
      ) : null}
      {toRemove ? (
        <Form method="post" className="form card" aria-labelledby="confirmar-titulo">
          <h2 id="confirmar-titulo">
            ¿Eliminar la regla del <DateText value={toRemove.day} />?
          </h2>
          <p>
            {CALENDAR_DAY_KIND_LABELS[toRemove.kind]}: {toRemove.reason}. Los vencimientos que la usaban
            cambiarán.
          </p>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="id" value={toRemove.id} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Eliminando…">
            Sí, eliminar
          </StatusButton>{' '}
          <Link to={`?anio=${year}`}>Cancelar</Link>
        </Form>
      ) : null}
      <DataTable
        caption={`Festivos nacionales ${year} (según la ley; se actualizan con la biblioteca de festivos)`}
        rowKey={(h) => h.date}
        rows={national}
        columns={[
          { header: 'Fecha', cell: (h) => <DateText value={h.date} /> },
          { header: 'Festivo', cell: (h) => h.name },
          {
            header: 'Origen',
            cell: (h) => (h.correctedAsWorking ? 'Nacional, corregido como hábil' : 'Nacional'),
          },
        ]}
      />
      <h2>Días definidos por la empresa</h2>
      {company.length === 0 ? (
        <EmptyState title={`No hay días de la empresa en ${year}`} />
      ) : (
        <DataTable
          caption={`Días definidos por la empresa en ${year}`}
          rowKey={(c) => c.id}
          rows={company}
          columns={[
            { header: 'Fecha', cell: (c) => <DateText value={c.day} /> },
            { header: 'Tipo', cell: (c) => CALENDAR_DAY_KIND_LABELS[c.kind] },
            { header: 'Motivo', cell: (c) => c.reason },
            { header: 'Registró', cell: (c) => c.createdByName ?? '—' },
            {
              header: 'Acciones',
              cell: (c) => (
                <Link to={`?anio=${year}&eliminar=${c.id}`} aria-label={`Eliminar la regla del ${c.day}`}>
                  Eliminar
                </Link>
              ),
            },
          ]}
        />
      )}
      <h2>Agregar un día</h2>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="add" />
        <Field
          label="Fecha"
          inputProps={getInputProps(fields.day, { type: 'date' })}
          errors={fields.day.errors}
          errorId={fields.day.errorId}
        />
        <div className="field">
          <label htmlFor={fields.kind.id}>Tipo</label>
          <select
            {...getSelectProps(fields.kind)}
            aria-describedby={fields.kind.errors ? fields.kind.errorId : undefined}
          >
            {CALENDAR_DAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {CALENDAR_DAY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </div>
        <Field
          label="Motivo"
          inputProps={{ ...getInputProps(fields.reason, { type: 'text' }), autoComplete: 'off' }}
          errors={fields.reason.errors}
          errorId={fields.reason.errorId}
          help="Por ejemplo: «Día cívico decretado por la alcaldía»."
        />
        <div className="field">
          <label>
            <input {...getInputProps(fields.confirm, { type: 'checkbox' })} /> Entiendo que este cambio mueve
            los vencimientos de los casos abiertos.
          </label>
          <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Agregando…">
          Agregar día
        </StatusButton>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary homeHref="/gestion" />
}
