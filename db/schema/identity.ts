/**
 * Identity: login throttling, single-use tokens (password reset, email verification), consents and data-rights
 * requests (Ley 1581 de 2012). Imports only drizzle and siblings (drizzle-kit does not resolve aliases).
 */
import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'

/** Failed sign-ins per key ('account:<sha256 of email>' or 'ip:<address>'); shared by every app instance. */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  /** No attempt is checked before this instant (the increasing delay, or the temporary lock). */
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
})
export type LoginThrottle = typeof loginThrottles.$inferSelect

export const USER_TOKEN_PURPOSES = ['password_reset', 'email_verification'] as const
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number]
export const userTokenPurposeEnum = pgEnum('user_token_purpose', USER_TOKEN_PURPOSES)

/** Single-use tokens sent by email. Only the SHA-256 of the token is stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: userTokenPurposeEnum('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set when a newer token of the same purpose replaces this one. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_tokens_hash_key').on(t.tokenHash), index('user_tokens_user_idx').on(t.userId, t.purpose)],
)
export type UserToken = typeof userTokens.$inferSelect

/** electronic_invoice: the invoice sent by email instead of on paper (SSPD Concepto 682/2020: express consent). */
export const CONSENT_KINDS = ['data_processing', 'electronic_notification', 'electronic_invoice'] as const
export type ConsentKind = (typeof CONSENT_KINDS)[number]
export const consentKindEnum = pgEnum('consent_kind', CONSENT_KINDS)

/** One row per grant; withdrawing stamps withdrawn_at. The current consent is the row with withdrawn_at null. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: consentKindEnum('kind').notNull(),
    policyVersion: text('policy_version').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.kind)],
)
export type Consent = typeof consents.$inferSelect

export const DATA_RIGHTS_KINDS = ['query', 'correction', 'deletion'] as const
export type DataRightsKind = (typeof DATA_RIGHTS_KINDS)[number]
export const dataRightsKindEnum = pgEnum('data_rights_kind', DATA_RIGHTS_KINDS)
export const DATA_RIGHTS_STATUSES = ['pending', 'answered'] as const
export const dataRightsStatusEnum = pgEnum('data_rights_status', DATA_RIGHTS_STATUSES)

/** Habeas data requests (Ley 1581 de 2012 arts. 14–15). */
export const dataRightsRequests = pgTable(
  'data_rights_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: dataRightsKindEnum('kind').notNull(),
    description: text('description').notNull(),
    status: dataRightsStatusEnum('status').notNull().default('pending'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
  },
  (t) => [index('data_rights_status_due_idx').on(t.status, t.dueOn)],
)
export type DataRightsRequest = typeof dataRightsRequests.$inferSelect

/**
 * Accounts a registrant proved ownership of, waiting for the email to be verified: they become user_accounts rows
 * only then, so no account data is shown to an unverified email.
 */
export const pendingAccountLinks = pgTable(
  'pending_account_links',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    provenAt: timestamp('proven_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('pending_account_links_key').on(t.userId, t.accountId)],
)
