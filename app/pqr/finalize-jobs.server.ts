/** The daily finalize run (publications completed, decisions en firme, holds ended): see finalize.server.ts. */
import { defineJob, defineSchedule } from '~/jobs/registry.server'
import { finalizeCases } from './finalize.server'

export const finalizeJob = defineJob('pqr.finalize', async ({ db, job }) => {
  return finalizeCases({
    db,
    now: new Date(),
    actor: { kind: 'job', jobId: job.id, label: 'Cierre diario de términos' },
  })
})

// Just after midnight in Bogotá: a window that ended yesterday is closed before the office opens.
defineSchedule('pqr.finalize', { daily: '00:20' })
