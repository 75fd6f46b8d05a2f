/**
 * Predios, suscriptores and the contract between them (the account), the users who may see an account, and meters.
 */
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { billingCycles, zones } from './areas'

/** Mirrors USE_CLASSES and SERVICES of app/billing/tariffs/types.ts; db/schema/areas.test.ts checks they match. */
export const USE_CLASSES = ['residential', 'commercial', 'industrial', 'official', 'special'] as const
export const useClassEnum = pgEnum('use_class', USE_CLASSES)
export const SERVICES = ['acueducto', 'alcantarillado', 'aseo'] as const
export const serviceEnum = pgEnum('public_service', SERVICES)

/** DIAN document-type abbreviations (domain/formats.md §6.1); codes and labels live in app/utils/documents.ts. */
export const DOCUMENT_TYPES = ['RC', 'TI', 'CC', 'TE', 'CE', 'NIT', 'PA', 'DE', 'PEP', 'PPT', 'NITE', 'NUIP'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]
export const documentTypeEnum = pgEnum('document_type', DOCUMENT_TYPES)
export const subscriberKindEnum = pgEnum('subscriber_kind', ['person', 'company'])

export const ACCOUNT_STATUSES = ['active', 'suspended', 'cut', 'inactive'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]
export const accountStatusEnum = pgEnum('account_status', ACCOUNT_STATUSES)

/** Structured urban address (domain/formats.md §6.3); `premises.address` is the printable line. */
export type AddressParts =
  | {
      kind?: 'urban'
      viaType: string // Calle, Carrera, Avenida, Diagonal, Transversal
      viaNumber: string // '10', '45A', '7 Bis'
      crossNumber: string // '20'
      plate: string // '30'
      complement?: string // 'Apto 301', 'Local 2'
    }
  | { kind: 'rural'; vereda: string; predio: string }

export const premises = pgTable(
  'premises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => billingCycles.id),
    address: text('address').notNull(),
    addressParts: jsonb('address_parts').$type<AddressParts>().notNull(),
    neighborhood: text('neighborhood').notNull(),
    /** Ley 142 arts. 101–104: residential premises only. */
    estrato: smallint('estrato'),
    useClass: useClassEnum('use_class').notNull(),
    routeOrder: integer('route_order').notNull(),
    /** Hospitals, schools, homes with subjects of special protection: no arbitrary suspension (C-150/2003). */
    isProtected: boolean('is_protected').notNull().default(false),
    protectedReason: text('protected_reason'),
    /** Residential / non-residential units served through this connection. */
    units: integer('units').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('premises_zone_idx').on(t.zoneId),
    index('premises_cycle_route_idx').on(t.cycleId, t.routeOrder),
    index('premises_protected_idx').on(t.id).where(sql`${t.isProtected}`),
    check('premises_estrato_check', sql`${t.estrato} between 1 and 6`),
    check('premises_estrato_use_check', sql`(${t.useClass} = 'residential') = (${t.estrato} is not null)`),
    check('premises_protected_reason_check', sql`not ${t.isProtected} or ${t.protectedReason} is not null`),
    check('premises_units_check', sql`${t.units} >= 1`),
  ],
)
export type Premise = typeof premises.$inferSelect
export type NewPremise = typeof premises.$inferInsert

export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentType: documentTypeEnum('document_type').notNull(),
    documentNumber: text('document_number').notNull(),
    /** DV of a NIT (domain/formats.md §6.2), validated by app/utils/documents.ts before insert. */
    checkDigit: char('check_digit', { length: 1 }),
    kind: subscriberKindEnum('kind').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    correspondenceAddress: text('correspondence_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subscribers_document_key').on(t.documentType, t.documentNumber),
    index('subscribers_email_idx').on(sql`lower(${t.email})`),
    check('subscribers_document_number_check', sql`${t.documentNumber} ~ '^[0-9A-Za-z]{3,20}$'`),
    check('subscribers_check_digit_check', sql`(${t.documentType} = 'NIT') = (${t.checkDigit} is not null)`),
  ],
)
export type Subscriber = typeof subscribers.$inferSelect
export type NewSubscriber = typeof subscribers.$inferInsert

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Contract number (número de cuenta / contrato) printed on invoices. */
    number: text('number').notNull().unique(),
    premiseId: uuid('premise_id')
      .notNull()
      .references(() => premises.id),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id),
    services: serviceEnum('services').array().notNull(),
    status: accountStatusEnum('status').notNull().default('active'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('accounts_premise_idx').on(t.premiseId),
    index('accounts_subscriber_idx').on(t.subscriberId),
    index('accounts_status_idx').on(t.status).where(sql`${t.status} <> 'active'`),
    check('accounts_services_check', sql`cardinality(${t.services}) >= 1`),
  ],
)
export type Account = typeof accounts.$inferSelect
export type NewAccount = typeof accounts.$inferInsert

/** Which accounts a signed-in subscriber may see (requireSubscriber reads this). */
export const userAccounts = pgTable(
  'user_accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId] }), index('user_accounts_account_idx').on(t.accountId)],
)
export type UserAccount = typeof userAccounts.$inferSelect
export type NewUserAccount = typeof userAccounts.$inferInsert

export const meters = pgTable(
  'meters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    serial: text('serial').notNull().unique(),
    brand: text('brand').notNull(),
    diameterIn: text('diameter_in').notNull(), // '1/2', '3/4', '1'
    /** Digits on the register: a reading wraps to 0 after 10^digits − 1 (rollover). */
    dialDigits: smallint('dial_digits').notNull().default(5),
    installedOn: date('installed_on', { mode: 'string' }).notNull(),
    lastVerifiedOn: date('last_verified_on', { mode: 'string' }),
    nextVerificationOn: date('next_verification_on', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    index('meters_account_idx').on(t.accountId),
    uniqueIndex('meters_one_active_per_account').on(t.accountId).where(sql`${t.isActive}`),
    index('meters_next_verification_idx').on(t.nextVerificationOn).where(sql`${t.isActive}`),
    check('meters_dial_digits_check', sql`${t.dialDigits} between 4 and 8`),
  ],
)
export type Meter = typeof meters.$inferSelect
export type NewMeter = typeof meters.$inferInsert
