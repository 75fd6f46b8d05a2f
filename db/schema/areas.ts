/**
 * Where the utility serves: áreas de prestación (one municipality each, with DANE DIVIPOLA codes and the altitude
 * band that fixes the consumo básico), their zones, and the billing cycles (reading, issue and due-date rules).
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, pgEnum, pgTable, smallint, text, char, timestamp, unique, uuid } from 'drizzle-orm/pg-core'

/**
 * Res. CRA 750/2016 altitude bands. Mirrors ALTITUDE_BANDS of app/billing/tariffs/types.ts (schema files may not
 * import from app/); db/schema/areas.test.ts asserts both lists stay equal.
 */
export const ALTITUDE_BANDS = ['below_1000', 'from_1000_to_2000', 'above_2000'] as const
export const altitudeBandEnum = pgEnum('altitude_band', ALTITUDE_BANDS)

export const BILLING_FREQUENCIES = ['monthly', 'bimonthly'] as const
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number]
export const billingFrequencyEnum = pgEnum('billing_frequency', BILLING_FREQUENCIES)

export const serviceAreas = pgTable(
  'service_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    municipality: text('municipality').notNull(),
    department: text('department').notNull(),
    // DANE DIVIPOLA: departamento 2 digits, municipio 5 (dept + 3), centro poblado 8 (municipio + 3); SUI asks for all three.
    daneDepartment: char('dane_department', { length: 2 }).notNull(),
    daneMunicipality: char('dane_municipality', { length: 5 }).notNull(),
    daneTown: char('dane_town', { length: 8 }).notNull(),
    altitudeM: integer('altitude_m').notNull(),
    altitudeBand: altitudeBandEnum('altitude_band').notNull(),
    /** GS1 GLN of the biller for this area, printed as AI (415) in the invoice barcode. */
    gln: char('gln', { length: 13 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_areas_dane_check', sql`${t.daneMunicipality} like ${t.daneDepartment} || '%' and ${t.daneTown} like ${t.daneMunicipality} || '%'`),
    check('service_areas_gln_check', sql`${t.gln} ~ '^[0-9]{13}$'`),
  ],
)
export type ServiceArea = typeof serviceAreas.$inferSelect
export type NewServiceArea = typeof serviceAreas.$inferInsert

export const zones = pgTable(
  'zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceAreaId: uuid('service_area_id')
      .notNull()
      .references(() => serviceAreas.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [unique('zones_area_code_key').on(t.serviceAreaId, t.code), index('zones_area_idx').on(t.serviceAreaId)],
)
export type Zone = typeof zones.$inferSelect
export type NewZone = typeof zones.$inferInsert

export const billingCycles = pgTable(
  'billing_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceAreaId: uuid('service_area_id')
      .notNull()
      .references(() => serviceAreas.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    frequency: billingFrequencyEnum('frequency').notNull(),
    /** Day of the month after the period ends when meters are read. */
    readingDay: smallint('reading_day').notNull(),
    /** Day of the month after the period ends when invoices are issued. */
    issueDay: smallint('issue_day').notNull(),
    dueDaysAfterIssue: smallint('due_days_after_issue').notNull(),
    suspensionDaysAfterDue: smallint('suspension_days_after_due').notNull(),
  },
  (t) => [
    unique('billing_cycles_area_code_key').on(t.serviceAreaId, t.code),
    index('billing_cycles_area_idx').on(t.serviceAreaId),
    check('billing_cycles_days_check', sql`${t.readingDay} between 1 and 28 and ${t.issueDay} between ${t.readingDay} and 28`),
    // The invoice reaches the user at least 5 days before pago oportuno (Decreto 1077/2015 practice).
    check('billing_cycles_terms_check', sql`${t.dueDaysAfterIssue} >= 5 and ${t.suspensionDaysAfterDue} >= 0`),
  ],
)
export type BillingCycle = typeof billingCycles.$inferSelect
export type NewBillingCycle = typeof billingCycles.$inferInsert
