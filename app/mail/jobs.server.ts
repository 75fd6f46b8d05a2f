/** The delivery job (one email right after its transaction commits) and the sweep every minute (anything missed). */
import { defineJob, defineSchedule } from '~/jobs/registry.server'
import { deliverPendingEmails } from './deliver.server'

export const deliverMailJob = defineJob<{ outboxId?: string }>('mail.deliver', async ({ payload, db }) => {
  return deliverPendingEmails({ db, outboxId: payload.outboxId })
})

defineSchedule('mail.deliver', { everyMinutes: 1 })
