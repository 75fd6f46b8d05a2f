/**
 * Claiming and running one job. The claim is one short statement (`FOR UPDATE SKIP LOCKED` picks a queued job no
 * other worker holds); the handler runs outside it, and every write after the claim is guarded by
 * `locked_by = this worker AND status = 'running'`, so a worker whose lease was taken away cannot overwrite the
 * outcome of the retry.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { jobs, type Job } from '../../db/schema/system'
import { jsonb } from '~/trail/jsonb'
import { jobDefinition } from './registry.server'

/** Seconds to wait before attempt n+1: 15 s, 30 s, 1 min, 2 min… capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 15 * 2 ** Math.max(0, attempts - 1))
}

const nowSql = (now?: Date) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`)

export async function claimJob(db: Db, workerId: string, now?: Date): Promise<Job | null> {
  const [job] = await db
    .update(jobs)
    .set({
      status: 'running',
      lockedBy: workerId,
      lockedAt: sql`now()`,
      attempts: sql`${jobs.attempts} + 1`,
    })
    .where(
      sql`${jobs.id} = (select id from jobs where status = 'queued' and run_at <= ${nowSql(now)}
                         order by priority desc, run_at, created_at limit 1 for update skip locked)`,
    )
    .returning()
  return job ?? null
}

const mine = (job: Job, workerId: string) =>
  sql`${jobs.id} = ${job.id} and ${jobs.lockedBy} = ${workerId} and ${jobs.status} = 'running'`

export async function runClaimedJob(db: Db, job: Job, workerId: string): Promise<void> {
  const definition = jobDefinition(job.kind)
  try {
    if (!definition) throw new Error(`Tipo de tarea desconocido: ${job.kind}`)
    const result = await definition.handler({
      job,
      payload: job.payload,
      db,
      progress: async (done, total, message) => {
        await db
          .update(jobs)
          .set({
            progressDone: done,
            progressTotal: total,
            progressMessage: message ?? null,
            lockedAt: sql`now()`,
          })
          .where(mine(job, workerId))
      },
    })
    await db
      .update(jobs)
      .set({
        status: 'succeeded',
        result: result === undefined ? null : jsonb(result),
        finishedAt: sql`now()`,
        lockedBy: null,
        lockedAt: null,
        lastError: null,
      })
      .where(mine(job, workerId))
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000)
    const isFinal = job.attempts >= job.maxAttempts || !definition
    console.error(
      `[jobs] ${job.kind} ${job.id} falló (intento ${job.attempts}/${job.maxAttempts}): ${message}`,
    )
    await db
      .update(jobs)
      .set(
        isFinal
          ? { status: 'failed', lastError: message, finishedAt: sql`now()`, lockedBy: null, lockedAt: null }
          : {
              status: 'queued',
              lastError: message,
              runAt: sql`now() + (${backoffSeconds(job.attempts)}::int * interval '1 second')`,
              lockedBy: null,
              lockedAt: null,
            },
      )
      .where(mine(job, workerId))
  }
}

/**
 * Jobs whose worker died keep status 'running' with a lock that nobody renews. After the lease they go back to the
 * queue (or fail, when they have no attempts left). Live workers renew `locked_at` while their jobs run.
 */
export async function recoverStaleJobs(db: Db, leaseMs: number): Promise<number> {
  const recovered = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'failed'::job_status else 'queued'::job_status end`,
      finishedAt: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then now() end`,
      lastError: 'El proceso que ejecutaba la tarea dejó de responder.',
      lockedBy: null,
      lockedAt: null,
    })
    .where(
      sql`${jobs.status} = 'running' and ${jobs.lockedAt} < now() - (${Math.ceil(leaseMs)}::int * interval '1 millisecond')`,
    )
    .returning({ id: jobs.id })
  return recovered.length
}

/** Renews the lease of every job this worker is running. */
export async function renewLeases(db: Db, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ lockedAt: sql`now()` })
    .where(sql`${jobs.lockedBy} = ${workerId} and ${jobs.status} = 'running'`)
}
