/**
 * COPY text format (PostgreSQL "COPY … FROM STDIN", text mode): one line per row, tab-separated, `\N` for null,
 * backslash escapes for backslash, tab, newline and carriage return. The liquidation writes its rows this way on both
 * engines (postgres.js streams it; PGlite reads it from a Blob through /dev/blob).
 */
export type CopyField = string | number | null | undefined

const SPECIAL = /[\\\t\n\r]/

function escape(value: string): string {
  if (!SPECIAL.test(value)) return value
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

/** One field of a row. */
export function copyField(value: CopyField): string {
  if (value === null || value === undefined) return '\\N'
  return typeof value === 'number' ? String(value) : escape(value)
}

/** One row, newline included. */
export function copyRow(values: readonly CopyField[]): string {
  let out = copyField(values[0])
  for (let i = 1; i < values.length; i++) out += '\t' + copyField(values[i])
  return out + '\n'
}
