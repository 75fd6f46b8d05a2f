/**
 * Starts an online payment: decides the amount from the ledger, records an attempt with its own gateway reference
 * (the invoice's payment reference + '-' + attempt number, formats.md §3.7) and returns the gateway's checkout.
 *
 * Double clicks: the invoice row is locked while the attempt is chosen, and an attempt of the same person, invoice
 * and amount that has not reached the gateway yet ('created', less than REUSE_WINDOW_MS old) is reused instead of
 * creating another, so two submits lead to the same checkout.
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm'
import { db as defaultDb, rows, type Db } from '~/db.server'
import type { SessionUser } from '~/auth/guards.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { paymentAttempts, type PaymentAttempt } from '../../db/schema/payments'
import { resolveAmount } from './checkout-amount'
import type { PayOnline } from './checkout-schema'
import { amountFacts, findOwnedInvoice } from './checkout-queries.server'
import { attemptReference, type AttemptReference, type Checkout } from './gateway'
import { activeGatewayName, gatewayFor } from './gateways.server'

const REUSE_WINDOW_MS = 2 * 60_000

export type StartAttemptInput = {
  invoiceId: string
  accountIds: readonly string[]
  user: Pick<SessionUser, 'id' | 'email' | 'fullName'>
  choice: PayOnline
  /** Public origin for the gateway's redirect back (APP_ORIGIN or the request's). */
  origin: string
  now?: Date
}

export type StartedAttempt = { attemptId: string; attemptNo: number; reference: string; amount: string; checkout: Checkout }

/** Where the gateway sends the subscriber back; Wompi appends `?id=<transaction>` (a hint only). */
export const statusPath = (invoiceId: string) => `/mi-cuenta/pagar/${invoiceId}/estado`

export async function startPaymentAttempt(input: StartAttemptInput, db: Db = defaultDb): Promise<Result<StartedAttempt>> {
  const now = input.now ?? new Date()
  const gatewayName = activeGatewayName()
  const chosen = await db.transaction(async (tx) => {
    const invoice = await findOwnedInvoice(tx, input.invoiceId, input.accountIds)
    if (!invoice) return fail(new DomainError('payments/invoice_not_found', 'No encontramos esa factura.'))
    await rows(tx, sql`select id from invoices where id = ${invoice.id}::uuid for update`)
    const amount = resolveAmount(input.choice, await amountFacts(tx, invoice, now))
    if (!amount.ok) return amount
    const [reusable] = await tx
      .select()
      .from(paymentAttempts)
      .where(
        and(
          eq(paymentAttempts.invoiceId, invoice.id),
          eq(paymentAttempts.createdBy, input.user.id),
          eq(paymentAttempts.status, 'created'),
          eq(paymentAttempts.gateway, gatewayName),
          eq(paymentAttempts.amount, amount.value),
          gt(paymentAttempts.createdAt, new Date(now.getTime() - REUSE_WINDOW_MS)),
        ),
      )
      .orderBy(desc(paymentAttempts.attemptNo))
      .limit(1)
    if (reusable) return ok(reusable)
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${paymentAttempts.attemptNo}), 0)::int` })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.invoiceId, invoice.id))
    const attemptNo = (last?.n ?? 0) + 1
    const [created] = await tx
      .insert(paymentAttempts)
      .values({
        accountId: invoice.accountId,
        invoiceId: invoice.id,
        gateway: gatewayName,
        reference: attemptReference(invoice.paymentReference, attemptNo),
        attemptNo,
        amount: amount.value,
        currency: 'COP',
        createdBy: input.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    await recordTrail(tx, {
      entityType: 'payment_attempt',
      entityId: created!.id,
      action: 'payment_attempt.created',
      actor: { kind: 'user', userId: input.user.id },
      summary: { reference: created!.reference, amount: created!.amount, gateway: gatewayName },
    })
    return ok(created!)
  })
  if (!chosen.ok) return chosen
  const attempt: PaymentAttempt = chosen.value
  const checkout = await checkoutForAttempt(attempt, input, db)
  if (!checkout) return fail(new DomainError('payments/gateway_unavailable', 'El pago en línea no está disponible en este momento.'))
  return ok({ attemptId: attempt.id, attemptNo: attempt.attemptNo, reference: attempt.reference, amount: attempt.amount, checkout })
}

/** The checkout of an attempt that has not reached the gateway yet (the status page's "continue to pay" link). */
export async function checkoutForAttempt(
  attempt: { reference: string; attemptNo: number; amount: string; gateway: 'wompi' | 'sandbox' },
  input: { invoiceId: string; user: Pick<SessionUser, 'email' | 'fullName'>; origin: string },
  db: Db = defaultDb,
): Promise<Checkout | null> {
  const gateway = gatewayFor(attempt.gateway, db)
  if (!gateway) return null
  return gateway.createCheckout({
    invoiceId: input.invoiceId,
    reference: attempt.reference as AttemptReference,
    amount: attempt.amount,
    currency: 'COP',
    redirectUrl: `${input.origin}${statusPath(input.invoiceId)}`,
    customer: { email: input.user.email, fullName: input.user.fullName },
  })
}
