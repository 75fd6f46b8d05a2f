/**
 * The liquidation as a job ('billing.liquidate') with live progress, and `requestLiquidation`, which starts or
 * re-opens the run and enqueues its job in one transaction (a run already running is not enqueued twice).
 */
import { eq } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { defineJob } from '~/jobs/registry.server'
import { ok, type Result } from '~/utils/errors'
import { liquidationRuns } from '../../../db/schema/ledger'
import { runLiquidation } from './run.server'
import { startLiquidation, type StartInput, type StartedRun } from './start.server'

export type LiquidatePayload = { runId: string }

export const liquidateJob = defineJob<LiquidatePayload>(
  'billing.liquidate',
  async ({ db, payload, progress }) => {
    try {
      return await runLiquidation(db, payload.runId, { onProgress: (done, total, message) => progress(done, total, message) })
    } catch (error) {
      // A half-written run must not stay "running" forever: it fails visibly and can be started again.
      const message = `La liquidación se interrumpió por un error técnico: ${(error as Error).message}`
      await db.update(liquidationRuns).set({ status: 'failed', error: message, finishedAt: new Date() }).where(eq(liquidationRuns.id, payload.runId))
      throw error
    }
  },
  { maxAttempts: 1 },
)

export async function requestLiquidation(db: Db, input: StartInput): Promise<Result<StartedRun & { jobId: string | null }>> {
  return db.transaction(async (tx) => {
    const started = await startLiquidation(tx, input)
    if (!started.ok) return started
    if (started.value.wasRunning) return ok({ ...started.value, jobId: null })
    const job = await liquidateJob.enqueue(tx, { runId: started.value.runId })
    await tx.update(liquidationRuns).set({ jobId: job.id }).where(eq(liquidationRuns.id, started.value.runId))
    return ok({ ...started.value, jobId: job.id })
  })
}
