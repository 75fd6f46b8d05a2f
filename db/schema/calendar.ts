/**
 * Company calendar corrections, maintained by admins (colombia-rules.md §4: "an admin-maintained non_business_days
 * table overrides the computed calendar, with an audit log"). National holidays are not stored: they come from the
 * holiday library. A row is either a company non-working day (a closing day, or a national holiday the library is
 * missing) or a working-day correction (a date the library lists as a holiday that is not one, e.g. a law repealed).
 * Imports only drizzle and siblings (drizzle-kit does not resolve aliases).
 */
import { date, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'

export const CALENDAR_DAY_KINDS = ['non_working', 'working'] as const
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number]
export const calendarDayKindEnum = pgEnum('calendar_day_kind', CALENDAR_DAY_KINDS)

export const companyCalendarDays = pgTable('company_calendar_days', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** One rule per date: a date is either added as non-working or corrected as working, never both. */
  day: date('day', { mode: 'string' }).notNull().unique(),
  kind: calendarDayKindEnum('kind').notNull().default('non_working'),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export type CompanyCalendarDay = typeof companyCalendarDays.$inferSelect
export type NewCompanyCalendarDay = typeof companyCalendarDays.$inferInsert
