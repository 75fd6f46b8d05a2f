import { eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeEach, expect, test } from 'vitest'
import { db, type Db } from '~/db.server'
import * as schema from '../../db/schema'
import { jobs } from '../../db/schema'
import { describeOnServer } from '../../tests/setup/engine'
import { enqueueJob } from './enqueue.server'
import { defineJob, defineSchedule } from './registry.server'
import { recoverStaleJobs } from './run-job.server'
import { drainJobs, enqueueDueSchedules, processOneJob, startWorker } from './worker.server'

const later = () => new Date(Date.now() + 3 * 3600_000)
const jobRow = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!

beforeEach(async () => {
  await db.execute(sql`truncate jobs cascade`)
})

let flakyCalls = 0
defineJob<{ n: number }>('test.flaky', ({ payload }) => {
  flakyCalls++
  if (flakyCalls === 1) throw new Error('proveedor caído')
  return { doubled: payload.n * 2 }
})

test('a job that fails is retried later with backoff and then succeeds', async () => {
  flakyCalls = 0
  const { id } = await enqueueJob(db, { kind: 'test.flaky', payload: { n: 21 } })
  await processOneJob('w1')
  const failed = await jobRow(id)
  expect(failed).toMatchObject({
    status: 'queued',
    attempts: 1,
    lastError: 'proveedor caído',
    lockedBy: null,
  })
  expect(failed.runAt.getTime()).toBeGreaterThan(Date.now() + 5_000)
  expect(await processOneJob('w1')).toBeNull() // not due yet
  await processOneJob('w1', { now: later() })
  expect(await jobRow(id)).toMatchObject({
    status: 'succeeded',
    attempts: 2,
    result: { doubled: 42 },
    lastError: null,
  })
})

defineJob('test.always_fails', () => {
  throw new Error('siempre falla')
})

test('a job that keeps failing stops at max_attempts as failed', async () => {
  const { id } = await enqueueJob(db, { kind: 'test.always_fails', maxAttempts: 3 })
  expect(await drainJobs({ now: new Date(Date.now() + 30 * 24 * 3600_000) })).toBe(3)
  expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'siempre falla' })
  expect((await jobRow(id)).finishedAt).not.toBeNull()
})

test('enqueue with a unique key is idempotent, and a rolled-back enqueue leaves nothing', async () => {
  const a = await enqueueJob(db, { kind: 'test.flaky', payload: { n: 1 }, uniqueKey: 'k1' })
  const b = await enqueueJob(db, { kind: 'test.flaky', payload: { n: 2 }, uniqueKey: 'k1' })
  expect(b).toEqual({ id: a.id, created: false })
  await db
    .transaction(async (tx) => {
      await enqueueJob(tx, { kind: 'test.flaky', uniqueKey: 'k2' })
      throw new Error('rollback')
    })
    .catch(() => {})
  expect(await db.select().from(jobs)).toHaveLength(1)
})

let release: () => void = () => {}
defineJob('test.slow', async ({ progress }) => {
  await progress(3, 10, 'Procesando cuentas')
  await new Promise<void>((resolve) => (release = resolve))
  await progress(10, 10)
  return 'listo'
})

test('progress written by a running handler is readable from another query before it finishes', async () => {
  const { id } = await enqueueJob(db, { kind: 'test.slow' })
  const running = processOneJob('w1')
  let seen: typeof jobs.$inferSelect | undefined
  for (let i = 0; i < 100 && seen?.progressDone !== 3; i++) {
    await new Promise((r) => setTimeout(r, 20))
    seen = await jobRow(id)
  }
  expect(seen).toMatchObject({
    status: 'running',
    progressDone: 3,
    progressTotal: 10,
    progressMessage: 'Procesando cuentas',
  })
  release()
  await running
  expect(await jobRow(id)).toMatchObject({ status: 'succeeded', progressDone: 10, result: 'listo' })
})

