/**
 * A JSON value for a jsonb column, sent as text and cast in SQL. The two drivers treat a bare JS string bound to
 * jsonb differently (PGlite parses it as JSON text, so the string '1.25' became the number 1.25), so every jsonb
 * write in the infrastructure modules goes through this one function.
 */
import { sql, type SQL } from 'drizzle-orm'

export function jsonb(value: unknown): SQL {
  return sql`${JSON.stringify(value ?? null)}::text::jsonb`
}
