import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { requireAnonymous } from '~/auth/guards.server'
import { verifyLogin } from '~/auth/login.server'
import { safeRedirectPath } from '~/auth/redirect'
import { LoginSchema } from '~/auth/schema'
import { createSession } from '~/auth/session.server'
import { checkLoginThrottle, clearAccountFailures, recordLoginFailure, throttleKeysFor } from '~/auth/throttle.server'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const keys = throttleKeysFor({ email: submission.value.email, ip: context.ip })
  const throttle = await checkLoginThrottle(keys)
  if (!throttle.ok) {
    return data(
      { result: submission.reply({ formErrors: [throttle.message], hideFields: ['password'] }) },
      { status: 429, headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
    )
  }
  const outcome = await verifyLogin(submission.value)
  if (!outcome.ok) {
    if (outcome.error.code === 'auth/invalid_credentials') await recordLoginFailure(keys)
    return data(
      { result: submission.reply({ formErrors: [outcome.error.message], hideFields: ['password'] }) },
      { status: 400 },
    )
  }
  await clearAccountFailures(keys)
  const cookie = await createSession(outcome.value.id)
  return redirect(safeRedirectPath(submission.value.redirectTo, outcome.value), { headers: { 'Set-Cookie': cookie } })
}

export const meta: MetaFunction = () => [{ title: 'Ingresar · Aguas de la Sabana' }]

export default function LoginRoute() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'ingresar',
    constraint: getZodConstraint(LoginSchema),
    lastResult: actionData?.result,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    // Validate on submit only: a message appearing on blur would move the button under a pending click.
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })

  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Ingresar a la ventanilla virtual</h1>
        {searchParams.get('correo') === 'confirmado' ? (
          <p role="status" className="card">
            Su correo quedó confirmado y su cuenta vinculada. Ingrese con su correo y contraseña.
          </p>
        ) : null}
        {searchParams.get('clave') === 'cambiada' ? (
          <p role="status" className="card">
            Su contraseña quedó cambiada y se cerraron sus sesiones abiertas. Ingrese con la nueva contraseña.
          </p>
        ) : null}
        <Form method="post" className="form card" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
          <Field
            label="Correo electrónico"
            inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'username' }}
            errors={fields.email.errors}
            errorId={fields.email.errorId}
          />
          <Field
            label="Contraseña"
            inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
            errors={fields.password.errors}
            errorId={fields.password.errorId}
          />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Ingresando…">
            Ingresar
          </StatusButton>
        </Form>
        <p>
          <Link to="/recuperar-clave">¿Olvidó su contraseña?</Link>
        </p>
        <p>
          ¿Aún no tiene usuario? <Link to="/registro">Regístrese con los datos de su factura</Link>.
        </p>
      </main>
      <SiteFooter />
    </>
  )
}
