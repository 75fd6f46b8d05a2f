import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireStaff } from '~/auth/guards.server'
import { StaffCreateSchema, StaffDeactivateSchema } from '~/identity/schemas'
import { createStaffUser, deactivateStaffUser, listServiceAreaOptions, listStaff } from '~/identity/staff.server'
import { publicOrigin } from '~/security/public-origin'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { ROLE_LABELS } from '~/ui/labels'
import { DataTable } from '~/ui/table'
import type { Role } from '../../db/schema/auth'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, 'users:manage')
  const [staff, areas] = await Promise.all([listStaff(), listServiceAreaOptions()])
  return { staff, areas }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireStaff(request, 'users:manage')
  const formData = await request.formData()
  const meta = { requestId: context.requestId, ip: context.ip }
  if (formData.get('intent') === 'deactivate') {
    const submission = parseWithZod(formData, { schema: StaffDeactivateSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    const outcome = await deactivateStaffUser({ userId: submission.value.userId }, { userId: admin.id }, meta)
    if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 409 })
    return redirect('/gestion/usuarios?hecho=desactivado')
  }
  const submission = parseWithZod(formData, { schema: StaffCreateSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { intent: _intent, serviceAreaId, ...rest } = submission.value
  const outcome = await createStaffUser(
    { ...rest, serviceAreaId: serviceAreaId ?? null, origin: publicOrigin(request) },
    { userId: admin.id },
    meta,
  )
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { email: [outcome.error.message] } }) }, { status: 409 })
  return redirect('/gestion/usuarios?hecho=creado')
}

export const meta: MetaFunction = () => [{ title: 'Usuarios del personal · Gestión' }]

const STAFF_ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).filter((r) => r !== 'subscriber')

export default function StaffUsersRoute() {
  const { staff, areas } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const isPending = useIsPending()
  const toDeactivate = staff.find((s) => s.id === searchParams.get('desactivar') && s.isActive)
  const done = searchParams.get('hecho')
  const [form, fields] = useForm({
    id: 'crear-usuario',
    constraint: getZodConstraint(StaffCreateSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffCreateSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <>
      <h1>Usuarios del personal</h1>
      {done ? (
        <p role="status" className="card">
          {done === 'creado'
            ? 'Usuario creado. Le enviamos un correo para que elija su contraseña.'
            : 'Usuario desactivado. Sus sesiones abiertas se cerraron.'}
        </p>
      ) : null}
      {toDeactivate ? (
        <Form method="post" className="form card" aria-labelledby="confirmar-titulo">
          <h2 id="confirmar-titulo">¿Desactivar a {toDeactivate.fullName}?</h2>
          <p>No podrá volver a ingresar y sus sesiones abiertas se cerrarán de inmediato.</p>
          <input type="hidden" name="intent" value="deactivate" />
          <input type="hidden" name="userId" value={toDeactivate.id} />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Desactivando…">
            Sí, desactivar
          </StatusButton>{' '}
          <Link to="/gestion/usuarios">Cancelar</Link>
        </Form>
      ) : null}
      <DataTable
        caption="Personal con acceso al panel de gestión"
        rowKey={(s) => s.id}
        rows={staff}
        columns={[
          { header: 'Nombre', cell: (s) => s.fullName },
          { header: 'Correo', cell: (s) => s.email },
          { header: 'Rol', cell: (s) => ROLE_LABELS[s.role] },
          { header: 'Área', cell: (s) => s.serviceAreaName ?? 'Todas' },
          { header: 'Estado', cell: (s) => (s.isActive ? 'Activo' : 'Desactivado') },
          {
            header: 'Acciones',
            cell: (s) =>
              s.isActive ? (
                <Link to={`?desactivar=${s.id}`} aria-label={`Desactivar a ${s.fullName}`}>
                  Desactivar
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <h2>Crear un usuario</h2>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <Field
          label="Nombre completo"
          inputProps={{ ...getInputProps(fields.fullName, { type: 'text' }), autoComplete: 'off' }}
          errors={fields.fullName.errors}
          errorId={fields.fullName.errorId}
        />
        <Field
          label="Correo electrónico"
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
          errors={fields.email.errors}
          errorId={fields.email.errorId}
        />
        <div className="field">
          <label htmlFor={fields.role.id}>Rol</label>
          <select {...getSelectProps(fields.role)} aria-describedby={fields.role.errors ? fields.role.errorId : undefined}>
            <option value="">Elija un rol</option>
            {STAFF_ROLE_OPTIONS.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.serviceAreaId.id}>Área de prestación</label>
          <select
            {...getSelectProps(fields.serviceAreaId)}
            aria-describedby={fields.serviceAreaId.errors ? fields.serviceAreaId.errorId : undefined}
          >
            <option value="">Todas las áreas</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <ErrorList id={fields.serviceAreaId.errorId} errors={fields.serviceAreaId.errors} />
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Creando…">
          Crear usuario
        </StatusButton>
      </Form>
    </>
  )
}
