/**
 * The local sandbox gateway's event webhook: the same envelope, checksum algorithm and code path as /webhooks/wompi,
 * with the sandbox's own events secret (app/payments/sandbox.server.ts). Answers 404 when Wompi is configured.
 */
import type { ActionFunctionArgs } from '@remix-run/node'
import { receiveGatewayEvent } from '~/payments/apply-event.server'
import { publicOrigin } from '~/security/public-origin'

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Método no permitido', { status: 405, headers: { Allow: 'POST' } })
  const result = await receiveGatewayEvent('sandbox', await request.text(), request.headers, { origin: publicOrigin(request) })
  return Response.json({ outcome: result.outcome }, { status: result.status })
}
