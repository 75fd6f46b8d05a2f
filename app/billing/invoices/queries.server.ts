/**
 * Read model of issued invoices for the subscriber portal and the invoice documents. Ownership is in every WHERE
 * clause (`accountIds` comes from requireSubscriber): another person's invoice is simply not found. Drafts are never
 * shown. Indexes used: invoices_account_period_key (account_id, period_id), invoice_lines' primary key,
 * consumptions_account_period_key, dispute_holds_account_idx.
 */
import { and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { sum } from '~/billing/money'
import {
  accounts,
  billingCycles,
  billingPeriods,
  consumptions,
  disputeHolds,
  invoiceLines,
  invoices,
  meters,
  premises,
  serviceAreas,
  subscribers,
  zones,
} from '../../../db/schema'
import { explainInvoiceChange, type ExplainInvoice } from './explain'
import { periodLabel } from './period-label'

export type InvoiceSummary = {
  id: string
  number: number | null
  periodCode: string
  periodLabel: string
  issueOn: string
  dueOn: string
  billedM3: string | null
  totalToPay: string
}

export const INVOICES_PAGE_SIZE = 12

/** An owned account's issued invoices, newest period first, a page at a time; null if the account is not theirs. */
export async function listAccountInvoices(
  db: DbOrTx,
  input: { accountIds: readonly string[]; accountId: string; page: number },
): Promise<{ account: { id: string; number: string }; invoices: InvoiceSummary[]; pageCount: number } | null> {
  if (!input.accountIds.includes(input.accountId)) return null
  const [account] = await db
    .select({ id: accounts.id, number: accounts.number, frequency: billingCycles.frequency })
    .from(accounts)
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .innerJoin(billingCycles, eq(billingCycles.id, premises.cycleId))
    .where(and(eq(accounts.id, input.accountId), inArray(accounts.id, [...input.accountIds])))
  if (!account) return null
  const owned = and(eq(invoices.accountId, account.id), eq(invoices.status, 'issued'))
  const [total] = await db.select({ n: count() }).from(invoices).where(owned)
  const pageCount = Math.max(1, Math.ceil(Number(total?.n ?? 0) / INVOICES_PAGE_SIZE))
  const page = Math.min(Math.max(1, input.page), pageCount)
  const list = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      periodCode: billingPeriods.code,
      issueOn: invoices.issueOn,
      dueOn: invoices.dueOn,
      billedM3: invoices.billedM3,
      totalToPay: invoices.totalToPay,
    })
    .from(invoices)
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
    .where(owned)
    .orderBy(desc(billingPeriods.startsOn))
    .limit(INVOICES_PAGE_SIZE)
    .offset((page - 1) * INVOICES_PAGE_SIZE)
  return {
    account: { id: account.id, number: account.number },
    invoices: list.map((i) => ({ ...i, periodLabel: periodLabel(i.periodCode, account.frequency) })),
    pageCount,
  }
}

export type InvoiceLineView = {
  position: number
  service: string | null
  concept: string
  description: string
  quantityM3: string | null
  unitPrice: string | null
  amount: string
  ledgerEntryId: string | null
}

export type HistoryPoint = { periodCode: string; label: string; billedM3: string | null; currentCharges: string; isCurrent: boolean }

async function headerOf(db: DbOrTx, where: ReturnType<typeof and>) {
  const [row] = await db
    .select({
      invoice: invoices,
      period: { code: billingPeriods.code, startsOn: billingPeriods.startsOn, endsOn: billingPeriods.endsOn },
      frequency: billingCycles.frequency,
      account: { id: accounts.id, number: accounts.number, services: accounts.services, status: accounts.status },
      subscriber: {
        fullName: subscribers.fullName,
        documentType: subscribers.documentType,
        documentNumber: subscribers.documentNumber,
        correspondenceAddress: subscribers.correspondenceAddress,
      },
      premise: { address: premises.address, neighborhood: premises.neighborhood, useClass: premises.useClass, estrato: premises.estrato, units: premises.units, routeOrder: premises.routeOrder },
      zone: zones.name,
      area: { name: serviceAreas.name, municipality: serviceAreas.municipality, gln: serviceAreas.gln },
    })
    .from(invoices)
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .innerJoin(subscribers, eq(subscribers.id, accounts.subscriberId))
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .innerJoin(billingCycles, eq(billingCycles.id, premises.cycleId))
    .innerJoin(zones, eq(zones.id, premises.zoneId))
    .innerJoin(serviceAreas, eq(serviceAreas.id, zones.serviceAreaId))
    .where(where)
  return row
}

