/**
 * Pure, table-driven parser for Asobancaria 2001 recaudo files (../shared/domain/formats.md §1). It validates the
 * structure and the control totals and collects every error with its 1-based line number; applying the payments,
 * duplicate checks against the database and reference check digits are the importer's job.
 *
 * Tolerances taken from real bank files (§1.2): CRLF or LF, a missing final newline, lines shorter than 162
 * characters (right-padded with spaces before slicing), trailing blank lines, a UTF-8 BOM.
 */
import { createHash } from 'node:crypto'
import {
  ASOBANCARIA_2001_LINE_LENGTH,
  NEXT_RECORDS,
  RECORD_NAMES,
  RECORD_TYPES,
  type RecordType,
} from './asobancaria-layout'
import { ParseState, centsToDecimal, readFields } from './asobancaria-records'

export * from './asobancaria-layout'
export { buildAsobancaria2001 } from './asobancaria-writer'

export interface AsobancariaHeader {
  /** 10 digits as sent: in the samples, the 9-digit NIT followed by its DV. */
  nit: string
  collectionDate: string // IsoDate
  bankCode: string
  bankName: string | null
  account: string
  generatedOn: string // IsoDate
  generatedAt: string // 'HH:MM'
  modifier: string
  accountType: string
}

export interface AsobancariaPayment {
  line: number
  /** Leading zeros stripped (§1.5); the check digit is verified by the importer. */
  reference: string
  /** Decimal string with 2 decimals ('85400.00'). */
  amount: string
  /** Raw codes (§1.7); see describeProcedencia / describeMedio for labels. */
  procedencia: string
  medio: string
  operation: string
  authorization: string
  debitBank: string
  branch: string
  sequence: string
  /** null when blank or '000' (paid normally). */
  returnCause: string | null
}

export interface AsobancariaLote {
  line: number
  number: number
  serviceCode: string
  payments: AsobancariaPayment[]
  totals: { count: number; amount: string }
}

export interface AsobancariaFile {
  header: AsobancariaHeader
  lotes: AsobancariaLote[]
  totals: { count: number; amount: string }
}

export interface AsobancariaError {
  line: number
  message: string
}

export type AsobancariaParseResult =
  { ok: true; file: AsobancariaFile } | { ok: false; errors: AsobancariaError[] }

/** Lines of the file without line ends, BOM or trailing blank lines. */
function splitLines(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return lines
}

/** sha256 of the content with line ends and padding normalised, so a re-sent file is recognised (§1.6). */
export function asobancariaContentHash(content: string): string {
  const normalised = splitLines(content)
    .map((l) => l.trimEnd())
    .join('\n')
  return createHash('sha256').update(normalised, 'utf8').digest('hex')
}

/** Key of a duplicate file: NIT + fecha de recaudo + banco + modificador (§1.6). */
export function asobancariaDuplicateKey(
  header: Pick<AsobancariaHeader, 'nit' | 'collectionDate' | 'bankCode' | 'modifier'>,
): string {
  return [header.nit, header.collectionDate, header.bankCode, header.modifier].join('|')
}

function orderMessage(type: RecordType, previous: RecordType | 'start'): string {
  const after = previous === 'start' ? 'al inicio del archivo' : `después de un ${RECORD_NAMES[previous]}`
  const expected = NEXT_RECORDS[previous].map((t) => RECORD_NAMES[t]).join(' o ')
  return `Registro fuera de orden: ${RECORD_NAMES[type]} ${after}; se esperaba ${expected}`
}

export function parseAsobancaria2001(content: string): AsobancariaParseResult {
  const lines = splitLines(content)
  const state = new ParseState()
  let previous: RecordType | 'start' = 'start'
  if (lines.length === 0) state.error(1, 'El archivo está vacío')

  lines.forEach((raw, index) => {
    const line = index + 1
    if (state.closed) return state.error(line, 'Hay contenido después del control de archivo (09)')
    // A line too long is still counted as its record type, so the control totals do not cascade into more errors.
    const tooLong = raw.length > ASOBANCARIA_2001_LINE_LENGTH
    if (tooLong)
      state.error(line, `La línea tiene ${raw.length} caracteres; el formato Asobancaria 2001 admite 162`)
    const type = raw.slice(0, 2) as RecordType
    if (!RECORD_TYPES.includes(type))
      return state.error(line, `Tipo de registro desconocido «${raw.slice(0, 2)}»`)
    const ordered = NEXT_RECORDS[previous].includes(type)
    if (!ordered) state.error(line, orderMessage(type, previous))
    const values = tooLong
      ? null
      : readFields(type, raw.padEnd(ASOBANCARIA_2001_LINE_LENGTH, ' '), line, state.errors)
    previous = type
    if (type === '01') return values && state.onHeader(values)
    if (type === '05') {
      if (state.open) state.open = null // the previous lote had no 08: already reported as an order error
      return state.onLoteHeader(values, line)
    }
    if (type === '06') return state.onDetail(values, line)
    if (type === '08') return state.onLoteControl(values, line)
    return state.onFileControl(values, line)
  })

  const last = Math.max(lines.length, 1)
  if (lines.length > 0 && !state.closed)
    state.error(last, 'Falta el control de archivo (09) al final del archivo')
  if (state.errors.length > 0 || !state.header) return { ok: false, errors: state.errors }
  const count = state.lotes.reduce((n, l) => n + l.payments.length, 0)
  return {
    ok: true,
    file: {
      header: state.header,
      lotes: state.lotes,
      totals: { count, amount: centsToDecimal(state.fileSum) },
    },
  }
}
