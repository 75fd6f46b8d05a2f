/**
 * Record-level work of the Asobancaria 2001 parser (../shared/domain/formats.md §1.3–§1.6): slicing and checking the
 * fields of one record, and the running state that checks lote and file control totals.
 */
import type { AsobancariaError, AsobancariaHeader, AsobancariaLote } from './asobancaria'
import { BANK_NAMES, LAYOUT_2001, type FieldSpec, type RecordType } from './asobancaria-layout'

export type Values = Record<string, string>

// Sums run on integer centavos (formats.md §7.1: keep integers, never floats): a 100 000-payment file must parse in
// well under the import budget, and BigInt is both exact and far cheaper than a Decimal per line.
export const centsToDecimal = (cents: bigint): string => {
  const digits = cents.toString().padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}
const decimalToCents = (amount: string): bigint => BigInt(amount.replace('.', ''))

const pesos = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const showMoney = (cents: bigint): string => `$ ${pesos.format(centsToDecimal(cents) as `${number}`)}`

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const fieldError = (field: FieldSpec, line: number, why: string): AsobancariaError => ({
  line,
  message: `${field.label} (posiciones ${field.start}–${field.start + field.length - 1}): ${why}`,
})

/** The value of one field, or the reason it is invalid (an object, so the two cannot be confused). */
function readField(field: FieldSpec, raw: string): string | { why: string } {
  if (field.kind === 'AN') return raw.trim()
  if (!/^\d+$/.test(raw)) return { why: `debe ser numérico y se leyó «${raw.trimEnd()}»` }
  if (field.kind === 'money') return centsToDecimal(BigInt(raw))
  if (field.kind === 'date') {
    const [y, m, d] = [raw.slice(0, 4), raw.slice(4, 6), raw.slice(6, 8)]
    return isRealDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : { why: `la fecha «${raw}» no existe (formato AAAAMMDD)` }
  }
  if (field.kind === 'time')
    return Number(raw.slice(0, 2)) < 24 && Number(raw.slice(2)) < 60 ? `${raw.slice(0, 2)}:${raw.slice(2)}` : { why: `la hora «${raw}» no es válida (formato HHMM)` }
  return raw
}

/**
 * Slices and checks every field of one record; returns null when a field is invalid (errors pushed). Runs once per
 * field of every line (a million times for a 100,000-payment file): no closures or intermediate objects per field.
 */
export function readFields(
  type: RecordType,
  padded: string,
  line: number,
  errors: AsobancariaError[],
): Values | null {
  const values: Values = {}
  let valid = true
  for (const field of LAYOUT_2001[type]) {
    const value = readField(field, padded.slice(field.start - 1, field.start - 1 + field.length))
    if (typeof value === 'string') values[field.key] = value
    else {
      errors.push(fieldError(field, line, value.why))
      valid = false
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
export class ParseState {
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
    // Every field of a valid detail record is present (readFields); `?? ''` only satisfies the index type.
    open.lote.payments.push({
      line,
      reference,
      amount: v.amount ?? '',
      procedencia: v.procedencia ?? '',
      medio: v.medio ?? '',
      operation: v.operation ?? '',
      authorization: v.authorization ?? '',
      debitBank: v.debitBank ?? '',
      branch: v.branch ?? '',
      sequence: v.sequence ?? '',
      returnCause: v.returnCause === '' || v.returnCause === '000' ? null : (v.returnCause ?? null),
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
