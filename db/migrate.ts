/**
 * Applies the SQL migrations that drizzle-kit generated (db/migrations), all pending ones in one transaction, under
 * an advisory lock so two app instances starting together do not both apply them. A failure rolls everything back:
 * no half-applied schema. Records applied migrations in drizzle's own table so drizzle-kit stays compatible.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
const MIGRATION_LOCK = 72_0142 // any constant shared by every instance

/** `folder` is for tests (a copy with a broken statement); the app always uses db/migrations. */
export async function runMigrations(db: AnyDb, folder: string = migrationsFolder): Promise<{ applied: number }> {
  const migrations = readMigrationFiles({ migrationsFolder: folder })
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await tx.execute(sql`create schema if not exists drizzle`)
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    )
    const result = (await tx.execute(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    )) as unknown
    const last = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0] as
      | { created_at: string | number }
      | undefined
    const lastMillis = last ? Number(last.created_at) : -1
    let applied = 0
    for (const migration of migrations) {
      if (migration.folderMillis <= lastMillis) continue
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement))
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      )
      applied++
    }
    return { applied }
  })
}
