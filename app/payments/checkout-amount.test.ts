import { describe, expect, test } from 'vitest'
import { resolveAmount } from './checkout-amount'
import { PayOnlineSchema } from './checkout-schema'

const facts = { payable: '120000.00', invoicePending: '45000.00', minimum: '5000' }

describe('the amount of an online payment comes from the ledger', () => {
  test.each([
    [{ choice: 'invoice' }, facts, '45000.00'],
    [{ choice: 'balance' }, facts, '120000.00'],
    [{ choice: 'other', amount: '50000' }, facts, '50000.00'],
    [{ choice: 'other', amount: '5000' }, facts, '5000.00'],
    [{ choice: 'other', amount: '120000' }, facts, '120000.00'],
    // below the minimum, only the whole (small) balance is allowed
    [{ choice: 'other', amount: '3200' }, { ...facts, payable: '3200.00', invoicePending: '3200.00' }, '3200.00'],
  ] as const)('%o with %o → %s', (choice, f, expected) => {
    expect(resolveAmount(choice, f)).toEqual({ ok: true, value: expected })
  })

  test.each([
    [{ choice: 'other', amount: '4999' }, facts, 'payments/below_minimum'],
    [{ choice: 'other', amount: '120000.01' }, facts, 'payments/above_balance'],
    [{ choice: 'other', amount: '1000' }, { ...facts, payable: '3200.00' }, 'payments/below_minimum'],
    [{ choice: 'balance' }, { ...facts, payable: '0.00' }, 'payments/nothing_to_pay'],
    [{ choice: 'invoice' }, { ...facts, invoicePending: '0.00' }, 'payments/nothing_to_pay'],
  ] as const)('%o with %o is refused: %s', (choice, f, code) => {
    const result = resolveAmount(choice, f)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe(code)
  })
})

describe('PayOnlineSchema', () => {
  test('reads an abono as a Colombian types it, and refuses anything else with a Spanish message', () => {
    expect(PayOnlineSchema.parse({ choice: 'other', amount: '$ 85.400,50' })).toEqual({ choice: 'other', amount: '85400.50' })
    expect(PayOnlineSchema.parse({ choice: 'balance', amount: '1' })).toEqual({ choice: 'balance' })
    const bad = PayOnlineSchema.safeParse({ choice: 'other', amount: '85,4.00' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toMatch(/Escriba el valor en pesos/)
    expect(PayOnlineSchema.safeParse({ choice: 'todo' }).error?.issues[0]?.message).toMatch(/Elija/)
  })
})
