import { describe, expect, it } from 'vitest'
import { makePaymentReference } from '~/billing/payment-reference'
import { FINAL_STATUSES, TRANSACTION_STATUSES, attemptReference, parseAttemptReference } from './gateway'

describe('attempt references', () => {
  it('append the attempt number to the payment reference and split back', () => {
    const ref = makePaymentReference(123)
    expect(attemptReference(ref, 2)).toBe('0000001230-2')
    expect(parseAttemptReference('0000001230-2')).toEqual({ paymentReference: '0000001230', attempt: 2 })
  })

  it('refuse attempt 0 and malformed references', () => {
    expect(() => attemptReference('0000001230', 0)).toThrow()
    expect(parseAttemptReference('0000001230')).toBeNull()
    expect(parseAttemptReference('0000001230-0')).toBeNull()
    expect(parseAttemptReference('FAC-1-x')).toBeNull()
  })
})

it('PENDING is the only non-final status (formats.md §3.5)', () => {
  expect(TRANSACTION_STATUSES.filter((s) => !FINAL_STATUSES.has(s))).toEqual(['PENDING'])
})
