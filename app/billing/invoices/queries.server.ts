/**
 * Read model of issued invoices for the subscriber portal and the invoice documents. Ownership is in every WHERE
 * clause (`accountIds` comes from requireSubscriber): another person's invoice is simply not found. Drafts are never
 * shown. The list uses invoices_account_period_key (account_id, period_id); one invoice's detail is detail.server.ts.
 */
import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { accounts, billingCycles, billingPeriods, invoices, premises } from '../../../db/schema'
import { periodLabel } from './period-label'
import { pageWindow } from '~/utils/pagination'

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
  const { pageCount, offset } = pageWindow(Number(total?.n ?? 0), input.page, INVOICES_PAGE_SIZE)
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
    .offset(offset)
  return {
    account: { id: account.id, number: account.number },
    invoices: list.map((i) => ({ ...i, periodLabel: periodLabel(i.periodCode, account.frequency) })),
    pageCount,
  }
}

export { getInvoiceDetail, type HistoryPoint, type InvoiceDetail, type InvoiceLineView } from './detail.server'
