import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { requireAnonymous } from '~/auth/guards.server'
import { PASSWORD_MIN_LENGTH } from '~/identity/password-rules'
import { registerSubscriber } from '~/identity/registration.server'
import { RegistrationSchema } from '~/identity/schemas'
import { publicOrigin } from '~/security/public-origin'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await request.formData(), { schema: RegistrationSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }), done: false }, { status: 400 })
  }
  const { acceptsDataPolicy: _accepted, ...input } = submission.value
  const outcome = await registerSubscriber(
    { ...input, origin: publicOrigin(request) },
    { requestId: context.requestId, ip: context.ip },
  )
  if (!outcome.ok) {
    const reply =
      outcome.error.code === 'identity/weak_password'
        ? submission.reply({ fieldErrors: { password: [outcome.error.message] }, hideFields: ['password'] })
        : submission.reply({ formErrors: [outcome.error.message], hideFields: ['password'] })
    return data({ result: reply, done: false }, { status: 400 })
  }
  return data({ result: submission.reply({ resetForm: true }), done: true })
}

export const meta: MetaFunction = () => [{ title: 'Registrarse · Aguas de la Sabana' }]

export default function RegistrationRoute() {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'registro',
    constraint: getZodConstraint(RegistrationSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  if (actionData?.done) {
    return (
      <Page>
        <div role="status" className="card">
          <h2>Revise su correo</h2>
          <p>
            Le enviamos un enlace para confirmar su correo electrónico. Cuando lo confirme podrá ingresar y ver sus
            cuentas. Si no lo ve, revise la carpeta de correo no deseado.
          </p>
        </div>
      </Page>
    )
  }
  return (
    <Page>
      <p>
        Para proteger sus datos, le pedimos tres datos que aparecen en su factura: el número de cuenta, el documento del
        titular y la referencia de pago de una de sus tres últimas facturas.
      </p>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Nombre completo" inputProps={{ ...getInputProps(fields.fullName, { type: 'text' }), autoComplete: 'name' }} errors={fields.fullName.errors} errorId={fields.fullName.errorId} />
        <Field label="Correo electrónico" inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }} errors={fields.email.errors} errorId={fields.email.errorId} />
        <Field
          label="Contraseña"
          help={`Al menos ${PASSWORD_MIN_LENGTH} caracteres. Una frase fácil de recordar es más segura que una palabra con símbolos.`}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }}
          errors={fields.password.errors}
          errorId={fields.password.errorId}
        />
        <Field label="Número de cuenta (contrato)" inputProps={{ ...getInputProps(fields.accountNumber, { type: 'text' }), autoComplete: 'off' }} errors={fields.accountNumber.errors} errorId={fields.accountNumber.errorId} />
        <Field label="Número de documento del titular" inputProps={{ ...getInputProps(fields.documentNumber, { type: 'text' }), autoComplete: 'off' }} errors={fields.documentNumber.errors} errorId={fields.documentNumber.errorId} />
        <Field
          label="Referencia de pago"
          help="Aparece en su factura, junto al código de barras. Sirve la de cualquiera de sus tres últimas facturas."
          inputProps={{ ...getInputProps(fields.paymentReference, { type: 'text' }), inputMode: 'numeric', autoComplete: 'off' }}
          errors={fields.paymentReference.errors}
          errorId={fields.paymentReference.errorId}
        />
        <div className="field">
          <label>
            <input {...getInputProps(fields.acceptsDataPolicy, { type: 'checkbox' })} /> Autorizo el tratamiento de mis
            datos personales según la política de tratamiento de datos de la empresa (Ley 1581 de 2012).
          </label>
          <ErrorList id={fields.acceptsDataPolicy.errorId} errors={fields.acceptsDataPolicy.errors} />
        </div>
        <div className="field">
          <label>
            <input {...getInputProps(fields.acceptsElectronicNotification, { type: 'checkbox' })} /> Acepto que me
            notifiquen por correo electrónico las decisiones sobre mis peticiones, quejas y recursos (opcional).
          </label>
        </div>
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Registrando…">
          Registrarme
        </StatusButton>
      </Form>
      <p>
        ¿Ya tiene usuario? <Link to="/ingresar">Ingrese aquí</Link>.
      </p>
    </Page>
  )
}

function Page({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Registrarse en la ventanilla virtual</h1>
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
