/**
 * Posts a payment: a negative ledger entry, then allocation to open charges oldest first, skipping amounts on hold.
 * What is left over stays as a credit (a negative balance) that the next issued invoice consumes.
 * Idempotent per (channel, external_ref): a payment reported twice is posted once.
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { money, toDb } from '~/billing/money'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { ledgerEntries, payments, type PaymentChannel } from '../../../db/schema/ledger'
import { allocateAvailableCredit, lockAccount, type Allocation } from './allocate.server'

export type PostPaymentInput = {
  accountId: string
  amount: string
  paidOn: string
  channel: PaymentChannel
  externalRef?: string | null
  actor?: TrailActor
}

export type PostedPayment = { paymentId: string; isDuplicate: boolean; allocations: Allocation[] }

export async function postPayment(tx: DbOrTx, input: PostPaymentInput): Promise<PostedPayment> {
  const amount = money(input.amount)
  if (amount.lte(0)) throw new Error('payment amount must be positive')
  await lockAccount(tx, input.accountId)
  if (input.externalRef) {
    const [existing] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.channel, input.channel), eq(payments.externalRef, input.externalRef)))
    if (existing) return { paymentId: existing.id, isDuplicate: true, allocations: [] }
  }
  const [payment] = await tx
    .insert(payments)
    .values({ accountId: input.accountId, amount: toDb(amount), paidOn: input.paidOn, channel: input.channel, externalRef: input.externalRef ?? null })
    .returning({ id: payments.id })
  const paymentId = payment!.id
  await tx.insert(ledgerEntries).values({
    accountId: input.accountId,
    occurredOn: input.paidOn,
    kind: 'payment',
    concept: 'pago',
    amount: toDb(amount.negated()),
    paymentId,
    description: `Pago recibido (${CHANNEL_LABELS[input.channel]})`,
    createdBy: input.actor?.kind === 'user' ? input.actor.userId : null,
  })
  const allocations = await allocateAvailableCredit(tx, input.accountId)
  await recordTrail(tx, {
    entityType: 'payment',
    entityId: paymentId,
    action: 'payment.posted',
    actor: input.actor ?? { kind: 'system', label: 'billing' },
    summary: { accountId: input.accountId, amount: toDb(amount), paidOn: input.paidOn, channel: input.channel, allocations: allocations.length },
  })
  return { paymentId, isDuplicate: false, allocations }
}

export const CHANNEL_LABELS: Record<PaymentChannel, string> = {
  gateway: 'pasarela en línea',
  bank_file: 'recaudo bancario',
  counter: 'taquilla',
}
