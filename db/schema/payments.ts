/**
 * Payment intake (issue 5): online attempts through a gateway and their raw events, bank collection files
 * (Asobancaria 2001), payments nobody could match (pagos por identificar) and the delivery of printed invoices.
 * Money enters the ledger only through app/billing/ledger (postPayment, reversePayment); these tables record where it
 * came from. Imports only drizzle and siblings (drizzle-kit does not resolve aliases).
 */
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { jobs } from './system'
import { storedFiles } from './storage'
import { accounts } from './premises'
import { zones } from './areas'
import { billingPeriods } from './readings'
import { invoices, payments } from './ledger'

const money = (name: string) => numeric(name, { precision: 14, scale: 2 })

export const GATEWAYS = ['wompi', 'sandbox'] as const
export type GatewayName = (typeof GATEWAYS)[number]
export const gatewayEnum = pgEnum('payment_gateway', GATEWAYS)

/** Wompi's transaction statuses (formats.md §3.5) plus our 'created' before the subscriber reaches the checkout. */
export const ATTEMPT_STATUSES = ['created', 'pending', 'approved', 'declined', 'voided', 'error'] as const
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number]
export const attemptStatusEnum = pgEnum('payment_attempt_status', ATTEMPT_STATUSES)

/** One online payment attempt; its reference is the invoice's payment reference plus the attempt number. */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    gateway: gatewayEnum('gateway').notNull(),
    reference: text('reference').notNull().unique(),
    attemptNo: integer('attempt_no').notNull(),
    /** Decided by the server from the ledger, never taken from the browser. */
    amount: money('amount').notNull(),
    currency: text('currency').notNull().default('COP'),
    status: attemptStatusEnum('status').notNull().default('created'),
    gatewayTransactionId: text('gateway_transaction_id'),
    paymentMethod: text('payment_method'),
    paymentId: uuid('payment_id').references(() => payments.id),
    /** Why an event for this attempt was refused (amount or currency mismatch…), for staff to review. */
    flaggedReason: text('flagged_reason'),
    /** When the flag was raised (a new mismatch raises it again and clears the review below). */
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
    /** Collections staff's review of the flag: who, when and the mandatory note (also in the audit trail). */
    flagReviewedBy: uuid('flag_reviewed_by').references(() => users.id),
    flagReviewedAt: timestamp('flag_reviewed_at', { withTimezone: true }),
    flagReviewNote: text('flag_review_note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_attempts_gateway_tx_key')
      .on(t.gateway, t.gatewayTransactionId)
      .where(sql`${t.gatewayTransactionId} is not null`),
    index('payment_attempts_account_idx').on(t.accountId, t.createdAt),
    index('payment_attempts_invoice_idx').on(t.invoiceId),
    index('payment_attempts_flagged_idx').on(t.flaggedAt).where(sql`${t.flaggedReason} is not null`),
    check('payment_attempts_amount_check', sql`${t.amount} > 0`),
  ],
)
export type PaymentAttempt = typeof paymentAttempts.$inferSelect

/** Every event a gateway sent us, raw, whether or not its checksum was valid (evidence and replay). */
export const gatewayEvents = pgTable(
  'gateway_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gateway: gatewayEnum('gateway').notNull(),
    eventType: text('event_type'),
    transactionId: text('transaction_id'),
    transactionStatus: text('transaction_status'),
    checksumValid: boolean('checksum_valid').notNull(),
    /** applied | duplicate | refused | flagged | ignored */
    outcome: text('outcome').notNull(),
    outcomeDetail: text('outcome_detail'),
    attemptId: uuid('attempt_id').references(() => paymentAttempts.id),
    raw: jsonb('raw').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('gateway_events_tx_idx').on(t.gateway, t.transactionId), index('gateway_events_received_idx').on(t.receivedAt)],
)
export type GatewayEvent = typeof gatewayEvents.$inferSelect

export const BANK_FILE_STATUSES = ['queued', 'running', 'applied', 'rejected', 'failed'] as const
export type BankFileStatus = (typeof BANK_FILE_STATUSES)[number]
export const bankFileStatusEnum = pgEnum('bank_file_status', BANK_FILE_STATUSES)

