/**
 * Applies what a gateway says about a transaction to its attempt, once. The webhook (apply-event.server.ts) and
 * status polling (poll-attempts.server.ts) both come here, inside their own transaction.
 *
 * Idempotency (../shared/domain/formats.md §3.7): the attempt row is locked FOR UPDATE, so concurrent deliveries of
 * the same event queue behind each other and the later ones find the payment already recorded; postPayment is
 * itself idempotent per (channel 'gateway', external_ref = transaction id), with a unique index as the last guard.
 * Amount and currency are compared with the attempt before anything is applied; a mismatch is flagged, not applied.
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { postPayment } from '~/billing/ledger/post-payment.server'
import { reversePayment } from '~/billing/ledger/reverse-payment.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { todayInBogota } from '~/utils/format'
import { payments } from '../../db/schema/ledger'
import { paymentAttempts, type AttemptStatus, type PaymentAttempt } from '../../db/schema/payments'
import { afterPaymentsApplied } from './after-payment.server'
import { parseAttemptReference, type GatewayTransaction } from './gateway'
import { attemptRecipient, receiptEmailProps, reversedEmailProps } from './receipts.server'
import { toAmountInCents } from './wompi-signature'

export type ApplyOutcome = 'applied' | 'duplicate' | 'flagged' | 'ignored'
export type ApplyResult = { outcome: ApplyOutcome; detail: string; attemptId: string | null; paymentId?: string }
export type ApplyOptions = { origin: string; now?: Date; actor?: TrailActor }

const OPEN: ReadonlySet<AttemptStatus> = new Set(['created', 'pending'])

export async function applyTransaction(tx: DbOrTx, t: GatewayTransaction, opts: ApplyOptions): Promise<ApplyResult> {
  const [attempt] = await tx
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.gateway, t.gateway), eq(paymentAttempts.reference, t.reference)))
    .for('update')
  if (!attempt) return { outcome: 'ignored', detail: `Referencia desconocida: ${t.reference}`, attemptId: null }
  const mismatch = describeMismatch(attempt, t)
  if (mismatch) return flag(tx, attempt, mismatch, opts)
  const at = (outcome: ApplyOutcome, detail: string, paymentId?: string): ApplyResult => ({ outcome, detail, attemptId: attempt.id, paymentId })
  switch (t.status) {
    case 'PENDING':
      if (attempt.status === 'pending' && attempt.gatewayTransactionId === t.id) return at('duplicate', 'Ya estaba en proceso')
      if (!OPEN.has(attempt.status)) return at('ignored', `Evento atrasado: el intento ya está ${attempt.status}`)
      await setStatus(tx, attempt, 'pending', t)
      return at('applied', 'Intento en proceso en la pasarela')
    case 'APPROVED':
      return approve(tx, attempt, t, opts)
    case 'DECLINED':
    case 'ERROR': {
      const status = t.status === 'DECLINED' ? 'declined' : 'error'
      if (attempt.status === status) return at('duplicate', `Ya estaba ${status}`)
      if (!OPEN.has(attempt.status)) return at('ignored', `Evento atrasado: el intento ya está ${attempt.status}`)
      await setStatus(tx, attempt, status, t)
      return at('applied', t.statusMessage ?? `Transacción ${t.status}`)
    }
    case 'VOIDED':
      return voidAttempt(tx, attempt, t, opts)
  }
}

/** Why the transaction does not belong to this attempt as recorded, or null when it matches. */
function describeMismatch(attempt: PaymentAttempt, t: GatewayTransaction): string | null {
  const expected = toAmountInCents(attempt.amount)
  if (t.amountInCents !== expected)
    return `El valor reportado (${t.amountInCents} centavos) no coincide con el del intento (${expected} centavos)`
  if (t.currency !== attempt.currency)
    return `La moneda reportada (${t.currency}) no coincide con la del intento (${attempt.currency})`
  if (attempt.gatewayTransactionId && attempt.gatewayTransactionId !== t.id && attempt.paymentId)
    return `Otra transacción (${t.id}) para una referencia ya pagada con ${attempt.gatewayTransactionId}`
  return null
}

async function flag(tx: DbOrTx, attempt: PaymentAttempt, reason: string, opts: ApplyOptions): Promise<ApplyResult> {
  const now = opts.now ?? new Date()
  await tx
    .update(paymentAttempts)
    // A new mismatch raises the flag again: the earlier review (kept in the trail) no longer covers it.
    .set({ flaggedReason: reason, flaggedAt: now, flagReviewedBy: null, flagReviewedAt: null, flagReviewNote: null, updatedAt: now })
    .where(eq(paymentAttempts.id, attempt.id))
  await recordTrail(tx, {
    entityType: 'payment_attempt',
    entityId: attempt.id,
    action: 'payment_attempt.flagged',
    actor: opts.actor ?? { kind: 'system', label: 'pasarela de pagos' },
    summary: { reference: attempt.reference, reason },
  })
  return { outcome: 'flagged', detail: reason, attemptId: attempt.id }
}

