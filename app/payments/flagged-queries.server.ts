/**
 * Read models of suspicious online payments: gateway attempts flagged when an event did not match them (amount,
 * currency, another transaction for a paid reference), pending review or reviewed, and one attempt with its account,
 * invoice and the raw gateway events stored for it.
 */
import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { pageWindow } from '~/utils/pagination'
import { users } from '../../db/schema/auth'
import { billingPeriods } from '../../db/schema/readings'
import { invoices } from '../../db/schema/ledger'
import { gatewayEvents, paymentAttempts } from '../../db/schema/payments'
import { accounts, subscribers } from '../../db/schema/premises'
import type { FlagFilter } from './flagged-schema'
import { PAGE_SIZE } from './bank-queries.server'

const columns = {
  id: paymentAttempts.id,
  reference: paymentAttempts.reference,
  gateway: paymentAttempts.gateway,
  amount: paymentAttempts.amount,
  currency: paymentAttempts.currency,
  status: paymentAttempts.status,
  reason: paymentAttempts.flaggedReason,
  flaggedAt: paymentAttempts.flaggedAt,
  reviewedAt: paymentAttempts.flagReviewedAt,
  reviewedBy: users.fullName,
  reviewNote: paymentAttempts.flagReviewNote,
  accountId: paymentAttempts.accountId,
  accountNumber: accounts.number,
}

function whereFilter(filter: FlagFilter) {
  const reviewed = filter === 'pending' ? isNull(paymentAttempts.flagReviewedAt) : isNotNull(paymentAttempts.flagReviewedAt)
  return and(isNotNull(paymentAttempts.flaggedReason), reviewed)
}

function toView<R extends { flaggedAt: Date | null; reviewedAt: Date | null; reason: string | null }>(r: R) {
  return { ...r, reason: r.reason ?? '', flaggedAt: (r.flaggedAt ?? new Date(0)).toISOString(), reviewedAt: r.reviewedAt?.toISOString() ?? null }
}

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(paymentAttempts)
    .innerJoin(accounts, eq(accounts.id, paymentAttempts.accountId))
    .leftJoin(users, eq(users.id, paymentAttempts.flagReviewedBy))
}

/** Flagged attempts, newest flag first. */
export async function listFlaggedAttempts(db: DbOrTx, opts: { status: FlagFilter; page: number }) {
  const where = whereFilter(opts.status)
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(paymentAttempts).where(where)
  const { page, pageCount, offset } = pageWindow(total, opts.page, PAGE_SIZE)
  const found = await base(db).where(where).orderBy(desc(paymentAttempts.flaggedAt), desc(paymentAttempts.id)).limit(PAGE_SIZE).offset(offset)
  return { rows: found.map(toView), total, page, pageCount }
}

/** One flagged attempt with its account holder, invoice and every gateway event stored for it (oldest first). */
export async function getFlaggedAttempt(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [found] = await base(db)
    .where(and(eq(paymentAttempts.id, id), isNotNull(paymentAttempts.flaggedReason)))
  if (!found) return null
  const [more] = await db
    .select({
      transactionId: paymentAttempts.gatewayTransactionId,
      paymentMethod: paymentAttempts.paymentMethod,
      createdAt: paymentAttempts.createdAt,
      holder: subscribers.fullName,
      invoiceId: invoices.id,
      invoiceNumber: invoices.number,
      periodCode: billingPeriods.code,
    })
    .from(paymentAttempts)
    .innerJoin(accounts, eq(accounts.id, paymentAttempts.accountId))
    .innerJoin(subscribers, eq(subscribers.id, accounts.subscriberId))
    .leftJoin(invoices, eq(invoices.id, paymentAttempts.invoiceId))
    .leftJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
    .where(eq(paymentAttempts.id, id))
  const events = await db
    .select({
      id: gatewayEvents.id,
      eventType: gatewayEvents.eventType,
      transactionId: gatewayEvents.transactionId,
      transactionStatus: gatewayEvents.transactionStatus,
      checksumValid: gatewayEvents.checksumValid,
      outcome: gatewayEvents.outcome,
      detail: gatewayEvents.outcomeDetail,
      raw: gatewayEvents.raw,
      receivedAt: gatewayEvents.receivedAt,
    })
    .from(gatewayEvents)
    .where(eq(gatewayEvents.attemptId, id))
    .orderBy(asc(gatewayEvents.receivedAt))
  return {
    ...toView(found),
    ...more!,
    createdAt: more!.createdAt.toISOString(),
    events: events.map((e) => ({ ...e, raw: JSON.stringify(e.raw, null, 2), receivedAt: e.receivedAt.toISOString() })),
  }
}
