/**
 * May this database role switch off per-row triggers (session_replication_role = replica)? A superuser may, and so
 * may a role granted `SET ON PARAMETER session_replication_role` (PostgreSQL 15+). Bulk writers (the liquidation's
 * COPYs, a bank file's allocations) then skip the foreign-key trigger each row would fire, because the rows they
 * reference were read or made in the same transaction. Remembered per process: a role's grants do not change while
 * the app runs.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'

let known: boolean | undefined

export async function maySkipRowTriggers(db: DbOrTx): Promise<boolean> {
  if (known !== undefined) return known
  try {
    const [row] = await rows<{ ok: boolean }>(db, sql`select has_parameter_privilege('session_replication_role', 'SET') as ok`)
    known = row?.ok === true
  } catch {
    known = false
  }
  return known
}
