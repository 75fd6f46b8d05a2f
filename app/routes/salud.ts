import { checkHealth } from '~/health.server'

/** Public health check for load balancers and CI: 200 when the database answers and is migrated, else 503. */
export async function loader() {
  const health = await checkHealth()
  const headers = { 'Cache-Control': 'no-store' }
  if (health.ok) return Response.json({ status: 'ok', database: health.database }, { headers })
  return Response.json({ status: 'error', database: health.database, message: health.message }, { status: 503, headers })
}
