/** What /salud reports: the database answers and every migration in db/migrations has been applied. */
import { sql } from 'drizzle-orm'
import { db, engine, rows } from '~/db.server'
import journal from '../db/migrations/meta/_journal.json'

export type Health =
  | { ok: true; database: 'postgres' | 'pglite' }
  | { ok: false; database: 'postgres' | 'pglite'; message: string }

/** The `when` of the newest migration this build ships with (drizzle records it as created_at when applied). */
function latestMigrationMillis(): number {
  const entries = (journal as { entries: Array<{ when: number }> }).entries
  return entries.reduce((max, entry) => Math.max(max, entry.when), -1)
}

export async function checkHealth(): Promise<Health> {
  const database = engine().kind
  try {
    await rows(db, sql`select 1`)
  } catch {
    return { ok: false, database, message: 'La base de datos no responde.' }
  }
  try {
    const [last] = await rows<{ created_at: string | number | null }>(
      db,
      sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
    )
    const applied = last?.created_at == null ? -1 : Number(last.created_at)
    if (applied < latestMigrationMillis()) {
      return { ok: false, database, message: 'Hay migraciones de la base de datos sin aplicar.' }
    }
  } catch {
    return { ok: false, database, message: 'La base de datos no tiene las migraciones aplicadas.' }
  }
  return { ok: true, database }
}
