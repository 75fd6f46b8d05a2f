import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireSubscriber } from '~/auth/guards.server'
import { exportMyData } from '~/identity/data-rights.server'

/** Download of the subscriber's personal data as JSON (Ley 1581 de 2012 art. 8: derecho a conocer). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSubscriber(request)
  const body = JSON.stringify(await exportMyData(user.id), null, 2)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mis-datos-ventanilla.json"',
      'Cache-Control': 'no-store',
    },
  })
}
