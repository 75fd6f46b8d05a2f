/**
 * Crítica results: one consumption per account and period, with how it was obtained, its classification, and
 * whether the coordinator released it to liquidation or held it. See app/billing/critica/classify.ts.
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, numeric, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { accounts } from './premises'
import { billingPeriods } from './readings'
import { workOrders } from './service'

export const CONSUMPTION_CLASSES = [
  'normal',
  'significant_deviation_up',
  'significant_deviation_down',
  'zero',
  'negative',
  'rollover',
  'no_reading',
] as const
export const consumptionClassEnum = pgEnum('consumption_class', CONSUMPTION_CLASSES)

export const CONSUMPTION_BASES = ['measured', 'average', 'estimated', 'category_average'] as const
export const consumptionBasisEnum = pgEnum('consumption_basis', CONSUMPTION_BASES)

export const CONSUMPTION_STATUSES = ['pending', 'released', 'held'] as const
export const consumptionStatusEnum = pgEnum('consumption_status', CONSUMPTION_STATUSES)

export const consumptions = pgTable(
  'consumptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => billingPeriods.id),
    previousReading: integer('previous_reading'),
    currentReading: integer('current_reading'),
    /** What the meter says; null without a valid reading (no reading, negative difference). */
    measuredM3: integer('measured_m3'),
    /** What the liquidation bills (Ley 142 arts. 146 and 149). */
    billedM3: integer('billed_m3').notNull(),
    basis: consumptionBasisEnum('basis').notNull(),
    classification: consumptionClassEnum('classification').notNull(),
    averageM3: numeric('average_m3', { precision: 10, scale: 2 }),
    status: consumptionStatusEnum('status').notNull().default('pending'),
    /** The deviation visit (Ley 142 art. 149) while the cause is investigated. */
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
    /** Real consumption established by the visit; billed_m3 keeps what was billed meanwhile. */
    resolvedM3: integer('resolved_m3'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The credit/debit note that settled resolved_m3 − billed_m3 (owned by the ledger). */
    settledByNoteId: uuid('settled_by_note_id'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('consumptions_account_period_key').on(t.accountId, t.periodId),
    index('consumptions_period_status_idx').on(t.periodId, t.status, t.accountId),
    index('consumptions_period_class_idx').on(t.periodId, t.classification),
    index('consumptions_work_order_idx').on(t.workOrderId).where(sql`${t.workOrderId} is not null`),
    index('consumptions_reviewed_by_idx').on(t.reviewedBy).where(sql`${t.reviewedBy} is not null`),
    index('consumptions_unsettled_idx')
      .on(t.periodId)
      .where(sql`${t.resolvedM3} is not null and ${t.settledByNoteId} is null`),
    check('consumptions_m3_check', sql`${t.billedM3} >= 0 and (${t.measuredM3} is null or ${t.measuredM3} >= 0)`),
    check(
      'consumptions_review_check',
      sql`${t.status} = 'pending' or ${t.reviewedAt} is not null`,
    ),
  ],
)
export type Consumption = typeof consumptions.$inferSelect
export type NewConsumption = typeof consumptions.$inferInsert
