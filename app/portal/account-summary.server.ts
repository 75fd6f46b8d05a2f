/**
 * Money and service status of the subscriber's own accounts, for /mi-cuenta: the balance from the ledger (what is
 * under a pending claim shown apart, Ley 142 art. 155), the latest issued invoice (next due and suspension dates),
 * which invoice "Pagar" may link to, and the last service status event (suspension, reconnection…).
 */
import { desc, inArray } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { accountPayment } from '~/billing/invoices/payable.server'
import { serviceStatusEvents } from '../../db/schema'

export type AccountMoney = {
  accountId: string
  balance: string
  onHold: string
  overdue: string
  credit: string
  payable: string
  payInvoiceId: string | null
  latestInvoice: { id: string; dueOn: string; suspensionOn: string; periodCode: string; totalToPay: string } | null
  lastStatusEvent: { kind: string; occurredAt: string; reason: string } | null
}

export async function accountMoney(db: DbOrTx, accountIds: readonly string[], on: string): Promise<AccountMoney[]> {
  if (accountIds.length === 0) return []
  const events = await db
    .selectDistinctOn([serviceStatusEvents.accountId], {
      accountId: serviceStatusEvents.accountId,
      kind: serviceStatusEvents.kind,
      occurredAt: serviceStatusEvents.occurredAt,
      reason: serviceStatusEvents.reason,
    })
    .from(serviceStatusEvents)
    .where(inArray(serviceStatusEvents.accountId, [...accountIds]))
    .orderBy(serviceStatusEvents.accountId, desc(serviceStatusEvents.occurredAt))
  const lastEvent = new Map(events.map((e) => [e.accountId, e]))
  return Promise.all(
    accountIds.map(async (accountId) => {
      const { latest, balance, payable, payInvoiceId } = await accountPayment(db, accountId, on)
      const event = lastEvent.get(accountId)
      return {
        accountId,
        balance: balance.total.toFixed(2),
        onHold: balance.onHold.toFixed(2),
        overdue: balance.overdue.toFixed(2),
        credit: balance.credit.toFixed(2),
        payable: payable.toFixed(2),
        payInvoiceId,
        latestInvoice: latest,
        lastStatusEvent: event ? { kind: event.kind, occurredAt: event.occurredAt.toISOString(), reason: event.reason } : null,
      }
    }),
  )
}

