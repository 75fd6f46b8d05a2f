import { gs1CheckDigit } from '~/utils/check-digits'
import { expect, test } from 'vitest'
import {
  isValidPaymentReference,
  luhnCheckDigit,
  makePaymentReference,
  paymentReferenceSequence,
} from './payment-reference'

test.each([
  ['7992739871', '3'], // the textbook Luhn example
  ['000000001', '8'],
  ['000000000', '0'],
])('the Luhn check digit of %s is %s', (body, digit) => {
  expect(luhnCheckDigit(body)).toBe(digit)
})

test.each([
  [1, '0000000018'],
  [123456, '0001234566'],
  [987654321n, '9876543217'],
  [12345678901n, '123456789015'],
])('makePaymentReference(%s) is %s', (seq, ref) => {
  expect(makePaymentReference(seq)).toBe(ref)
  expect(isValidPaymentReference(ref)).toBe(true)
  expect(paymentReferenceSequence(ref)).toBe(BigInt(seq))
})

test('a bank file that zero-pads the reference still validates and gives the same sequence', () => {
  const ref = makePaymentReference(4521)
  const padded = ref.padStart(48, '0')
  expect(isValidPaymentReference(padded)).toBe(true)
  expect(paymentReferenceSequence(padded)).toBe(4521n)
})

test.each([
  ['0001234567', 'wrong check digit'],
  ['0001234576', 'two digits swapped'],
  ['', 'empty'],
  ['00000', 'only zeros'],
  ['12A4', 'not numeric'],
])('%s is not a valid reference (%s)', (ref) => {
  expect(isValidPaymentReference(ref)).toBe(false)
})

test('a sequence below 1 is refused', () => {
  expect(() => makePaymentReference(0)).toThrow()
})

test.each([
  ['770999803993', '3'],
  ['770999877691', '3'],
  ['770999845471', '2'],
])('the GS1 check digit of GLN body %s is %s (formats.md §2 samples)', (body, digit) => {
  expect(gs1CheckDigit(body)).toBe(digit)
})
