/**
 * The account's billing context on the case page (issue 6 §5): recent invoices with their notes, consumptions and
 * readings, payments, holds, the balance and the field work orders, so the agent decides without leaving the case.
 * A read model: it only selects (DESIGN.md: read models may join across modules).
 */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm'
import { getBalance } from '~/billing/ledger/balance.server'
import { toDb } from '~/billing/money'
import type { DbOrTx } from '~/db.server'
import { accounts, premises } from '../../db/schema/premises'
import { disputeHolds, invoices, ledgerEntries, payments } from '../../db/schema/ledger'
import { billingPeriods } from '../../db/schema/readings'
import { consumptions } from '../../db/schema/critica'
import { workOrders } from '../../db/schema/service'

const RECENT = 12

export async function loadBillingContext(db: DbOrTx, accountId: string, today: string) {
  const [account] = await db
    .select({
      number: accounts.number,
      status: accounts.status,
      services: accounts.services,
      address: premises.address,
      estrato: premises.estrato,
      useClass: premises.useClass,
    })
    .from(accounts)
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .where(eq(accounts.id, accountId))
  if (!account) return null
  const [bills, usage, paid, holds, orders, balance] = await Promise.all([
    db
      .select({
        id: invoices.id,
        number: invoices.number,
        period: billingPeriods.code,
        issueOn: invoices.issueOn,
        dueOn: invoices.dueOn,
        totalToPay: invoices.totalToPay,
        billedM3: invoices.billedM3,
      })
      .from(invoices)
      .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
      .where(and(eq(invoices.accountId, accountId), eq(invoices.status, 'issued')))
      .orderBy(desc(invoices.issueOn))
      .limit(RECENT),
    db
      .select({
        period: billingPeriods.code,
        previous: consumptions.previousReading,
        current: consumptions.currentReading,
        measuredM3: consumptions.measuredM3,
        billedM3: consumptions.billedM3,
        basis: consumptions.basis,
        classification: consumptions.classification,
      })
      .from(consumptions)
      .innerJoin(billingPeriods, eq(billingPeriods.id, consumptions.periodId))
      .where(eq(consumptions.accountId, accountId))
      .orderBy(desc(billingPeriods.startsOn))
      .limit(RECENT),
    db
      .select({
        id: payments.id,
        paidOn: payments.paidOn,
        amount: payments.amount,
        channel: payments.channel,
        status: payments.status,
      })
      .from(payments)
      .where(eq(payments.accountId, accountId))
      .orderBy(desc(payments.paidOn))
      .limit(RECENT),
    db
      .select({
        id: disputeHolds.id,
        amount: disputeHolds.amount,
        status: disputeHolds.status,
        reason: disputeHolds.reason,
        invoiceId: disputeHolds.invoiceId,
        createdAt: disputeHolds.createdAt,
      })
      .from(disputeHolds)
      .where(eq(disputeHolds.accountId, accountId))
      .orderBy(desc(disputeHolds.createdAt))
      .limit(RECENT),
    db
      .select({
        id: workOrders.id,
        kind: workOrders.kind,
        status: workOrders.status,
        reason: workOrders.reason,
        requestedAt: workOrders.requestedAt,
        scheduledOn: workOrders.scheduledOn,
      })
      .from(workOrders)
      .where(eq(workOrders.accountId, accountId))
      .orderBy(desc(workOrders.requestedAt))
      .limit(RECENT),
    getBalance(db, accountId, { on: today }),
  ])
  const notes = bills.length
    ? await db
        .select({
          invoiceId: ledgerEntries.noteOfInvoiceId,
          kind: ledgerEntries.kind,
          amount: ledgerEntries.amount,
          description: ledgerEntries.description,
          on: ledgerEntries.occurredOn,
        })
        .from(ledgerEntries)
        .where(
          and(
            isNotNull(ledgerEntries.noteOfInvoiceId),
            inArray(
              ledgerEntries.noteOfInvoiceId,
              bills.map((b) => b.id),
            ),
            or(eq(ledgerEntries.kind, 'credit_note'), eq(ledgerEntries.kind, 'debit_note')),
          ),
        )
        .orderBy(ledgerEntries.occurredOn)
    : []
  return {
    account,
    balance: {
      total: toDb(balance.total),
      onHold: toDb(balance.onHold),
      overdue: toDb(balance.overdue),
      credit: toDb(balance.credit),
    },
    invoices: bills.map((b) => ({ ...b, notes: notes.filter((n) => n.invoiceId === b.id) })),
    consumptions: usage,
    payments: paid,
    holds: holds.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    workOrders: orders.map((o) => ({ ...o, requestedAt: o.requestedAt.toISOString() })),
  }
}

export type BillingContext = NonNullable<Awaited<ReturnType<typeof loadBillingContext>>>
