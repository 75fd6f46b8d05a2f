/**
 * The registry of job kinds and their schedules. Each module defines its jobs in its own `jobs.server.ts` with
 * `defineJob`, and app/jobs/handlers.server.ts imports those files so the worker knows every kind.
 */
import type { Db, DbOrTx } from '~/db.server'
import type { Job } from '../../db/schema/system'
import { enqueueJob, type EnqueueOptions } from './enqueue.server'
import type { ScheduleSpec } from './schedule'

export type JobContext<P> = {
  job: Job
  payload: P
  /**
   * Writes the progress columns at once, on its own connection (never in your transaction), so the UI reads them
   * while the job runs. Call it between your transactions, not inside one: on PGlite (one connection) a statement
   * outside an open transaction waits for that transaction to end.
   */
  progress: (done: number, total: number, message?: string) => Promise<void>
  /** The worker's database client; open your own short transactions with it. */
  db: Db
}

export type JobHandler<P> = (ctx: JobContext<P>) => Promise<unknown> | unknown

type Definition = { kind: string; handler: JobHandler<unknown>; maxAttempts?: number }
type Schedule = { kind: string; spec: ScheduleSpec; payload: unknown }

const store = globalThis as unknown as {
  __ventanillaJobs?: { jobs: Map<string, Definition>; schedules: Map<string, Schedule> }
}
// Kept on globalThis so a dev-server reload redefines kinds instead of duplicating them.
const registry = (store.__ventanillaJobs ??= { jobs: new Map(), schedules: new Map() })

export type JobDefinition<P> = {
  kind: string
  /** Enqueue this kind, typed by its payload; runs inside the caller's transaction when given one. */
  enqueue: (
    dbOrTx: DbOrTx,
    payload: P,
    opts?: Omit<EnqueueOptions, 'kind' | 'payload'>,
  ) => Promise<{ id: string; created: boolean }>
}

export function defineJob<P = Record<string, never>>(
  kind: string,
  handler: JobHandler<P>,
  opts: { maxAttempts?: number } = {},
): JobDefinition<P> {
  registry.jobs.set(kind, { kind, handler: handler as JobHandler<unknown>, maxAttempts: opts.maxAttempts })
  return {
    kind,
    enqueue: (dbOrTx, payload, more = {}) =>
      enqueueJob(dbOrTx, { maxAttempts: opts.maxAttempts, ...more, kind, payload }),
  }
}

/**
 * Runs `kind` once per slot, slots computed in Bogotá time (app/jobs/schedule.ts). The worker enqueues the latest
 * slot only (uniqueKey `schedule:<kind>:<slot>`), so after downtime a missed slot runs once, not once per slot.
 */
export function defineSchedule(kind: string, spec: ScheduleSpec, opts: { payload?: unknown } = {}): void {
  registry.schedules.set(kind, { kind, spec, payload: opts.payload ?? {} })
}

export function jobDefinition(kind: string): Definition | undefined {
  return registry.jobs.get(kind)
}

export function listSchedules(): Schedule[] {
  return [...registry.schedules.values()]
}

export function listJobKinds(): string[] {
  return [...registry.jobs.keys()]
}
