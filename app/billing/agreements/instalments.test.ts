import { describe, expect, test } from 'vitest'
import { sum } from '~/billing/money'
import { evenInstalment, instalmentAmount } from './instalments'

describe('agreement instalments', () => {
  test.each([
    ['100000.00', 3, '33333.00', '33334.00'],
    ['90000.00', 3, '30000.00', '30000.00'],
    ['125430.50', 4, '31357.00', '31359.50'],
    ['7.00', 7, '1.00', '1.00'],
    ['50000.00', 1, '50000.00', '50000.00'],
  ])('%s in %i instalments: %s each, the last %s, adding up to the principal', (principal, n, each, last) => {
    const terms = { principal, instalments: n, instalment_amount: evenInstalment(principal, n)! }
    expect(terms.instalment_amount).toBe(each)
    const all = Array.from({ length: n }, (_, i) => instalmentAmount(terms, i + 1))
    expect(all.at(-1)).toBe(last)
    expect(sum(all).toFixed(2)).toBe(principal)
  })

  test('no instalment under one peso', () => {
    expect(evenInstalment('5.00', 6)).toBeNull()
  })
})
