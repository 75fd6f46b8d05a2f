/**
 * The demo billing history as a background job: on a first start the server loads accounts and readings, starts
 * serving, and lets the worker liquidate, issue and pay the twelve demo months (progress at /gestion/tareas).
 */
import { defineJob } from '../../app/jobs/registry.server'
import { seedBillingHistory } from './history'

export const billingHistoryJob = defineJob<{ now: string; seed: number }>(
  'seed.billing_history',
  async ({ db, payload, progress }) => {
    await seedBillingHistory(db, {
      now: new Date(payload.now),
      seed: payload.seed,
      log: (line) => console.log(line),
      onProgress: progress,
    })
  },
  // Re-running after a crash is safe (issued periods are skipped, payments are idempotent), but not automatically.
  { maxAttempts: 1 },
)
