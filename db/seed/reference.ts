/**
 * Reference data every database needs, separate from demo data. Idempotent: every seeder inserts with
 * ON CONFLICT DO NOTHING (or checks first), so it runs on every start and in every test setup without changing
 * anything the second time.
 *
 * Settings need no rows: app/settings/catalog.ts holds each default, and a stored row only ever records a change an
 * admin scheduled, so a seed can never overwrite a decision. Jobs, audit trail and outbox start empty. Modules that
 * need reference rows (catalogues, causales) add one seeder to SEEDERS.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>
type Seeder = (db: AnyDb) => Promise<void>

const SEEDERS: Seeder[] = []

export async function seedReference(db: AnyDb): Promise<void> {
  for (const seed of SEEDERS) await seed(db)
}