/** An uploaded Asobancaria 2001 file. The same content, or the same bank/date/modifier, is refused the second time. */
export const bankFiles = pgTable(
  'bank_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    contentHash: text('content_hash').notNull(),
    /** bank NIT/code + file date + modifier (formats.md §1.3). */
    duplicateKey: text('duplicate_key'),
    bankCode: text('bank_code'),
    fileDate: date('file_date', { mode: 'string' }),
    modifier: text('modifier'),
    status: bankFileStatusEnum('status').notNull().default('queued'),
    content: text('content').notNull(),
    recordCount: integer('record_count'),
    totalAmount: money('total_amount'),
    /** { applied, duplicates, unidentified, rejected: [{ line, reason }] } */
    report: jsonb('report'),
    jobId: uuid('job_id').references(() => jobs.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bank_files_content_key').on(t.contentHash).where(sql`${t.status} <> 'rejected'`),
    uniqueIndex('bank_files_duplicate_key').on(t.duplicateKey).where(sql`${t.status} <> 'rejected'`),
    index('bank_files_uploaded_idx').on(t.uploadedAt),
  ],
)
export type BankFile = typeof bankFiles.$inferSelect

export const UNIDENTIFIED_STATUSES = ['pending', 'assigned', 'returned'] as const
export const unidentifiedStatusEnum = pgEnum('unidentified_payment_status', UNIDENTIFIED_STATUSES)

/** Pagos por identificar: money received that no reference matched; staff assign it to an account later. */
export const unidentifiedPayments = pgTable(
  'unidentified_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bankFileId: uuid('bank_file_id').references(() => bankFiles.id),
    lineNo: integer('line_no'),
    referenceRaw: text('reference_raw').notNull(),
    amount: money('amount').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    channelRaw: text('channel_raw'),
    reason: text('reason').notNull(),
    status: unidentifiedStatusEnum('status').notNull().default('pending'),
    assignedAccountId: uuid('assigned_account_id').references(() => accounts.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unidentified_payments_queue_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index('unidentified_payments_file_idx').on(t.bankFileId),
    // A retried import job inserts each line of a file once.
    uniqueIndex('unidentified_payments_file_line_key').on(t.bankFileId, t.lineNo),
    check('unidentified_payments_amount_check', sql`${t.amount} > 0`),
  ],
)
export type UnidentifiedPayment = typeof unidentifiedPayments.$inferSelect

/**
 * A bank-file line recognised as a payment the gateway had already reported (same reference and amount, paid within
 * the window of the setting payments.gateway_bank_match_days): it is not applied again. One gateway payment matches at
 * most one bank line, so a subscriber who really paid twice still gets the second payment applied.
 */
export const bankFileMatches = pgTable(
  'bank_file_matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bankFileId: uuid('bank_file_id')
      .notNull()
      .references(() => bankFiles.id),
    lineNo: integer('line_no').notNull(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bank_file_matches_line_key').on(t.bankFileId, t.lineNo),
    uniqueIndex('bank_file_matches_payment_key').on(t.paymentId),
  ],
)

/** A printable batch of invoices for one route (zone) and period, handed to a delivery crew. */
export const invoiceDeliveryBatches = pgTable(
  'invoice_delivery_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => billingPeriods.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    invoiceCount: integer('invoice_count').notNull(),
    /** The job that renders the printable PDF, and the stored PDF once it has run. */
    pdfJobId: uuid('pdf_job_id').references(() => jobs.id),
    pdfFileId: uuid('pdf_file_id').references(() => storedFiles.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invoice_delivery_batches_period_idx').on(t.periodId, t.zoneId)],
)

export const DELIVERY_RESULTS = ['delivered', 'returned'] as const
export const deliveryResultEnum = pgEnum('invoice_delivery_result', DELIVERY_RESULTS)

/** Proof that an invoice reached the premise (or why not): Ley 142 art. 148 delivery at least 5 days before due. */
export const invoiceDeliveries = pgTable(
  'invoice_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    batchId: uuid('batch_id').references(() => invoiceDeliveryBatches.id),
    result: deliveryResultEnum('result').notNull(),
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invoice_deliveries_invoice_key').on(t.invoiceId), index('invoice_deliveries_batch_idx').on(t.batchId)],
)
