/**
 * Every module's job definitions, imported for their side effect (they call defineJob / defineSchedule), so the
 * worker knows every kind. Add one line per module.
 */
import './cleanup.server'
import '~/mail/jobs.server'
import '~/billing/readings/jobs.server'
import '~/billing/critica/jobs.server'
import '~/billing/liquidation/jobs.server'
import '~/billing/invoices/email-job.server'
import '~/billing/invoices/delivery-pdf-job.server'
import '~/payments/bank-jobs.server'
import '~/payments/poll-attempts.server'
import '~/pqr/silencio-job.server'
import '~/pqr/alerts-job.server'
import '~/pqr/finalize-jobs.server'
