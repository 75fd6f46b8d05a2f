/**
 * Canonical JSON for hashing: object keys sorted, no whitespace, `undefined` dropped as JSON.stringify drops it.
 * The same entry always gives the same string, in Node or in any other language that follows these rules, so a
 * chain can be re-verified independently of how PostgreSQL's jsonb reorders keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const out = JSON.stringify(value)
    return out === undefined ? 'null' : out
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}
