/**
 * The one place where other modules learn that money reached an account, inside the transaction that posted it.
 *
 * Why this seam exists: Ley 142 de 1994, art. 142 obliges the company to reinstate a suspended service once the
 * cause (the debt) is removed, and the service-status issue will do that from here (payments may call `service`,
 * per the dependency order in STYLE.md). Today there is no suspension model, so the function does nothing beyond
 * naming the contract: every path that posts a payment (gateway events, status polling, bank files, pagos por
 * identificar assigned later) calls it with the transaction still open, so whatever it enqueues commits, or rolls
 * back, with the payment itself. It takes a list: a bank file posts 25,000 payments per transaction, and whatever
 * lives here must be one set-based statement for them, not a query per payment.
 */
import type { DbOrTx } from '~/db.server'

export type AppliedPayment = {
  paymentId: string
  accountId: string
  /** Decimal string, as posted. */
  amount: string
  paidOn: string
  channel: 'gateway' | 'bank_file' | 'counter'
}

export async function afterPaymentsApplied(_tx: DbOrTx, _payments: AppliedPayment[]): Promise<void> {
  // Intentionally empty until service status exists; see the module comment for what belongs here.
}
