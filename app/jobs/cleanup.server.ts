/**
 * Keeps the queue small: finished jobs older than 30 days are deleted, except those whose unique key other modules
 * rely on for idempotency (keys that do not start with 'schedule:'). Schedule slots are never recomputed for past
 * days, so their keys may go.
 */
import { sql } from 'drizzle-orm'
import { jobs } from '../../db/schema/system'
import { defineJob, defineSchedule } from './registry.server'

export const cleanupJobsJob = defineJob('jobs.cleanup', async ({ db }) => {
  const deleted = await db
    .delete(jobs)
    .where(
      sql`${jobs.status} in ('succeeded', 'cancelled') and ${jobs.finishedAt} < now() - interval '30 days'
          and (${jobs.uniqueKey} is null or ${jobs.uniqueKey} like 'schedule:%')`,
    )
    .returning({ id: jobs.id })
  return { deleted: deleted.length }
})

defineSchedule('jobs.cleanup', { daily: '03:30' })
