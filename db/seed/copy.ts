/**
 * Bulk load with COPY … FROM STDIN (text format), whichever driver is underneath: postgres.js streams into
 * `sql\`copy …\`.writable()`; PGlite reads the same text from a Blob through `/dev/blob`. Several times faster than
 * INSERT for the seed (STACK.md: ~280k rows/s on the server, ~100k on PGlite).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PGlite } from '@electric-sql/pglite'
import type postgres from 'postgres'
import { engine } from '../../app/db.server'

export type CopyValue = string | number | boolean | null | undefined | readonly string[] | Record<string, unknown>

function escapeText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => (/^[A-Za-z0-9_]+$/.test(i) ? i : `"${i.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`
}

/** One COPY text-format field. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return escapeText(value)
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as readonly string[]))
  return escapeText(JSON.stringify(value))
}

export function copyText(rows: ReadonlyArray<readonly CopyValue[]>): string {
  let out = ''
  for (const row of rows) out += row.map(copyField).join('\t') + '\n'
  return out
}

const IDENT = /^[a-z_][a-z0-9_]*$/

type Target = { kind: 'postgres'; sql: postgres.Sql | postgres.ReservedSql } | { kind: 'pglite'; pg: PGlite }

/** A COPY target: the pool by default, or the session of `withBulkSession`. */
export type BulkSession = { target: Target; skipsTriggers: boolean }

/**
 * Runs `fn` on one dedicated session. With `trusted`, that session sets session_replication_role = replica when the
 * role may (superuser), which skips per-row foreign-key triggers: only for generated data that is consistent by
 * construction on an empty database (the demo seed); its tests check referential integrity afterwards.
 */
export async function withBulkSession<T>(opts: { trusted: boolean }, fn: (session: BulkSession) => Promise<T>): Promise<T> {
  const eng = engine()
  if (eng.kind === 'pglite') {
    const skipsTriggers = opts.trusted && (await trySet((q) => eng.pg.exec(q)))
    try {
      return await fn({ target: eng, skipsTriggers })
    } finally {
      if (skipsTriggers) await eng.pg.exec('reset session_replication_role')
    }
  }
  const reserved = await eng.sql.reserve()
  const skipsTriggers = opts.trusted && (await trySet((q) => reserved.unsafe(q)))
  try {
    return await fn({ target: { kind: 'postgres', sql: reserved }, skipsTriggers })
  } finally {
    if (skipsTriggers) await reserved.unsafe('reset session_replication_role')
    reserved.release()
  }
}

async function trySet(run: (q: string) => Promise<unknown>): Promise<boolean> {
  try {
    await run('set session_replication_role = replica')
    return true
  } catch {
    return false // not a superuser: keep the triggers, only slower
  }
}

/** Writes rows into `table (columns)`; returns the number of rows written. */
export async function copyRows(
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly CopyValue[]>,
  session?: BulkSession,
): Promise<number> {
  if (rows.length === 0) return 0
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`copyRows: invalid identifier in ${table}`)
  const statement = `copy ${table} (${columns.join(', ')}) from stdin`
  const eng: Target = session?.target ?? engine()
  const text = copyText(rows)
  if (eng.kind === 'postgres') {
    const writable = await eng.sql.unsafe(statement).writable()
    await pipeline(Readable.from([text]), writable)
  } else {
    await eng.pg.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) })
  }
  return rows.length
}
