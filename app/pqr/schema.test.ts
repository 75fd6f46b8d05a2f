import { describe, expect, test } from 'vitest'
import { CounterFileCaseSchema, LookupSchema, MoneyInputSchema, PublicFileCaseSchema } from './schema'

describe('MoneyInputSchema reads pesos as people type them', () => {
  test.each([
    ['85.400', '85400'],
    ['85400', '85400'],
    ['$ 85.400,50', '85400.50'],
    ['1.234.567,5', '1234567.50'],
    ['0', '0'],
    ['007', '7'],
  ])('%s → %s', (input, expected) => {
    expect(MoneyInputSchema.parse(input)).toBe(expected)
  })

  test.each(['85,400.00', '12.34', 'abc', '-5', '1.2345', ''])('%s is refused with a Spanish message', (input) => {
    const result = MoneyInputSchema.safeParse(input)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues[0]!.message).toMatch(/Escriba el valor en pesos/)
  })
})

const base = {
  idempotencyKey: '3f1c2b4a-1111-4222-8333-444455556666',
  typeCode: 'reclamo',
  causalCode: '102',
  subject: 'Consumo alto',
  description: 'El consumo facturado no corresponde con la lectura.',
  filerName: 'Ana Pérez',
  filerDocumentType: 'CC',
  filerDocumentNumber: '1020304050',
}

describe('PublicFileCaseSchema', () => {
  test('one contact suffices; none is refused', () => {
    expect(PublicFileCaseSchema.safeParse({ ...base, filerPhone: '3001234567' }).success).toBe(true)
    const none = PublicFileCaseSchema.safeParse(base)
    expect(none.success).toBe(false)
    if (!none.success) expect(none.error.issues[0]!.message).toContain('al menos un medio de contacto')
  })

  test('consent to electronic notification needs an email', () => {
    const r = PublicFileCaseSchema.safeParse({ ...base, filerPhone: '3001234567', electronicNotificationConsent: 'on' })
    expect(r.success).toBe(false)
    expect(PublicFileCaseSchema.safeParse({ ...base, filerEmail: 'ana@example.com', electronicNotificationConsent: 'on' }).success).toBe(true)
  })

  test('invoice rows without an amount are dropped; amounts are parsed as pesos', () => {
    const r = PublicFileCaseSchema.parse({
      ...base,
      filerEmail: 'ana@example.com',
      claims: [{ invoiceNumber: '1234', disputedAmount: '20.000' }, { invoiceNumber: '', disputedAmount: '' }, { invoiceNumber: '99', disputedAmount: '' }],
    })
    expect(r.claims).toEqual([{ invoiceNumber: 1234, disputedAmount: '20000' }])
  })

  test('the honeypot must stay empty', () => {
    expect(PublicFileCaseSchema.safeParse({ ...base, filerEmail: 'a@b.co', website: 'x' }).success).toBe(false)
  })
})

describe('CounterFileCaseSchema', () => {
  test('only a written filing may carry its reception date', () => {
    const contact = { ...base, filerAddress: 'Calle 1 # 2-3' }
    expect(CounterFileCaseSchema.safeParse({ ...contact, channel: 'escrito', receivedOn: '2026-03-01' }).success).toBe(true)
    expect(CounterFileCaseSchema.safeParse({ ...contact, channel: 'presencial', receivedOn: '2026-03-01' }).success).toBe(false)
    expect(CounterFileCaseSchema.safeParse({ ...contact, channel: 'presencial', receivedOn: '' }).success).toBe(true)
    expect(CounterFileCaseSchema.safeParse({ ...contact, channel: 'correo' }).success).toBe(false)
  })
})

describe('LookupSchema', () => {
  test('normalises the radicado as typed and refuses other shapes', () => {
    expect(LookupSchema.parse({ radicado: ' 2026-e-000123 ', documentNumber: '1020' }).radicado).toBe('2026-E-000123')
    expect(LookupSchema.safeParse({ radicado: '2026-S-000123', documentNumber: '1020' }).success).toBe(false)
    expect(LookupSchema.safeParse({ radicado: '123', documentNumber: '1020' }).success).toBe(false)
  })
})
