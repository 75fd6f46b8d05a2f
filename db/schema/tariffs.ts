/**
 * The tariff catalogue: versions per área de prestación with an effective date, entered by one person and approved
 * by another (4-eyes), and their children (metered rates, aseo charges per category, solidarity factors, other
 * charges). Approved versions are immutable (db/migrations/0002_030-tariffs-immutable.sql).
 */
import { sql } from 'drizzle-orm'
import { check, date, index, numeric, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { serviceAreas } from './areas'
import { users } from './auth'

export const TARIFF_STATUSES = ['draft', 'approved', 'superseded'] as const
export const tariffStatusEnum = pgEnum('tariff_status', TARIFF_STATUSES)

/** Mirrors CATEGORY_CODES of app/billing/tariffs/categories.ts (schema files may not import from app/). */
const CATEGORY_SQL = sql.raw(
  `('estrato_1','estrato_2','estrato_3','estrato_4','estrato_5','estrato_6','commercial','industrial','official','special')`,
)

export const tariffVersions = pgTable(
  'tariff_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceAreaId: uuid('service_area_id')
      .notNull()
      .references(() => serviceAreas.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    status: tariffStatusEnum('status').notNull().default('draft'),
    /** e.g. "Acuerdo Concejo 012 de 2026" or "Resolución de Gerencia 045 de 2026". */
    approvalAct: text('approval_act'),
    notes: text('notes'),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // 4-eyes: whoever entered a version cannot approve it.
    check('tariff_versions_four_eyes_check', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.enteredBy}`),
    check(
      'tariff_versions_approved_check',
      sql`${t.status} = 'draft' or (${t.approvedBy} is not null and ${t.approvedAt} is not null and coalesce(${t.approvalAct}, '') <> '')`,
    ),
    uniqueIndex('tariff_versions_area_effective_key')
      .on(t.serviceAreaId, t.effectiveFrom)
      .where(sql`${t.status} <> 'draft'`),
    index('tariff_versions_area_idx').on(t.serviceAreaId, t.effectiveFrom),
  ],
)
export type TariffVersion = typeof tariffVersions.$inferSelect

const versionRef = () =>
  uuid('version_id')
    .notNull()
    .references(() => tariffVersions.id, { onDelete: 'cascade' })

/** Acueducto and alcantarillado: cargo fijo and price per m³ by range, before subsidy or contribution. */
export const tariffMeteredRates = pgTable(
  'tariff_metered_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: versionRef(),
    service: text('service').notNull(),
    fixedCharge: numeric('fixed_charge', { precision: 14, scale: 2 }).notNull(),
    basicPrice: numeric('basic_price', { precision: 14, scale: 2 }).notNull(),
    complementaryPrice: numeric('complementary_price', { precision: 14, scale: 2 }).notNull(),
    luxuryPrice: numeric('luxury_price', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [
    unique('tariff_metered_rates_key').on(t.versionId, t.service),
    check('tariff_metered_rates_service_check', sql`${t.service} in ('acueducto', 'alcantarillado')`),
  ],
)

/** Aseo per category (fixed part and the variable part for the category's tonnage), per subscriber-month. */
export const tariffWasteCharges = pgTable(
  'tariff_waste_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: versionRef(),
    category: text('category').notNull(),
    fixedCharge: numeric('fixed_charge', { precision: 14, scale: 2 }).notNull(),
    variableCharge: numeric('variable_charge', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [
    unique('tariff_waste_charges_key').on(t.versionId, t.category),
    check('tariff_waste_charges_category_check', sql`${t.category} in ${CATEGORY_SQL}`),
  ],
)

/** Subsidy (negative) or contribution (positive) fraction per category and service (Ley 142 art. 99.6). */
export const tariffSolidarityFactors = pgTable(
  'tariff_solidarity_factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: versionRef(),
    category: text('category').notNull(),
    service: text('service').notNull(),
    factor: numeric('factor', { precision: 6, scale: 4 }).notNull(),
  },
  (t) => [
    unique('tariff_solidarity_factors_key').on(t.versionId, t.category, t.service),
    check('tariff_solidarity_factors_category_check', sql`${t.category} in ${CATEGORY_SQL}`),
    check('tariff_solidarity_factors_service_check', sql`${t.service} in ('acueducto', 'alcantarillado', 'aseo')`),
    check('tariff_solidarity_factors_range_check', sql`${t.factor} between -1 and 5`),
  ],
)

/** Otros cobros (reconexión, reinstalación, visita...) with the act that approves each. */
export const tariffOtherCharges = pgTable(
  'tariff_other_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: versionRef(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    approvalAct: text('approval_act').notNull(),
  },
  (t) => [unique('tariff_other_charges_key').on(t.versionId, t.code)],
)
