/** Service status history (suspensión, corte, restablecimiento), field work orders and payment agreements. */
import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { accounts } from './premises'

export const SERVICE_STATUS_EVENT_KINDS = ['suspension_notice', 'suspension', 'cut', 'reinstatement', 'reconnection'] as const
export const serviceStatusEventKindEnum = pgEnum('service_status_event_kind', SERVICE_STATUS_EVENT_KINDS)

export const WORK_ORDER_KINDS = ['deviation_visit', 'reading_check', 'meter_check', 'suspension', 'reinstatement', 'other'] as const
export const workOrderKindEnum = pgEnum('work_order_kind', WORK_ORDER_KINDS)
export const WORK_ORDER_STATUSES = ['open', 'scheduled', 'done', 'cancelled'] as const
export const workOrderStatusEnum = pgEnum('work_order_status', WORK_ORDER_STATUSES)

export const AGREEMENT_STATUSES = ['active', 'completed', 'broken'] as const
export const agreementStatusEnum = pgEnum('payment_agreement_status', AGREEMENT_STATUSES)

export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: workOrderKindEnum('kind').notNull(),
    status: workOrderStatusEnum('status').notNull().default('open'),
    reason: text('reason').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    scheduledOn: date('scheduled_on', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('work_orders_account_idx').on(t.accountId),
    index('work_orders_queue_idx').on(t.kind, t.scheduledOn).where(sql`${t.status} in ('open', 'scheduled')`),
    index('work_orders_created_by_idx').on(t.createdBy),
    check('work_orders_completed_check', sql`(${t.status} = 'done') = (${t.completedAt} is not null)`),
  ],
)
export type WorkOrder = typeof workOrders.$inferSelect
export type NewWorkOrder = typeof workOrders.$inferInsert

export const serviceStatusEvents = pgTable(
  'service_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: serviceStatusEventKindEnum('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_status_events_account_idx').on(t.accountId, t.occurredAt),
    index('service_status_events_work_order_idx').on(t.workOrderId),
    index('service_status_events_recorded_by_idx').on(t.recordedBy),
  ],
)
export type ServiceStatusEvent = typeof serviceStatusEvents.$inferSelect
export type NewServiceStatusEvent = typeof serviceStatusEvents.$inferInsert

/** Acuerdo de pago: the liquidation bills one instalment per period from `starts_on`. */
export const paymentAgreements = pgTable(
  'payment_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    principal: numeric('principal', { precision: 14, scale: 2 }).notNull(),
    instalments: integer('instalments').notNull(),
    instalmentAmount: numeric('instalment_amount', { precision: 14, scale: 2 }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    status: agreementStatusEnum('status').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_agreements_account_idx').on(t.accountId),
    index('payment_agreements_active_idx').on(t.startsOn).where(sql`${t.status} = 'active'`),
    index('payment_agreements_created_by_idx').on(t.createdBy),
    check('payment_agreements_amounts_check', sql`${t.principal} > 0 and ${t.instalments} >= 1 and ${t.instalmentAmount} > 0`),
  ],
)
export type PaymentAgreement = typeof paymentAgreements.$inferSelect
export type NewPaymentAgreement = typeof paymentAgreements.$inferInsert
