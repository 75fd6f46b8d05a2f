/**
 * Deadline alerts, every 30 minutes: the job itself decides whether it is a business day within the sending window
 * (settings), so changing the window needs no deploy. Re-runs send nothing twice (outbox idempotency keys).
 */
import { defineJob, defineSchedule } from '~/jobs/registry.server'
import { sendDeadlineAlerts } from './alerts.server'

export const deadlineAlertsJob = defineJob('pqr.deadline_alerts', async ({ db }) => sendDeadlineAlerts(db))

defineSchedule('pqr.deadline_alerts', { everyMinutes: 30 })
