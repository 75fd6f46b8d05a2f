/**
 * The in-process worker: polls the jobs table, claims up to `concurrency` jobs, runs them, enqueues scheduled
 * slots and recovers jobs whose worker died. Several app instances may run one each; the claim makes that safe.
 */
import os from 'node:os'
import { db as defaultDb, type Db } from '~/db.server'
import type { Job } from '../../db/schema/system'
import { enqueueJob } from './enqueue.server'
import './handlers.server'
import { listSchedules } from './registry.server'
import { claimJob, recoverStaleJobs, renewLeases, runClaimedJob } from './run-job.server'
import { latestSlot, slotLabel } from './schedule'

export type WorkerOptions = {
  concurrency?: number
  pollIntervalMs?: number
  workerId?: string
  db?: Db
  /** A running job whose lock is older than this is considered abandoned. Default 5 minutes. */
  leaseMs?: number
  /** Whether this worker enqueues scheduled slots (default true). */
  runSchedules?: boolean
}

export function defaultWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
}

/** Enqueues the latest slot of every schedule; the unique key per slot makes this safe to repeat on every instance. */
export async function enqueueDueSchedules(db: Db = defaultDb, now: Date = new Date()): Promise<number> {
  let created = 0
  for (const schedule of listSchedules()) {
    const slot = latestSlot(schedule.spec, now)
    const result = await enqueueJob(db, {
      kind: schedule.kind,
      payload: schedule.payload,
      runAt: slot,
      uniqueKey: `schedule:${schedule.kind}:${slotLabel(slot)}`,
    })
    if (result.created) created++
  }
  return created
}

/** Claims and runs one ready job; returns the claimed job (as claimed) or null when none was ready. For tests. */
export async function processOneJob(
  workerId = 'test-worker',
  opts: { db?: Db; now?: Date } = {},
): Promise<Job | null> {
  const db = opts.db ?? defaultDb
  const job = await claimJob(db, workerId, opts.now)
  if (!job) return null
  await runClaimedJob(db, job, workerId)
  return job
}

/** Runs ready jobs one by one until none is left (or `max` ran). For tests and scripts. */
export async function drainJobs(
  opts: { db?: Db; now?: Date; workerId?: string; max?: number } = {},
): Promise<number> {
  let ran = 0
  while (ran < (opts.max ?? 10_000)) {
    const job = await processOneJob(opts.workerId, opts)
    if (!job) break
    ran++
  }
  return ran
}

export function startWorker(opts: WorkerOptions = {}): { stop: () => Promise<void> } {
  const db = opts.db ?? defaultDb
  const concurrency = opts.concurrency ?? 2
  const pollIntervalMs = opts.pollIntervalMs ?? 1000
  const leaseMs = opts.leaseMs ?? 5 * 60_000
  const workerId = opts.workerId ?? defaultWorkerId()
  const running = new Set<Promise<void>>()
  let stopped = false
  let wake: () => void = () => {}
  let lastSchedulesAt = 0
  let lastRecoveryAt = 0

  const heartbeat = setInterval(
    () => {
      if (running.size > 0) renewLeases(db, workerId).catch((e: unknown) => logError('renovar el bloqueo', e))
    },
    Math.max(1000, Math.floor(leaseMs / 3)),
  )
  heartbeat.unref()

  async function tick() {
    const now = Date.now()
    if (opts.runSchedules !== false && now - lastSchedulesAt >= 15_000) {
      lastSchedulesAt = now
      await enqueueDueSchedules(db)
    }
    if (now - lastRecoveryAt >= leaseMs / 2) {
      lastRecoveryAt = now
      await recoverStaleJobs(db, leaseMs)
    }
    while (!stopped && running.size < concurrency) {
      const job = await claimJob(db, workerId)
      if (!job) break
      const run: Promise<void> = runClaimedJob(db, job, workerId)
        .catch((e: unknown) => logError(`registrar el resultado de ${job.kind}`, e))
        .finally(() => {
          running.delete(run)
          wake()
        })
      running.add(run)
    }
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await tick()
      } catch (error) {
        logError('consultar la cola', error)
      }
      if (stopped) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  })()

  return {
    async stop() {
      stopped = true
      wake()
      await loop
      await Promise.allSettled([...running])
      clearInterval(heartbeat)
    },
  }
}

function logError(what: string, error: unknown) {
  console.error(`[jobs] no se pudo ${what}: ${error instanceof Error ? error.message : String(error)}`)
}
