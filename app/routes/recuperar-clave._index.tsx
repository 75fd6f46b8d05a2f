import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { requireAnonymous } from '~/auth/guards.server'
import { RESET_REQUESTED_MESSAGE } from '~/identity/messages'
import { requestPasswordReset } from '~/identity/password-reset.server'
import { ResetRequestSchema } from '~/identity/schemas'
import { publicOrigin } from '~/security/public-origin'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: ResetRequestSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  await requestPasswordReset(
    { email: submission.value.email, origin: publicOrigin(request) },
    { requestId: context.requestId, ip: context.ip },
  )
  return data({ result: submission.reply({ resetForm: true }), sent: true })
}

export const meta: MetaFunction = () => [{ title: 'Recuperar la contraseña · Aguas de la Sabana' }]

export default function ResetRequestRoute() {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'recuperar-clave',
    constraint: getZodConstraint(ResetRequestSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetRequestSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Recuperar la contraseña</h1>
        {actionData?.sent ? (
          <p role="status" className="card">
            {RESET_REQUESTED_MESSAGE}
          </p>
        ) : null}
        <Form method="post" className="form card" {...getFormProps(form)}>
          <p>Escriba el correo con el que se registró. Le enviaremos un enlace que vence en 30 minutos.</p>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label="Correo electrónico"
            inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }}
            errors={fields.email.errors}
            errorId={fields.email.errorId}
          />
          <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Enviando…">
            Enviar el enlace
          </StatusButton>
        </Form>
        <p>
          <Link to="/ingresar">Volver a ingresar</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  )
}
