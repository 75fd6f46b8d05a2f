import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { requireSubscriber } from '~/auth/guards.server'
import { linkAccount } from '~/identity/registration.server'
import { LinkAccountSchema } from '~/identity/schemas'
import { ErrorList, Field, StatusButton, useIsPending } from '~/ui/forms'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSubscriber(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSubscriber(request)
  const submission = parseWithZod(await request.formData(), { schema: LinkAccountSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await linkAccount({ ...submission.value, userId: user.id }, { requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) return data({ result: submission.reply({ formErrors: [outcome.error.message] }) }, { status: 400 })
  return redirect('/mi-cuenta?vinculada=1')
}

export const meta: MetaFunction = () => [{ title: 'Vincular otra cuenta · Aguas de la Sabana' }]

export default function LinkAccountRoute() {
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  const [form, fields] = useForm({
    id: 'vincular',
    constraint: getZodConstraint(LinkAccountSchema),
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkAccountSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <>
      <h1>Vincular otra cuenta</h1>
      <p>
        Si es titular de otra cuenta (por ejemplo, de un inmueble que arrienda), escriba los datos que aparecen en su
        factura.
      </p>
      <Form method="post" className="form card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Número de cuenta (contrato)" inputProps={{ ...getInputProps(fields.accountNumber, { type: 'text' }), autoComplete: 'off' }} errors={fields.accountNumber.errors} errorId={fields.accountNumber.errorId} />
        <Field label="Número de documento del titular" inputProps={{ ...getInputProps(fields.documentNumber, { type: 'text' }), autoComplete: 'off' }} errors={fields.documentNumber.errors} errorId={fields.documentNumber.errorId} />
        <Field
          label="Referencia de pago"
          help="La de cualquiera de las tres últimas facturas de esa cuenta."
          inputProps={{ ...getInputProps(fields.paymentReference, { type: 'text' }), inputMode: 'numeric', autoComplete: 'off' }}
          errors={fields.paymentReference.errors}
          errorId={fields.paymentReference.errorId}
        />
        <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Vinculando…">
          Vincular la cuenta
        </StatusButton>
      </Form>
    </>
  )
}
