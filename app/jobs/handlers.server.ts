/**
 * Every module's job definitions, imported for their side effect (they call defineJob / defineSchedule), so the
 * worker knows every kind. Add one line per module.
 */
import './cleanup.server'
import '~/mail/jobs.server'
import '~/billing/readings/jobs.server'
import '~/billing/critica/jobs.server'
import '~/billing/liquidation/jobs.server'
