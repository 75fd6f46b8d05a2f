/**
 * The account ledger, the truth about money (../shared/DESIGN.md "The shared billing domain"): every charge, payment,
 * note, reversal and adjustment is a ledger entry; an invoice is a document drawn from it. The balance of an account
 * is Σ amount (charges positive, credits negative); open charges are charges minus their recorded allocations.
 * Writes go only through app/billing/ledger and app/billing/liquidation.
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  pgSequence,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { billingCycles, zones } from './areas'
import { jobs } from './system'
import { accounts, serviceEnum } from './premises'
import { billingPeriods } from './readings'

const money = (name: string) => numeric(name, { precision: 14, scale: 2 })

export const LEDGER_ENTRY_KINDS = ['charge', 'payment', 'credit_note', 'debit_note', 'reversal', 'adjustment'] as const
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number]
export const ledgerEntryKindEnum = pgEnum('ledger_entry_kind', LEDGER_ENTRY_KINDS)

export const INVOICE_STATUSES = ['draft', 'issued'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]
export const invoiceStatusEnum = pgEnum('invoice_status', INVOICE_STATUSES)

export const PAYMENT_CHANNELS = ['gateway', 'bank_file', 'counter'] as const
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number]
export const paymentChannelEnum = pgEnum('payment_channel', PAYMENT_CHANNELS)

export const PAYMENT_STATUSES = ['applied', 'reversed'] as const
export const paymentStatusEnum = pgEnum('payment_status', PAYMENT_STATUSES)

export const HOLD_STATUSES = ['active', 'released', 'credited'] as const
export type HoldStatus = (typeof HOLD_STATUSES)[number]
export const holdStatusEnum = pgEnum('hold_status', HOLD_STATUSES)

export const LIQUIDATION_STATUSES = ['running', 'draft', 'approved', 'issued', 'failed'] as const
export type LiquidationStatus = (typeof LIQUIDATION_STATUSES)[number]
export const liquidationStatusEnum = pgEnum('liquidation_status', LIQUIDATION_STATUSES)

/** Invoice numbers are taken at issue from a sequence (never max+1). */
export const invoiceNumberSeq = pgSequence('invoice_number_seq', { startWith: 1 })
/** Body of each invoice's payment reference (app/billing/payment-reference.ts adds the check digit). */
export const paymentReferenceSeq = pgSequence('payment_reference_seq', { startWith: 1 })

export const liquidationRuns = pgTable(
  'liquidation_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => billingCycles.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => billingPeriods.id),
    zoneId: uuid('zone_id').references(() => zones.id),
    status: liquidationStatusEnum('status').notNull().default('running'),
    jobId: uuid('job_id').references(() => jobs.id),
    totals: jsonb('totals'),
    error: text('error'),
    startedBy: uuid('started_by').references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    issuedBy: uuid('issued_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (t) => [
    // One live run per period and zone (the whole cycle when zone is null): concurrent starts produce one result.
    uniqueIndex('liquidation_runs_active_key')
      .on(t.periodId, sql`coalesce(${t.zoneId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} <> 'failed'`),
    index('liquidation_runs_cycle_idx').on(t.cycleId, t.startedAt),
  ],
)
export type LiquidationRun = typeof liquidationRuns.$inferSelect

export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => billingPeriods.id),
    number: bigint('number', { mode: 'number' }).unique(),
    status: invoiceStatusEnum('status').notNull().default('draft'),
    issueOn: date('issue_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    suspensionOn: date('suspension_on', { mode: 'string' }).notNull(),
    billedM3: numeric('billed_m3', { precision: 12, scale: 2 }),
    previousBalance: money('previous_balance').notNull(),
    currentCharges: money('current_charges').notNull(),
    totalToPay: money('total_to_pay').notNull(),
    paymentReference: text('payment_reference').notNull().unique(),
    liquidationRunId: uuid('liquidation_run_id').references(() => liquidationRuns.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_account_period_key').on(t.accountId, t.periodId),
    index('invoices_run_idx').on(t.liquidationRunId),
    index('invoices_period_idx').on(t.periodId, t.status),
  ],
)
export type Invoice = typeof invoices.$inferSelect

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    amount: money('amount').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    channel: paymentChannelEnum('channel').notNull(),
    externalRef: text('external_ref'),
    /** The payment reference the payer quoted (invoice reference, without the attempt suffix), for reconciliation. */
    reference: text('reference'),
    status: paymentStatusEnum('status').notNull().default('applied'),
    /** Every peso already allocated: allocation never reads this payment again (allocations of an applied payment are
     * permanent; a reversal changes the status instead). */
    fullyAllocated: boolean('fully_allocated').notNull().default(false),
    reversalReason: text('reversal_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    // A payment reported twice (webhook retry, the same bank file) is one payment.
    uniqueIndex('payments_channel_ref_key').on(t.channel, t.externalRef).where(sql`${t.externalRef} is not null`),
    index('payments_account_idx').on(t.accountId, t.paidOn),
    index('payments_open_idx').on(t.accountId).where(sql`${t.status} = 'applied' and not ${t.fullyAllocated}`),
    index('payments_reference_idx').on(t.reference, t.paidOn).where(sql`${t.reference} is not null`),
    // A bank file's lines are matched against the gateway payments of a window of days (bank-match.server.ts).
    index('payments_gateway_paid_idx').on(t.paidOn).where(sql`${t.channel} = 'gateway'`),
    check('payments_amount_check', sql`${t.amount} > 0`),
  ],
)
export type Payment = typeof payments.$inferSelect

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: ledgerEntryKindEnum('kind').notNull(),
    service: serviceEnum('service'),
    concept: text('concept').notNull(),
    /** Charges positive, credits negative. */
    amount: money('amount').notNull(),
    /** For charges: when they fall overdue (the invoice's pago oportuno). */
    dueOn: date('due_on', { mode: 'string' }),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    noteOfInvoiceId: uuid('note_of_invoice_id').references(() => invoices.id),
    description: text('description').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.accountId, t.occurredOn),
    // Partial: a payment's entry has no invoice and a charge no payment, and every lookup is by a value (equality
    // implies not null), so neither index carries the other kind's millions of NULL keys nor pays for inserting them.
    index('ledger_entries_invoice_idx').on(t.invoiceId).where(sql`${t.invoiceId} is not null`),
    index('ledger_entries_payment_idx').on(t.paymentId).where(sql`${t.paymentId} is not null`),
    // Notes of an invoice; also what deleting a draft invoice's rows probes for each foreign key that points at it.
    index('ledger_entries_unlinked_idx')
      .on(t.accountId)
      .where(sql`${t.invoiceId} is null and ${t.noteOfInvoiceId} is null and ${t.kind} not in ('payment', 'reversal')`),
    index('ledger_entries_note_invoice_idx').on(t.noteOfInvoiceId).where(sql`${t.noteOfInvoiceId} is not null`),
  ],
)
export type LedgerEntry = typeof ledgerEntries.$inferSelect

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    service: serviceEnum('service'),
    concept: text('concept').notNull(),
    description: text('description').notNull(),
    quantityM3: numeric('quantity_m3', { precision: 12, scale: 2 }),
    unitPrice: money('unit_price'),
    amount: money('amount').notNull(),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceId, t.position] }),
    // Deleting the entries of replaced drafts probes this foreign key once per entry: without it, a sequential scan each.
    index('invoice_lines_ledger_entry_idx').on(t.ledgerEntryId),
  ],
)
export type InvoiceLine = typeof invoiceLines.$inferSelect

