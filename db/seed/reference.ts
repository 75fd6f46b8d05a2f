/**
 * Reference data every database needs (settings defaults, catalogues), separate from demo data. Idempotent.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function seedReference(_db: PgDatabase<PgQueryResultHKT, any>): Promise<void> {}
