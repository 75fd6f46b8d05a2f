/**
 * Keeps the queue small: the rows that grow without bound (one per schedule slot, one per email delivery) are
 * deleted 30 days after they finished. Other jobs stay: their unique keys give other modules idempotency, and
 * other tables may reference them. Schedule slots are never recomputed for past days, so their keys may go.
 */
import { sql } from 'drizzle-orm'
import { jobs } from '../../db/schema/system'
import { defineJob, defineSchedule } from './registry.server'

export const cleanupJobsJob = defineJob('jobs.cleanup', async ({ db }) => {
  const deleted = await db
    .delete(jobs)
    .where(
      sql`${jobs.status} in ('succeeded', 'cancelled') and ${jobs.finishedAt} < now() - interval '30 days'
          and (${jobs.uniqueKey} like 'schedule:%' or ${jobs.uniqueKey} like 'mail.deliver:%')`,
    )
    .returning({ id: jobs.id })
  return { deleted: deleted.length }
})

defineSchedule('jobs.cleanup', { daily: '03:30' })
