import { describe, expect, test } from 'vitest'
import { makePaymentReference } from '~/billing/payment-reference'
import { parseAsobancaria2001 } from './asobancaria'
import { buildAsobancaria2001 } from './asobancaria-writer'
import { canonicalReference, classifyLines } from './bank-lines'

const header = { nit: '9004567894', collectionDate: '2026-03-16', bankCode: '007', account: '1', generatedOn: '2026-03-16', generatedAt: '06:30', modifier: 'A', accountType: '01' }

const wrongDigit = (ref: string) => ref.slice(0, -1) + String((Number(ref.slice(-1)) + 1) % 10)

describe('canonicalReference', () => {
  test.each([
    [wrongDigit(makePaymentReference(42)), null],
    [makePaymentReference(42).replace(/^0+/, ''), makePaymentReference(42)],
    [makePaymentReference(1_234_567_890n), makePaymentReference(1_234_567_890n)],
    ['ABC123', null],
    ['0', null],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalReference(raw)).toBe(expected)
  })
})

test('lines are classified: returned by the bank, zero, wrong check digit, candidates; raw channel codes are counted', () => {
  const good = makePaymentReference(7)
  const content = buildAsobancaria2001({
    header,
    lotes: [
      {
        serviceCode: '7709998001013',
        payments: [
          { reference: good, amount: '1000', procedencia: '03', medio: '15' },
          { reference: good, amount: '2000', returnCause: 'R01' },
          { reference: good, amount: '0' },
          { reference: wrongDigit(good), amount: '500', procedencia: '31', medio: '53' },
        ],
      },
    ],
  })
  const parsed = parseAsobancaria2001(content)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const out = classifyLines(parsed.file)
  expect(out.total).toBe(4)
  expect(out.candidates).toEqual([{ line: 3, rawReference: good.replace(/^0+/, ''), reference: good, amount: '1000.00', channel: '03-15' }])
  expect(out.badCheckDigit.map((l) => [l.line, l.rawReference])).toEqual([[6, wrongDigit(good).replace(/^0+/, '')]])
  expect(out.rejected).toEqual([
    { line: 4, reason: 'El banco informó la causal de devolución «R01»; el pago no se aplica.' },
    { line: 5, reason: 'El valor recaudado es cero.' },
  ])
  expect(out.channels).toEqual({ '03-15': 1, '01-01': 2, '31-53': 1 })
})
