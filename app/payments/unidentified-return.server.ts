/**
 * Returning a pago por identificar to the payer (nobody could say whose it was, or the payer asked for it back):
 * nothing reaches the ledger; the row keeps the reason and who decided it and when (assigned_by / assigned_at hold
 * whoever resolved the row), and the trail records it.
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { ok, fail, type Result } from '~/utils/errors'
import { unidentifiedPayments } from '../../db/schema/payments'
import { notPending } from './unidentified-assign.server'

export type ReturnInput = { id: string; reason: string; userId: string; requestId?: string | null; ip?: string | null }

export async function returnUnidentifiedPayment(db: Db, input: ReturnInput): Promise<Result<{ id: string }>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(unidentifiedPayments)
      .set({ status: 'returned', note: input.reason, assignedBy: input.userId, assignedAt: new Date() })
      .where(and(eq(unidentifiedPayments.id, input.id), eq(unidentifiedPayments.status, 'pending')))
      .returning({ id: unidentifiedPayments.id, amount: unidentifiedPayments.amount })
    if (!row) return fail(await notPending(tx, input.id))
    await recordTrail(tx, {
      entityType: 'unidentified_payment',
      entityId: row.id,
      action: 'unidentified_payment.returned',
      actor: { kind: 'user', userId: input.userId },
      summary: { before: { status: 'pending' }, after: { status: 'returned' }, reason: input.reason, amount: row.amount },
      requestId: input.requestId,
      ip: input.ip,
    })
    return ok({ id: row.id })
  })
}
