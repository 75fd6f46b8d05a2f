/**
 * The silencio positivo sweep, scheduled every day shortly after midnight (Bogotá). Every day, not only business days:
 * the 72 hours to recognise the effects are calendar hours (Ley 142 art. 158; colombia-rules.md §1.3), so a term
 * that ended on Friday must be on legal's list on Saturday, not on Monday.
 */
import { defineJob, defineSchedule } from '~/jobs/registry.server'
import { sweepSilencio } from './silencio.server'

export const silencioSweepJob = defineJob('pqr.silencio_sweep', async ({ db, job }) =>
  sweepSilencio(db, { actor: { kind: 'job', jobId: job.id, label: 'Barrido de silencio positivo' } }),
)

defineSchedule('pqr.silencio_sweep', { daily: '00:05' })