test('stop() waits for the running job to finish', async () => {
  const { id } = await enqueueJob(db, { kind: 'test.slow' })
  const worker = startWorker({ pollIntervalMs: 20, runSchedules: false, workerId: 'w-stop' })
  for (let i = 0; i < 100 && (await jobRow(id)).progressDone !== 3; i++)
    await new Promise((r) => setTimeout(r, 20))
  let stopped = false
  const stopping = worker.stop().then(() => (stopped = true))
  await new Promise((r) => setTimeout(r, 100))
  expect(stopped).toBe(false)
  release()
  await stopping
  expect(await jobRow(id)).toMatchObject({ status: 'succeeded' })
})

test('a job whose worker died is re-queued after the lease, and the dead worker cannot record an outcome', async () => {
  const [job] = await db
    .insert(jobs)
    .values({
      kind: 'test.flaky',
      status: 'running',
      attempts: 1,
      lockedBy: 'dead',
      lockedAt: new Date(Date.now() - 10 * 60_000),
    })
    .returning()
  const fresh = await enqueueJob(db, { kind: 'test.flaky' })
  await db
    .update(jobs)
    .set({ status: 'running', lockedBy: 'alive', lockedAt: new Date() })
    .where(eq(jobs.id, fresh.id))
  expect(await recoverStaleJobs(db, 5 * 60_000)).toBe(1)
  expect(await jobRow(job!.id)).toMatchObject({ status: 'queued', lockedBy: null })
  expect(await jobRow(fresh.id)).toMatchObject({ status: 'running', lockedBy: 'alive' })
})

defineJob('test.tick', () => 'tic')
defineSchedule('test.tick', { everyMinutes: 5 })

test('each schedule slot is enqueued once, at its Bogotá slot time', async () => {
  const now = new Date('2026-03-10T15:07:00Z') // 10:07 in Bogotá
  await enqueueDueSchedules(db, now)
  await enqueueDueSchedules(db, new Date('2026-03-10T15:09:59Z'))
  const ticks = await db.select().from(jobs).where(eq(jobs.kind, 'test.tick'))
  expect(ticks).toHaveLength(1)
  expect(ticks[0]).toMatchObject({ uniqueKey: 'schedule:test.tick:2026-03-10T10:05-05:00' })
  expect(ticks[0]!.runAt.toISOString()).toBe('2026-03-10T15:05:00.000Z')
  await enqueueDueSchedules(db, new Date('2026-03-10T15:10:00Z'))
  expect(await db.select().from(jobs).where(eq(jobs.kind, 'test.tick'))).toHaveLength(2)
})

describeOnServer('two workers on separate connections', () => {
  const clients: postgres.Sql[] = []
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 5 })))
  })
  const runs = new Map<string, number>()
  const workersSeen = new Set<string | null>()
  defineJob('test.count', async ({ job }) => {
    runs.set(job.id, (runs.get(job.id) ?? 0) + 1)
    workersSeen.add(job.lockedBy)
    await new Promise((r) => setTimeout(r, 5))
  })

  test('50 jobs shared by 2 workers each run exactly once', async () => {
    const connect = () => {
      const client = postgres(process.env.DATABASE_URL!, { max: 5, onnotice: () => {} })
      clients.push(client)
      return drizzle({ client, schema }) as unknown as Db
    }
    for (let i = 0; i < 50; i++) await enqueueJob(db, { kind: 'test.count' })
    const workers = ['a', 'b'].map((w) =>
      startWorker({
        db: connect(),
        workerId: `worker-${w}`,
        concurrency: 4,
        pollIntervalMs: 10,
        runSchedules: false,
      }),
    )
    for (let i = 0; i < 500; i++) {
      const [left] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(sql`status <> 'succeeded'`)
      if (left!.n === 0) break
      await new Promise((r) => setTimeout(r, 20))
    }
    await Promise.all(workers.map((w) => w.stop()))
    const done = await db.select().from(jobs)
    expect(done.every((j) => j.status === 'succeeded' && j.attempts === 1)).toBe(true)
    expect(runs.size).toBe(50)
    expect([...runs.values()].every((n) => n === 1)).toBe(true)
    expect(workersSeen).toEqual(new Set(['worker-a', 'worker-b']))
  })
})
