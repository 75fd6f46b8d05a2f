/**
 * Parser of a cycle's readings file. Pure: the text in, rows and line-numbered errors out.
 *
 * Format (documented on the import page):
 * - UTF-8 (a BOM is ignored), separator `,` or `;` (chosen from the header line, as Excel in es-CO exports `;`).
 * - Header, in this order, case-insensitive: `cuenta,lectura,fecha,lector,anomalia`.
 * - `cuenta`: account number; `lectura`: whole m³ on the register, empty only with an anomaly code;
 *   `fecha`: the reading date as dd/mm/aaaa (the Colombian way, one format only); `lector`: reader code;
 *   `anomalia`: optional anomaly code (e.g. `SL` sin lectura, `MD` medidor dañado).
 * - Blank lines are skipped; line numbers count every physical line, the header being line 1.
 */
export const READING_COLUMNS = ['cuenta', 'lectura', 'fecha', 'lector', 'anomalia'] as const

export type ParsedReading = {
  line: number
  accountNumber: string
  value: number | null
  readOn: string // IsoDate
  readerCode: string
  anomalyCode: string | null
}

export type LineError = { line: number; message: string }

export type ParseResult = { rows: ParsedReading[]; errors: LineError[] }

/** dd/mm/aaaa → IsoDate, or null when it is not a real calendar date. */
export function parseSpanishDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (!m) return null
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function splitLine(line: string, separator: string): string[] {
  return line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())
}

export function parseReadingsCsv(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const header = lines[0] ?? ''
  const separator = header.includes(';') ? ';' : ','
  const columns = splitLine(header, separator).map((c) => c.toLowerCase())
  const missing = READING_COLUMNS.filter((c) => !columns.includes(c))
  if (missing.length > 0 || columns.length !== READING_COLUMNS.length) {
    const detail = missing.length > 0 ? `faltan las columnas ${missing.join(', ')}` : 'sobran columnas'
    return {
      rows: [],
      errors: [{ line: 1, message: `Encabezado inválido: ${detail}. Debe ser exactamente: ${READING_COLUMNS.join(separator)}.` }],
    }
  }
  const at = Object.fromEntries(READING_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<(typeof READING_COLUMNS)[number], number>
  const rows: ParsedReading[] = []
  const errors: LineError[] = []
  const seen = new Map<string, number>()
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2
    if (raw.trim() === '') return
    const cells = splitLine(raw, separator)
    if (cells.length !== READING_COLUMNS.length) {
      errors.push({ line, message: `Tiene ${cells.length} columnas y deben ser ${READING_COLUMNS.length}.` })
      return
    }
    const accountNumber = cells[at.cuenta]!
    const valueText = cells[at.lectura]!
    const dateText = cells[at.fecha]!
    const readerCode = cells[at.lector]!
    const anomalyCode = cells[at.anomalia]! || null
    const problems: string[] = []
    if (!accountNumber) problems.push('falta la cuenta')
    let value: number | null = null
    if (valueText === '') {
      if (!anomalyCode) problems.push('sin lectura debe indicar un código de anomalía')
    } else if (!/^\d{1,9}$/.test(valueText)) {
      problems.push(`la lectura «${valueText}» no es un número entero de m³`)
    } else {
      value = Number(valueText)
    }
    const readOn = parseSpanishDate(dateText)
    if (!readOn) problems.push(`la fecha «${dateText}» no es válida (use dd/mm/aaaa)`)
    if (!readerCode) problems.push('falta el código del lector')
    if (anomalyCode && !/^[A-Za-z0-9_-]{1,10}$/.test(anomalyCode)) problems.push(`el código de anomalía «${anomalyCode}» no es válido`)
    if (accountNumber) {
      const first = seen.get(accountNumber)
      if (first !== undefined) problems.push(`la cuenta ${accountNumber} ya aparece en la línea ${first}`)
      else seen.set(accountNumber, line)
    }
    if (problems.length > 0) {
      errors.push({ line, message: capitalise(problems.join('; ')) + '.' })
      return
    }
    rows.push({ line, accountNumber, value, readOn: readOn!, readerCode, anomalyCode })
  })
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'El archivo no tiene lecturas.' })
  return { rows, errors }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export type AccountForReading = { accountId: string; meterId: string | null; isMeterActive: boolean; dialDigits: number }
export type PeriodWindow = { code: string; startsOn: string; issueOn: string }

/**
 * Checks parsed rows against the cycle: the account exists in it, has an active meter, the date falls in the period
 * (from its start to its issue date, when meters are read) and the value fits the register.
 */
export function checkReadingsAgainstCycle(
  rows: ParsedReading[],
  accountsByNumber: Map<string, AccountForReading>,
  period: PeriodWindow,
): LineError[] {
  const errors: LineError[] = []
  for (const row of rows) {
    const account = accountsByNumber.get(row.accountNumber)
    const problems: string[] = []
    if (!account) problems.push(`la cuenta ${row.accountNumber} no existe en este ciclo`)
    else if (!account.meterId || !account.isMeterActive) problems.push(`la cuenta ${row.accountNumber} no tiene un medidor activo`)
    else if (row.value !== null && row.value >= 10 ** account.dialDigits) {
      problems.push(`la lectura ${row.value} no cabe en un medidor de ${account.dialDigits} dígitos`)
    }
    if (row.readOn < period.startsOn || row.readOn > period.issueOn) {
      problems.push(`la fecha ${fmt(row.readOn)} está fuera del periodo ${period.code} (${fmt(period.startsOn)} a ${fmt(period.issueOn)})`)
    }
    if (problems.length > 0) errors.push({ line: row.line, message: capitalise(problems.join('; ')) + '.' })
  }
  return errors
}

function fmt(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}
