/**
 * Wompi's event webhook (formats.md §3.4). POST only, no session: CSRF-exempt by path (app/auth/csrf.server.ts)
 * because the checksum, verified before anything else, is its authentication. Configure
 * <APP_ORIGIN>/webhooks/wompi as the events URL in Wompi's dashboard.
 */
import type { ActionFunctionArgs } from '@remix-run/node'
import { receiveGatewayEvent } from '~/payments/apply-event.server'
import { publicOrigin } from '~/security/public-origin'

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Método no permitido', { status: 405, headers: { Allow: 'POST' } })
  const result = await receiveGatewayEvent('wompi', await request.text(), request.headers, { origin: publicOrigin(request) })
  return Response.json({ outcome: result.outcome }, { status: result.status })
}
