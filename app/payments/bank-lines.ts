/**
 * First pass over the payments of a parsed Asobancaria file (pure): lines the bank itself marked as returned or
 * that carry no money are not applied; references with a wrong check digit cannot be trusted to name an invoice and
 * go to pagos por identificar; the rest are candidates to match by reference. Raw channel codes are counted as they
 * came (formats.md §1.7: banks and aggregators use unpublished codes).
 */
import type { AsobancariaFile } from './asobancaria'
import { isValidPaymentReference, makePaymentReference, paymentReferenceSequence } from '~/billing/payment-reference'

export type BankLine = { line: number; rawReference: string; amount: string; channel: string }
export type CandidateLine = BankLine & { reference: string }

export type ClassifiedLines = {
  candidates: CandidateLine[]
  badCheckDigit: BankLine[]
  rejected: Array<{ line: number; reason: string }>
  channels: Record<string, number>
  total: number
}

/**
 * The invoice's own spelling of a reference read from a bank file (leading zeros already stripped, formats.md §1.5),
 * or null when its check digit is wrong.
 */
export function canonicalReference(reference: string): string | null {
  if (!isValidPaymentReference(reference)) return null
  const sequence = paymentReferenceSequence(reference)
  return sequence === null || sequence < 1n ? null : makePaymentReference(sequence)
}

const isZero = (amount: string) => /^[0.]+$/.test(amount)

export function classifyLines(file: AsobancariaFile): ClassifiedLines {
  const out: ClassifiedLines = { candidates: [], badCheckDigit: [], rejected: [], channels: {}, total: 0 }
  for (const lote of file.lotes) {
    for (const p of lote.payments) {
      out.total++
      const channel = `${p.procedencia}-${p.medio}`
      out.channels[channel] = (out.channels[channel] ?? 0) + 1
      if (p.returnCause) {
        out.rejected.push({ line: p.line, reason: `El banco informó la causal de devolución «${p.returnCause}»; el pago no se aplica.` })
        continue
      }
      if (isZero(p.amount)) {
        out.rejected.push({ line: p.line, reason: 'El valor recaudado es cero.' })
        continue
      }
      const reference = canonicalReference(p.reference)
      if (reference) out.candidates.push({ line: p.line, rawReference: p.reference, amount: p.amount, channel, reference })
      else out.badCheckDigit.push({ line: p.line, rawReference: p.reference, amount: p.amount, channel })
    }
  }
  return out
}
