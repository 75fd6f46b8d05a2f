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
  BANK_NAMES,
  LAYOUT_2001,
  NEXT_RECORDS,
  RECORD_NAMES,
  RECORD_TYPES,
  type RecordType,
} from './asobancaria-layout'

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

type Values = Record<string, string>

// Sums run on integer centavos (formats.md §7.1: keep integers, never floats): a 100 000-payment file must parse in
// well under the import budget, and BigInt is both exact and far cheaper than a Decimal per line.
const centsToDecimal = (cents: bigint): string => {
  const digits = cents.toString().padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}
const decimalToCents = (amount: string): bigint => BigInt(amount.replace('.', ''))

const pesos = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const showMoney = (cents: bigint): string => `$ ${pesos.format(centsToDecimal(cents) as `${number}`)}`

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

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Slices and checks every field of one record; returns null when a field is invalid (errors pushed). */
function readFields(
  type: RecordType,
  padded: string,
  line: number,
  errors: AsobancariaError[],
): Values | null {
  const values: Values = {}
  let valid = true
  for (const field of LAYOUT_2001[type]) {
    const raw = padded.slice(field.start - 1, field.start - 1 + field.length)
    const bad = (why: string) => {
      errors.push({
        line,
        message: `${field.label} (posiciones ${field.start}–${field.start + field.length - 1}): ${why}`,
      })
      valid = false
    }
    if (field.kind === 'AN') {
      values[field.key] = raw.trim()
    } else if (!/^\d+$/.test(raw)) {
      bad(`debe ser numérico y se leyó «${raw.trimEnd()}»`)
    } else if (field.kind === 'money') {
      values[field.key] = centsToDecimal(BigInt(raw))
    } else if (field.kind === 'date') {
      const [y, m, d] = [raw.slice(0, 4), raw.slice(4, 6), raw.slice(6, 8)]
      if (isRealDate(Number(y), Number(m), Number(d))) values[field.key] = `${y}-${m}-${d}`
      else bad(`la fecha «${raw}» no existe (formato AAAAMMDD)`)
    } else if (field.kind === 'time') {
      if (Number(raw.slice(0, 2)) < 24 && Number(raw.slice(2)) < 60)
        values[field.key] = `${raw.slice(0, 2)}:${raw.slice(2)}`
      else bad(`la hora «${raw}» no es válida (formato HHMM)`)
    } else {
      values[field.key] = raw
    }
  }
  return valid ? values : null
}

interface OpenLote {
  lote: AsobancariaLote
  details: number
  sum: bigint
  amountsValid: boolean
  headerValid: boolean
}

/** Running state of one parse; each record handler updates it and pushes its errors. */
class ParseState {
  readonly errors: AsobancariaError[] = []
  header: AsobancariaHeader | null = null
  readonly lotes: AsobancariaLote[] = []
  open: OpenLote | null = null
  fileDetails = 0
  fileSum = 0n
  fileAmountsValid = true
  closed = false

  error(line: number, message: string) {
    this.errors.push({ line, message })
  }

  onHeader(v: Values) {
    if (this.header) return
    const bankCode = v.bankCode!
    this.header = {
      nit: v.nit!,
      collectionDate: v.collectionDate!,
      bankCode,
      bankName: BANK_NAMES[bankCode] ?? null,
      account: v.account!,
      generatedOn: v.generatedOn!,
      generatedAt: v.generatedAt!,
      modifier: v.modifier!,
      accountType: v.accountType!,
    }
  }

  onLoteHeader(v: Values | null, line: number) {
    const number = v ? Number(v.lote) : 0
    if (v && this.lotes.some((l) => l.number === number))
      this.error(line, `El lote ${v.lote} está repetido en el archivo`)
    const lote: AsobancariaLote = {
      line,
      number,
      serviceCode: v?.serviceCode ?? '',
      payments: [],
      totals: { count: 0, amount: '0.00' },
    }
    this.lotes.push(lote)
    this.open = { lote, details: 0, sum: 0n, amountsValid: true, headerValid: v !== null }
  }

  onDetail(v: Values | null, line: number) {
    const open = this.open
    if (!open) return
    open.details++
    this.fileDetails++
    if (!v) {
      open.amountsValid = false
      this.fileAmountsValid = false
      return
    }
    const reference = v.reference!.replace(/^0+/, '')
    if (reference === '') this.error(line, 'La referencia principal (posiciones 3–50) está vacía')
    const cents = decimalToCents(v.amount!)
    open.sum += cents
    this.fileSum += cents
    const field = (key: string): string => v[key] ?? ''
    open.lote.payments.push({
      line,
      reference,
      amount: field('amount'),
      procedencia: field('procedencia'),
      medio: field('medio'),
      operation: field('operation'),
      authorization: field('authorization'),
      debitBank: field('debitBank'),
      branch: field('branch'),
      sequence: field('sequence'),
      returnCause: v.returnCause === '' || v.returnCause === '000' ? null : field('returnCause'),
    })
  }

  onLoteControl(v: Values | null, line: number) {
    const open = this.open
    if (!open) return
    this.open = null
    const { lote } = open
    lote.totals = { count: open.details, amount: centsToDecimal(open.sum) }
    if (!v) return
    const name = String(lote.number).padStart(4, '0')
    if (open.headerValid && Number(v.lote) !== lote.number)
      this.error(line, `El control de lote (08) indica el lote ${v.lote}, pero cierra el lote ${name}`)
    if (Number(v.count) !== open.details)
      this.error(
        line,
        `El lote ${name} declara ${Number(v.count)} pagos en su control (08), pero contiene ${open.details}`,
      )
    const declared = decimalToCents(v.total!)
    if (open.amountsValid && declared !== open.sum)
      this.error(
        line,
        `El lote ${name} declara un total de ${showMoney(declared)}, pero sus pagos suman ${showMoney(open.sum)}`,
      )
  }

  onFileControl(v: Values | null, line: number) {
    this.closed = true
    if (!v) return
    if (Number(v.count) !== this.fileDetails)
      this.error(
        line,
        `El control de archivo (09) declara ${Number(v.count)} pagos, pero el archivo contiene ${this.fileDetails}`,
      )
    const declared = decimalToCents(v.total!)
    if (this.fileAmountsValid && declared !== this.fileSum)
      this.error(
        line,
        `El control de archivo (09) declara un total de ${showMoney(declared)}, pero los pagos suman ${showMoney(this.fileSum)}`,
      )
  }
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
