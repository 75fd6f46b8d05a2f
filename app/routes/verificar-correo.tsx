import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { verifyEmail } from '~/identity/registration.server'
import { TokenSchema } from '~/identity/schemas'
import { StatusButton, useIsPending } from '~/ui/forms'
import { PublicHeader, SiteFooter } from '~/ui/site-header'

// Public on purpose: the single-use token in the link is the credential. The page asks for a click (POST) because
// mail scanners follow links with GET and would otherwise use the token up.
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = TokenSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'El enlace está incompleto. Ábralo de nuevo desde el correo.' }, { status: 400 })
  const outcome = await verifyEmail(parsed.data, { requestId: context.requestId, ip: context.ip })
  if (!outcome.ok) return data({ error: outcome.error.message }, { status: 400 })
  return redirect('/ingresar?correo=confirmado')
}

export const meta: MetaFunction = () => [{ title: 'Confirmar el correo · Aguas de la Sabana' }]

export default function VerifyEmailRoute() {
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const isPending = useIsPending()
  return (
    <>
      <PublicHeader />
      <main id="contenido" tabIndex={-1}>
        <h1>Confirmar su correo electrónico</h1>
        {actionData?.error ? (
          <div role="alert" className="card">
            <p>{actionData.error}</p>
            <p>
              <Link to="/ingresar">Ir a ingresar</Link>
            </p>
          </div>
        ) : null}
        {token ? (
          <Form method="post" className="form card">
            <p>Confirme que este correo es suyo para vincular su cuenta de servicio.</p>
            <input type="hidden" name="token" value={token} />
            <StatusButton type="submit" status={isPending ? 'pending' : 'idle'} pendingLabel="Confirmando…">
              Confirmar mi correo
            </StatusButton>
          </Form>
        ) : (
          <p className="card">Abra el enlace que le enviamos por correo para confirmar su dirección.</p>
        )}
      </main>
      <SiteFooter />
    </>
  )
}
