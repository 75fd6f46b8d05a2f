import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireStaff } from '~/auth/guards.server'
import { db } from '~/db.server'
import { getJobProgress } from '~/jobs/queries.server'

/** One job's status and progress as JSON, for pages that poll while a job runs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, 'jobs:read')
  const job = await getJobProgress(db, params.jobId ?? '')
  if (!job) return Response.json({ error: 'La tarea no existe.' }, { status: 404 })
  return Response.json(job, { headers: { 'Cache-Control': 'no-store' } })
}
