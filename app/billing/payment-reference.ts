/**
 * The numeric payment reference printed on each invoice (GS1-128 AI 8020, Asobancaria "referencia principal") and
 * reported back by banks. Body = a sequence number zero-padded to 9 digits; last digit = Luhn (mod 10) check digit.
 * Luhn was chosen because leading zeros do not change it, and bank files zero-pad references (formats.md §1:
 * "right-aligned, zero-filled; parsers strip leading zeros"), so '0001234567' and '1234567' validate alike.
 */
const MIN_BODY_DIGITS = 9
const MAX_REFERENCE_DIGITS = 25 // GS1 AI 8020 is X..25

/** Luhn check digit of a digit string (the digit that makes body + digit pass the Luhn test). */
export function luhnCheckDigit(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function makePaymentReference(seq: bigint | number): string {
  const n = typeof seq === 'bigint' ? seq : BigInt(seq)
  if (n < 1n) throw new Error('La secuencia de la referencia de pago debe ser positiva')
  const body = n.toString().padStart(MIN_BODY_DIGITS, '0')
  if (body.length + 1 > MAX_REFERENCE_DIGITS) throw new Error('La referencia de pago excede 25 dígitos')
  return body + luhnCheckDigit(body)
}

/** True for a reference made by makePaymentReference, with or without extra leading zeros. */
export function isValidPaymentReference(ref: string): boolean {
  const trimmed = ref.trim()
  if (!/^\d{2,}$/.test(trimmed)) return false
  const significant = trimmed.replace(/^0+/, '')
  if (significant.length < 2 || significant.length > MAX_REFERENCE_DIGITS) return false
  return luhnCheckDigit(trimmed.slice(0, -1)) === trimmed.slice(-1)
}

/** The sequence number inside a valid reference, or null. */
export function paymentReferenceSequence(ref: string): bigint | null {
  if (!isValidPaymentReference(ref)) return null
  return BigInt(ref.trim().slice(0, -1))
}