const linesOf = (db: DbOrTx, invoiceId: string) =>
  db
    .select({
      position: invoiceLines.position,
      service: invoiceLines.service,
      concept: invoiceLines.concept,
      description: invoiceLines.description,
      quantityM3: invoiceLines.quantityM3,
      unitPrice: invoiceLines.unitPrice,
      amount: invoiceLines.amount,
      ledgerEntryId: invoiceLines.ledgerEntryId,
    })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position))

/** Everything an issued invoice shows (page and PDF), for one of `accountIds`; null when not theirs or not issued. */
export async function getInvoiceDetail(db: DbOrTx, input: { accountIds: readonly string[] | 'all'; invoiceId: string }) {
  if (input.accountIds !== 'all' && input.accountIds.length === 0) return null
  const owner = input.accountIds === 'all' ? sql`true` : inArray(invoices.accountId, [...input.accountIds])
  const head = await headerOf(db, and(eq(invoices.id, input.invoiceId), eq(invoices.status, 'issued'), owner))
  if (!head) return null
  const { invoice, frequency } = head
  // Ley 142 art. 148 and the CRA model CCU cl. 17 item 10: compare with the last 6 monthly or 3 bimonthly periods.
  const compareWith = frequency === 'bimonthly' ? 3 : 6
  const [lines, meter, consumption, history, holds] = await Promise.all([
    linesOf(db, invoice.id),
    db.select({ serial: meters.serial }).from(meters).where(and(eq(meters.accountId, invoice.accountId), eq(meters.isActive, true))).limit(1),
    db
      .select({ previousReading: consumptions.previousReading, currentReading: consumptions.currentReading, measuredM3: consumptions.measuredM3, basis: consumptions.basis, averageM3: consumptions.averageM3 })
      .from(consumptions)
      .where(and(eq(consumptions.accountId, invoice.accountId), eq(consumptions.periodId, invoice.periodId))),
    db
      .select({ id: invoices.id, periodCode: billingPeriods.code, billedM3: invoices.billedM3, currentCharges: invoices.currentCharges })
      .from(invoices)
      .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.periodId))
      .where(and(eq(invoices.accountId, invoice.accountId), eq(invoices.status, 'issued'), lte(billingPeriods.startsOn, head.period.startsOn)))
      .orderBy(desc(billingPeriods.startsOn))
      .limit(compareWith + 1),
    db
      .select({ amount: disputeHolds.amount, reason: disputeHolds.reason, ledgerEntryId: disputeHolds.ledgerEntryId })
      .from(disputeHolds)
      .where(
        and(
          eq(disputeHolds.accountId, invoice.accountId),
          eq(disputeHolds.status, 'active'),
          sql`(${disputeHolds.invoiceId} = ${invoice.id} or ${disputeHolds.ledgerEntryId} in (select ledger_entry_id from invoice_lines where invoice_id = ${invoice.id}))`,
        ),
      ),
  ])
  const previousRow = history[1]
  const label = (code: string) => periodLabel(code, frequency)
  const current: ExplainInvoice = { periodLabel: label(head.period.code), billedM3: invoice.billedM3, currentCharges: invoice.currentCharges, lines }
  const previous: ExplainInvoice | null = previousRow
    ? { periodLabel: label(previousRow.periodCode), billedM3: previousRow.billedM3, currentCharges: previousRow.currentCharges, lines: await linesOf(db, previousRow.id) }
    : null
  return {
    ...head,
    invoice: { ...invoice, issuedAt: invoice.issuedAt?.toISOString() ?? null, createdAt: invoice.createdAt.toISOString() },
    account: { ...head.account, services: [...head.account.services] },
    periodLabel: current.periodLabel,
    compareWith,
    lines,
    meter: meter[0] ?? null,
    consumption: consumption[0] ?? null,
    history: history
      .map((h) => ({ periodCode: h.periodCode, label: label(h.periodCode), billedM3: h.billedM3, currentCharges: h.currentCharges, isCurrent: h.id === invoice.id }))
      .reverse() satisfies HistoryPoint[],
    holds,
    onHold: sum(holds.map((h) => h.amount)).toFixed(2),
    explanation: explainInvoiceChange(current, previous),
  }
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoiceDetail>>>