/** Which charge each payment paid, and how much. A reversed payment's allocations no longer count. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    ledgerEntryId: uuid('ledger_entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    amount: money('amount').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_allocations_payment_idx').on(t.paymentId),
    index('payment_allocations_entry_idx').on(t.ledgerEntryId),
    check('payment_allocations_amount_check', sql`${t.amount} > 0`),
  ],
)
export type PaymentAllocation = typeof paymentAllocations.$inferSelect

/** Amounts under a pending claim or recurso (Ley 142 art. 155): not collected, not overdue, no interest. */
export const disputeHolds = pgTable(
  'dispute_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    amount: money('amount').notNull(),
    status: holdStatusEnum('status').notNull().default('active'),
    reason: text('reason').notNull(),
    relatedEntityType: text('related_entity_type'),
    relatedEntityId: text('related_entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    index('dispute_holds_account_idx').on(t.accountId).where(sql`${t.status} = 'active'`),
    index('dispute_holds_entry_idx').on(t.ledgerEntryId).where(sql`${t.ledgerEntryId} is not null`),
    index('dispute_holds_invoice_idx').on(t.invoiceId).where(sql`${t.invoiceId} is not null`),
    check('dispute_holds_target_check', sql`${t.ledgerEntryId} is not null or ${t.invoiceId} is not null`),
    check('dispute_holds_amount_check', sql`${t.amount} > 0`),
  ],
)
export type DisputeHold = typeof disputeHolds.$inferSelect

export const PENDING_CHARGE_STATUSES = ['pending', 'billed', 'cancelled'] as const
export const pendingChargeStatusEnum = pgEnum('pending_charge_status', PENDING_CHARGE_STATUSES)

/**
 * Otros cobros waiting for the next liquidation (reconexión, reinstalación, visits…; the price comes from the tariff
 * version's other charges). The liquidation bills each pending row once and marks it billed with its invoice.
 */
export const pendingCharges = pgTable(
  'pending_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    code: text('code').notNull(),
    description: text('description').notNull(),
    amount: money('amount').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    status: pendingChargeStatusEnum('status').notNull().default('pending'),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    relatedEntityType: text('related_entity_type'),
    relatedEntityId: text('related_entity_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pending_charges_account_idx').on(t.accountId).where(sql`${t.status} = 'pending'`),
    index('pending_charges_invoice_idx').on(t.invoiceId).where(sql`${t.invoiceId} is not null`),
    check('pending_charges_amount_check', sql`${t.amount} > 0`),
  ],
)
export type PendingCharge = typeof pendingCharges.$inferSelect

/**
 * Issued invoices whose charges are not yet fully covered by applied allocations and the invoice's own credits
 * (negative lines, credit notes): the only invoices the allocation statement reads, found by account, so its cost
 * follows what is still owed, not the history. A row is added when an invoice is issued (a trigger on invoices,
 * 0017_open-invoices.sql, so no issuing path can forget it), removed when allocations cover the invoice, and added
 * again when that can stop being true: a payment that paid it is reversed, or a debit note is posted on it. Holds
 * are not counted, so releasing one never needs to reopen an invoice.
 */
export const openInvoices = pgTable(
  'open_invoices',
  {
    invoiceId: uuid('invoice_id')
      .primaryKey()
      .references(() => invoices.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [index('open_invoices_account_idx').on(t.accountId)],
)
