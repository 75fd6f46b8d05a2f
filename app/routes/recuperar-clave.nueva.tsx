import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAnonymous } from '~/auth/guards.server'
import { RESET_LINK_INVALID } from '~/identity/messages'
import { isResetTokenUsable, resetPassword } from '~/identity/password-reset.server'
import { PASSWORD_MIN_LENGTH } from '~/identity/password-rules'
import { NewPasswordSchema } from '~/identity/schemas'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token, isUsable: token ? await isResetTokenUsable(token) : false }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: NewPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 })
  }
  const outcome = await resetPassword(submission.value, { requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) {
    const fieldErrors = outcome.error.code === 'identity/weak_password' ? { password: [outcome.error.message] } : undefined
    return data(
      {
        result: submission.reply({
          formErrors: fieldErrors ? [] : [outcome.error.message],
          fieldErrors,
          hideFields: ['password', 'confirm'],
        }),
      },
      { status: 400 },
    )
  }
  return redirect('/ingresar?clave=cambiada')
}

export const meta: MetaFunction = () => [{ title: 'Nueva contraseña · Aguas de la Sabana' }]

export default function NewPasswordRoute() {
  const { token, isUsable } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'nueva-clave',
    constraint: getZodConstraint(NewPasswordSchema),
    lastResult: actionData?.result,
    defaultValue: { token },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Elija una nueva contraseña</h1>
        {isUsable ? (
          <Form method="post" className="form card" {...getFormProps(form)}>
            <ErrorList id={form.errorId} errors={form.errors} />
            <input {...getInputProps(fields.token, { type: 'hidden' })} />
            <Field
              label="Nueva contraseña"
              help={`Al menos ${PASSWORD_MIN_LENGTH} caracteres. Una frase fácil de recordar es más segura que una palabra con símbolos.`}
              inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }}
              errors={fields.password.errors}
              errorId={fields.password.errorId}
            />
            <Field
              label="Repita la nueva contraseña"
              inputProps={{ ...getInputProps(fields.confirm, { type: 'password' }), autoComplete: 'new-password' }}
              errors={fields.confirm.errors}
              errorId={fields.confirm.errorId}
            />
            <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Guardando…">
              Cambiar la contraseña
            </StatusButton>
          </Form>
        ) : (
          <div className="card">
            <p>{RESET_LINK_INVALID}</p>
            <p>
              <Link to="/recuperar-clave">Pedir un enlace nuevo</Link>
            </p>
          </div>
        )}
      </main>
      <SiteFooter />
    </>
  )
}
