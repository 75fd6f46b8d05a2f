/** The crítica of a cycle period as a job with progress (accounts processed / total, deviations found). */
import { defineJob } from '~/jobs/registry.server'
import { runCritica } from './run.server'

export type RunCriticaPayload = { periodId: string }

export const runCriticaJob = defineJob<RunCriticaPayload>('billing.critica', async ({ db, payload, progress }) => {
  await progress(0, 1, 'Calculando consumos')
  return runCritica(db, {
    periodId: payload.periodId,
    onProgress: (p) => progress(p.processed, p.total, `${p.deviations} desviaciones significativas`),
  })
})
