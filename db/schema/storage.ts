/**
 * Stored files (PQR attachments, decision PDFs, constancias, bank files). Kept in PostgreSQL so any app instance can
 * serve them; app/storage is the only module that reads or writes this table (a small interface another backend can
 * replace). Imports only drizzle and siblings (drizzle-kit does not resolve aliases).
 */
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The name the person gave it; shown, never trusted for the type. */
    name: text('name').notNull(),
    /** Detected from the content (magic bytes), not from the name or the browser's claim. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    /** Who owns it, e.g. ('pqr_case', id): the serving route checks access through the owner. */
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_owner_idx').on(t.ownerType, t.ownerId)],
)
export type StoredFile = typeof storedFiles.$inferSelect
