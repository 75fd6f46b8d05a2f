/**
 * The local sandbox gateway's own transactions (app/payments/sandbox.server.ts). They play the part of Wompi's
 * records: the sandbox checkout page creates one when the tester decides, and the sandbox's fetchTransaction (status
 * polling) reads it back. Nothing else writes here, and the ledger never reads it. Imports only drizzle.
 */
import { sql } from 'drizzle-orm'
import { check, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

export const sandboxTransactions = pgTable(
  'sandbox_transactions',
  {
    /** Shaped like Wompi's ids ('15113-1748550000-27458'). */
    id: text('id').primaryKey(),
    /** The attempt reference the checkout was signed for; one transaction per reference, as Wompi requires. */
    reference: text('reference').notNull().unique(),
    amountInCents: numeric('amount_in_cents', { precision: 16, scale: 0 }).notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull(),
    paymentMethodType: text('payment_method_type').notNull(),
    customerEmail: text('customer_email'),
    redirectUrl: text('redirect_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'sandbox_transactions_status_check',
      sql`${t.status} in ('PENDING', 'APPROVED', 'DECLINED', 'VOIDED', 'ERROR')`,
    ),
  ],
)
export type SandboxTransaction = typeof sandboxTransactions.$inferSelect
