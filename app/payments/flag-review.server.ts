/**
 * Marking a flagged gateway attempt as reviewed: collections staff looked at the refused event (the money the gateway
 * reports does not match the attempt) and write down what they found and did. The flag and its reason stay on the
 * attempt; the review adds who, when and the note, and the audit trail records it in the same transaction.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Db, Tx } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { paymentAttempts } from '../../db/schema/payments'

export type FlagReviewErrorCode = 'payments/flag_not_found' | 'payments/flag_already_reviewed'
export type ReviewFlagInput = { attemptId: string; note: string; userId: string; requestId?: string | null; ip?: string | null; now?: Date }

export async function reviewFlaggedAttempt(db: Db, input: ReviewFlagInput): Promise<Result<{ reviewedAt: Date }, DomainError<FlagReviewErrorCode>>> {
  const now = input.now ?? new Date()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(paymentAttempts)
      .set({ flagReviewedBy: input.userId, flagReviewedAt: now, flagReviewNote: input.note })
      .where(and(eq(paymentAttempts.id, input.attemptId), isNotNull(paymentAttempts.flaggedReason), isNull(paymentAttempts.flagReviewedAt)))
      .returning({ id: paymentAttempts.id, reference: paymentAttempts.reference, reason: paymentAttempts.flaggedReason })
    if (!row) return fail(await whyNot(tx, input.attemptId))
    await recordTrail(tx, {
      entityType: 'payment_attempt',
      entityId: row.id,
      action: 'payment_attempt.flag_reviewed',
      actor: { kind: 'user', userId: input.userId },
      summary: { reference: row.reference, reason: row.reason, note: input.note },
      requestId: input.requestId,
      ip: input.ip,
    })
    return ok({ reviewedAt: now })
  })
}

async function whyNot(tx: Tx, attemptId: string): Promise<DomainError<FlagReviewErrorCode>> {
  const [found] = await tx
    .select({ reason: paymentAttempts.flaggedReason })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, attemptId))
  if (!found?.reason) return new DomainError('payments/flag_not_found', 'Ese intento de pago no está marcado como sospechoso.')
  return new DomainError('payments/flag_already_reviewed', 'Otra persona ya revisó este intento de pago. Recargue la página.')
}
