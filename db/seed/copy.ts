/**
 * Bulk load with COPY … FROM STDIN (text format), whichever driver is underneath: postgres.js streams into
 * `sql\`copy …\`.writable()`; PGlite reads the same text from a Blob through `/dev/blob`. Several times faster than
 * INSERT for the seed (STACK.md: ~280k rows/s on the server, ~100k on PGlite).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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

/** Writes rows into `table (columns)`; returns the number of rows written. */
export async function copyRows(table: string, columns: readonly string[], rows: ReadonlyArray<readonly CopyValue[]>): Promise<number> {
  if (rows.length === 0) return 0
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`copyRows: invalid identifier in ${table}`)
  const statement = `copy ${table} (${columns.join(', ')}) from stdin`
  const eng = engine()
  const text = copyText(rows)
  if (eng.kind === 'postgres') {
    const writable = await eng.sql.unsafe(statement).writable()
    await pipeline(Readable.from([text]), writable)
  } else {
    await eng.pg.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) })
  }
  return rows.length
}
