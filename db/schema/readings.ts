/** Billing periods per cycle and the meter readings taken in them. */
import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { billingCycles } from './areas'
import { accounts, meters } from './premises'

export const PERIOD_STATUSES = ['open', 'read', 'reviewed', 'liquidated', 'issued', 'closed'] as const
export type PeriodStatus = (typeof PERIOD_STATUSES)[number]
export const periodStatusEnum = pgEnum('period_status', PERIOD_STATUSES)

export const READING_SOURCES = ['import', 'manual', 'seed'] as const
export const readingSourceEnum = pgEnum('reading_source', READING_SOURCES)

export const billingPeriods = pgTable(
  'billing_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => billingCycles.id),
    /** 'YYYY-MM'; a bimonthly period carries the code of its first month. */
    code: text('code').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    readingOn: date('reading_on', { mode: 'string' }).notNull(),
    issueOn: date('issue_on', { mode: 'string' }).notNull(),
    /** Pago oportuno. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    suspensionOn: date('suspension_on', { mode: 'string' }).notNull(),
    status: periodStatusEnum('status').notNull().default('open'),
  },
  (t) => [
    unique('billing_periods_cycle_code_key').on(t.cycleId, t.code),
    index('billing_periods_status_idx').on(t.status, t.issueOn),
    check('billing_periods_code_check', sql`${t.code} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      'billing_periods_dates_check',
      sql`${t.startsOn} <= ${t.endsOn} and ${t.endsOn} <= ${t.readingOn} and ${t.readingOn} <= ${t.issueOn} and ${t.issueOn} < ${t.dueOn} and ${t.dueOn} <= ${t.suspensionOn}`,
    ),
  ],
)
export type BillingPeriod = typeof billingPeriods.$inferSelect
export type NewBillingPeriod = typeof billingPeriods.$inferInsert

export const readings = pgTable(
  'readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => billingPeriods.id),
    /** Register value in m³; null when the meter could not be read (anomaly_code says why). */
    value: integer('value'),
    readOn: date('read_on', { mode: 'string' }).notNull(),
    readerCode: text('reader_code'),
    anomalyCode: text('anomaly_code'),
    source: readingSourceEnum('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('readings_meter_period_key').on(t.meterId, t.periodId),
    index('readings_account_period_idx').on(t.accountId, t.periodId),
    index('readings_period_idx').on(t.periodId),
    index('readings_recorded_by_idx').on(t.recordedBy).where(sql`${t.recordedBy} is not null`),
    check('readings_value_check', sql`${t.value} >= 0`),
    check('readings_missing_check', sql`${t.value} is not null or ${t.anomalyCode} is not null`),
  ],
)
export type Reading = typeof readings.$inferSelect
export type NewReading = typeof readings.$inferInsert
