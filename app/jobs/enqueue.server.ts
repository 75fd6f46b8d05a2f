/** Adds a job to the queue, inside the caller's transaction when given one (so it commits with the change). */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { jobs } from '../../db/schema/system'
import { jsonb } from '~/trail/jsonb'

export type EnqueueOptions = {
  kind: string
  payload?: unknown
  runAt?: Date
  maxAttempts?: number
  /** Idempotent enqueue: when a job with this key exists (in any status), no new job is added. */
  uniqueKey?: string
  /** Higher runs first; default 0. */
  priority?: number
}

export async function enqueueJob(
  dbOrTx: DbOrTx,
  opts: EnqueueOptions,
): Promise<{ id: string; created: boolean }> {
  const values = {
    kind: opts.kind,
    payload: jsonb(opts.payload ?? {}),
    runAt: opts.runAt ?? sql`now()`,
    maxAttempts: opts.maxAttempts ?? 5,
    uniqueKey: opts.uniqueKey ?? null,
    priority: opts.priority ?? 0,
  }
  const inserted = await dbOrTx
    .insert(jobs)
    .values(values)
    .onConflictDoNothing({ target: jobs.uniqueKey, where: sql`${jobs.uniqueKey} is not null` })
    .returning({ id: jobs.id })
  if (inserted[0]) return { id: inserted[0].id, created: true }
  const existing = await dbOrTx
    .select({ id: jobs.id })
    .from(jobs)
    .where(sql`${jobs.uniqueKey} = ${opts.uniqueKey ?? null}`)
    .limit(1)
  if (!existing[0]) throw new Error(`enqueueJob: conflict without an existing job for key ${opts.uniqueKey}`)
  return { id: existing[0].id, created: false }
}

/** Cancels a job that has not started. Returns whether it was cancelled. */
export async function cancelJob(dbOrTx: DbOrTx, id: string): Promise<boolean> {
  const done = await dbOrTx
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: sql`now()` })
    .where(sql`${jobs.id} = ${id} and ${jobs.status} = 'queued'`)
    .returning({ id: jobs.id })
  return done.length > 0
}