async function setStatus(tx: DbOrTx, attempt: PaymentAttempt, status: AttemptStatus, t: GatewayTransaction, paymentId?: string) {
  await tx
    .update(paymentAttempts)
    .set({
      status,
      gatewayTransactionId: t.id,
      paymentMethod: t.paymentMethodType,
      ...(paymentId ? { paymentId } : {}),
      updatedAt: new Date(),
    })
    .where(eq(paymentAttempts.id, attempt.id))
}

async function approve(tx: DbOrTx, attempt: PaymentAttempt, t: GatewayTransaction, opts: ApplyOptions): Promise<ApplyResult> {
  if (attempt.paymentId) return { outcome: 'duplicate', detail: 'El pago ya estaba aplicado', attemptId: attempt.id, paymentId: attempt.paymentId }
  if (attempt.status === 'voided')
    return { outcome: 'ignored', detail: 'Evento atrasado: el intento ya fue anulado', attemptId: attempt.id }
  const now = opts.now ?? new Date()
  const paidOn = todayInBogota(t.finalizedAt ? new Date(t.finalizedAt) : now)
  // The reference without the attempt suffix: a later bank file quoting the invoice's reference recognises it.
  const paymentReference = parseAttemptReference(attempt.reference)?.paymentReference ?? attempt.reference
  const posted = await postPayment(tx, {
    accountId: attempt.accountId,
    amount: attempt.amount,
    paidOn,
    channel: 'gateway',
    externalRef: t.id,
    reference: paymentReference,
    actor: opts.actor ?? { kind: 'system', label: `pasarela ${t.gateway}` },
  })
  await setStatus(tx, attempt, 'approved', t, posted.paymentId)
  if (posted.isDuplicate)
    return { outcome: 'duplicate', detail: 'El pago ya estaba aplicado', attemptId: attempt.id, paymentId: posted.paymentId }
  const facts = { paymentId: posted.paymentId, accountId: attempt.accountId, amount: attempt.amount, paidOn, transactionId: t.id }
  const recipient = await attemptRecipient(tx, attempt.createdBy)
  if (recipient)
    await enqueueEmail(tx, {
      to: recipient.email,
      template: 'payment-receipt',
      props: await receiptEmailProps(tx, { ...facts, paymentReference, paymentMethod: t.paymentMethodType }, recipient, { origin: opts.origin, now }),
      idempotencyKey: `payment-receipt:${posted.paymentId}`,
      related: { entityType: 'payment', entityId: posted.paymentId },
    })
  await afterPaymentsApplied(tx, [{ paymentId: posted.paymentId, accountId: attempt.accountId, amount: attempt.amount, paidOn, channel: 'gateway' }])
  return { outcome: 'applied', detail: 'Pago aplicado', attemptId: attempt.id, paymentId: posted.paymentId }
}

/** §3.5: VOIDED happens to card payments after approval; the payment is reversed, never deleted. */
async function voidAttempt(tx: DbOrTx, attempt: PaymentAttempt, t: GatewayTransaction, opts: ApplyOptions): Promise<ApplyResult> {
  if (attempt.status === 'voided') return { outcome: 'duplicate', detail: 'Ya estaba anulado', attemptId: attempt.id }
  const now = opts.now ?? new Date()
  await setStatus(tx, attempt, 'voided', t)
  if (!attempt.paymentId) return { outcome: 'applied', detail: 'Intento anulado antes de aplicarse', attemptId: attempt.id }
  const reversed = await reversePayment(tx, {
    paymentId: attempt.paymentId,
    reason: `Transacción ${t.id} anulada en la pasarela`,
    on: todayInBogota(now),
    actor: opts.actor ?? { kind: 'system', label: `pasarela ${t.gateway}` },
  })
  if (!reversed.ok) return { outcome: 'duplicate', detail: reversed.error.message, attemptId: attempt.id }
  const recipient = await attemptRecipient(tx, attempt.createdBy)
  if (recipient) {
    const [payment] = await tx.select({ paidOn: payments.paidOn }).from(payments).where(eq(payments.id, attempt.paymentId))
    const facts = { paymentId: attempt.paymentId, accountId: attempt.accountId, amount: attempt.amount, paidOn: payment!.paidOn, transactionId: t.id }
    await enqueueEmail(tx, {
      to: recipient.email,
      template: 'payment-reversed',
      props: await reversedEmailProps(tx, facts, recipient, { origin: opts.origin, now }),
      idempotencyKey: `payment-reversed:${attempt.paymentId}`,
      related: { entityType: 'payment', entityId: attempt.paymentId },
    })
  }
  return { outcome: 'applied', detail: 'Pago reversado', attemptId: attempt.id, paymentId: attempt.paymentId }
}
