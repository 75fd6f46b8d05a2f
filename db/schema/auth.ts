import { sql } from 'drizzle-orm'
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/** The roles of ../shared/DESIGN.md; permissions per role live in app/auth/permissions.ts. */
export const ROLES = [
  'subscriber',
  'agent',
  'auditor',
  'coordinator',
  'area_leader',
  'collections',
  'crew',
  'legal',
  'admin',
] as const
export type Role = (typeof ROLES)[number]
export const roleEnum = pgEnum('user_role', ROLES)

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash'),
    role: roleEnum('role').notNull(),
    /** For area_leader and staff limited to one área de prestación; null means every area. */
    serviceAreaId: uuid('service_area_id'),
    isActive: boolean('is_active').notNull().default(true),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
)
export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert

/** Lucia's session table: text ids as lucia makes them. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)
export type Session = typeof sessions.$inferSelect
