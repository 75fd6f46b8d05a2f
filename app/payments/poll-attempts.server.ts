/**
 * Status polling (../shared/domain/formats.md §3.5: no method is synchronous; poll GET /transactions/{id} until
 * final, or rely on events). Attempts the gateway has reported as PENDING, with no news for the minutes the setting
 * says, are asked about again through their adapter; what comes back goes through applyTransaction, the same path
 * as the webhook, so a payment applied by a late event and by polling is still applied once.
 */
import type { Env } from './wompi.server'
import { and, asc, eq, isNotNull, lt } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { defineJob, defineSchedule } from '~/jobs/registry.server'
import { getSetting } from '~/settings/read.server'
import { paymentAttempts } from '../../db/schema/payments'
import { applyTransaction } from './apply-transaction.server'
import { gatewayFor } from './gateways.server'

export type PollSummary = { checked: number; applied: number; unchanged: number; failed: number }

/** Emailed links from a job have no request to read the origin from: APP_ORIGIN, else the local server. */
export function jobOrigin(env: Env = process.env): string {
  return env.APP_ORIGIN?.replace(/\/+$/, '') || `http://localhost:${env.PORT ?? 3000}`
}

export async function pollPendingAttempts(
  db: Db,
  opts: { now?: Date; limit?: number; onProgress?: (done: number, total: number) => Promise<void> } = {},
): Promise<PollSummary> {
  const now = opts.now ?? new Date()
  const minutes = await getSetting('payments.poll_pending_after_minutes', { now, db })
  const due = await db
    .select({ id: paymentAttempts.id, gateway: paymentAttempts.gateway, transactionId: paymentAttempts.gatewayTransactionId })
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.status, 'pending'),
        isNotNull(paymentAttempts.gatewayTransactionId),
        lt(paymentAttempts.updatedAt, new Date(now.getTime() - minutes * 60_000)),
      ),
    )
    .orderBy(asc(paymentAttempts.updatedAt))
    .limit(opts.limit ?? 200)
  const summary: PollSummary = { checked: 0, applied: 0, unchanged: 0, failed: 0 }
  for (const attempt of due) {
    summary.checked++
    const gateway = gatewayFor(attempt.gateway, db)
    const fetched = gateway ? await gateway.fetchTransaction(attempt.transactionId!) : null
    if (!fetched?.ok) summary.failed++
    else if (fetched.transaction.status === 'PENDING') summary.unchanged++
    else {
      const transaction = fetched.transaction
      const result = await db.transaction((tx) =>
        applyTransaction(tx, transaction, { origin: jobOrigin(), now, actor: { kind: 'system', label: 'consulta de estado' } }),
      )
      if (result.outcome === 'applied') summary.applied++
      else summary.unchanged++
    }
    // Between transactions, never inside one (PGlite has a single connection).
    await opts.onProgress?.(summary.checked, due.length)
  }
  return summary
}

export const pollAttemptsJob = defineJob('payments.poll_attempts', async ({ db, progress }) =>
  pollPendingAttempts(db, { onProgress: (done, total) => progress(done, total) }),
)

defineSchedule('payments.poll_attempts', { everyMinutes: 5 })
