/**
 * Writes Asobancaria 2001 recaudo files (../shared/domain/formats.md §1) from the same field tables the parser reads,
 * for test fixtures, benchmarks and the demo. It computes the 08/09 controls itself; tests that need a broken file
 * edit the generated lines. Accepts a parsed file as input, so parse → build round-trips.
 */
import { type MoneyInput, money, toDb } from '~/billing/money'
import { ASOBANCARIA_2001_LINE_LENGTH, LAYOUT_2001, type RecordType } from './asobancaria-layout'

export interface AsobancariaBuildPayment {
  reference: string
  amount: MoneyInput
  procedencia?: string
  medio?: string
  operation?: string
  authorization?: string
  debitBank?: string
  branch?: string
  /** Defaults to the payment's position in the file (1, 2, …). */
  sequence?: string
  returnCause?: string | null
}

export interface AsobancariaBuildInput {
  header: {
    nit: string
    collectionDate: string // IsoDate
    bankCode: string
    account: string
    generatedOn: string // IsoDate
    generatedAt: string // 'HH:MM'
    modifier: string
    accountType: string
  }
  lotes: ReadonlyArray<{ number?: number; serviceCode: string; payments: readonly AsobancariaBuildPayment[] }>
}

export interface AsobancariaBuildOptions {
  lineEnding?: '\n' | '\r\n'
  /** 'all' pads every line to 162 (the standard); 'none' trims the reserved tail; 'all-but-last' mimics real banks. */
  padding?: 'all' | 'none' | 'all-but-last'
  finalNewline?: boolean
}

type Values = Record<string, string>

/** Integer centavos of an amount; refuses fractions of a centavo and negative amounts. */
function toCents(amount: MoneyInput): bigint {
  const text = typeof amount === 'string' && /^\d+\.\d{2}$/.test(amount) ? amount : toDb(money(amount))
  if (text.startsWith('-')) throw new Error(`valor negativo «${text}»`)
  return BigInt(text.replace('.', ''))
}

function formatRecord(type: RecordType, values: Values): string {
  let line = type
  for (const field of LAYOUT_2001[type]) {
    const value = values[field.key] ?? ''
    let text: string
    if (field.kind === 'money')
      text = value.padStart(field.length, '0') // integer centavos (2 implied decimals)
    else if (field.kind === 'date') text = value.replaceAll('-', '')
    else if (field.kind === 'time') text = value.replace(':', '')
    // The reference is right-aligned and zero-filled like a number (§1.5), though it may carry letters.
    else if (field.kind === 'N' || field.key === 'reference') text = value.padStart(field.length, '0')
    else text = value.padEnd(field.length, ' ')
    if (text.length !== field.length)
      throw new Error(`${field.label}: «${value}» no cabe en ${field.length} posiciones`)
    line += text
  }
  return line.padEnd(ASOBANCARIA_2001_LINE_LENGTH, ' ')
}

export function buildAsobancaria2001(
  input: AsobancariaBuildInput,
  options: AsobancariaBuildOptions = {},
): string {
  const { lineEnding = '\r\n', padding = 'all', finalNewline = true } = options
  const lines = [formatRecord('01', { ...input.header })]
  let fileCount = 0
  let fileSum = 0n
  input.lotes.forEach((lote, index) => {
    const number = String(lote.number ?? index + 1)
    lines.push(formatRecord('05', { serviceCode: lote.serviceCode, lote: number }))
    let sum = 0n
    for (const p of lote.payments) {
      fileCount++
      const cents = toCents(p.amount)
      sum += cents
      lines.push(
        formatRecord('06', {
          reference: p.reference,
          amount: cents.toString(),
          procedencia: p.procedencia ?? '01',
          medio: p.medio ?? '01',
          operation: p.operation ?? '0',
          authorization: p.authorization ?? '0',
          debitBank: p.debitBank ?? '0',
          branch: p.branch ?? '0',
          sequence: p.sequence ?? String(fileCount),
          returnCause: p.returnCause ?? '',
        }),
      )
    }
    fileSum += sum
    lines.push(
      formatRecord('08', { count: String(lote.payments.length), total: sum.toString(), lote: number }),
    )
  })
  lines.push(formatRecord('09', { count: String(fileCount), total: fileSum.toString() }))
  const shaped = lines.map((l, i) =>
    padding === 'none' || (padding === 'all-but-last' && i === lines.length - 1) ? l.trimEnd() : l,
  )
  return shaped.join(lineEnding) + (finalNewline ? lineEnding : '')
}
