import { describe, expect, test } from 'vitest'
import { toDb } from '~/billing/money'
import type { TariffCategory, TariffSchedule } from '~/billing/tariffs/types'
import { computeLiquidation } from './compute'
import type { LiquidationInput } from './types'

function schedule(basicConsumptionM3: number): TariffSchedule {
  return {
    versionId: 'v1',
    serviceAreaId: 'a1',
    effectiveFrom: '2026-01-01',
    basicConsumptionM3,
    rates: [
      { service: 'acueducto', fixedCharge: '1000.00', basicPrice: '100.00', complementaryPrice: '150.00', luxuryPrice: '200.00' },
      { service: 'alcantarillado', fixedCharge: '500.00', basicPrice: '50.00', complementaryPrice: '60.00', luxuryPrice: '70.00' },
      { service: 'aseo', fixedCharge: '3000.00', variableCharge: '2000.00' },
    ],
    factors: [
      { category: { useClass: 'residential', estrato: 1 }, service: 'acueducto', factor: '-0.70' },
      { category: { useClass: 'residential', estrato: 1 }, service: 'aseo', factor: '-0.50' },
      { category: { useClass: 'residential', estrato: 6 }, service: 'acueducto', factor: '0.60' },
      { category: { useClass: 'commercial' }, service: 'acueducto', factor: '0.50' },
      // A factor on a category that may not receive it is ignored (estrato 4 is neutral by law).
      { category: { useClass: 'residential', estrato: 4 }, service: 'acueducto', factor: '-0.10' },
    ],
    otherCharges: [],
  }
}

const E4: TariffCategory = { useClass: 'residential', estrato: 4 }

function run(overrides: Partial<LiquidationInput>) {
  return computeLiquidation({
    category: E4,
    services: ['acueducto'],
    billedM3: 0,
    frequency: 'monthly',
    schedule: schedule(16),
    ...overrides,
  })
}

function amounts(result: ReturnType<typeof run>) {
  return Object.fromEntries(result.lines.map((l) => [`${l.service ?? '-'}:${l.concept}`, toDb(l.amount)]))
}

describe('consumption ranges per altitude band (Res. CRA 750/2016)', () => {
  test.each([
    // band basic, m³, frequency → básico, complementario, suntuario m³
    [16, 10, 'monthly', '10', null, null],
    [16, 16, 'monthly', '16', null, null],
    [16, 17, 'monthly', '16', '1', null],
    [16, 32, 'monthly', '16', '16', null],
    [16, 33, 'monthly', '16', '16', '1'],
    [13, 13, 'monthly', '13', null, null],
    [13, 27, 'monthly', '13', '13', '1'],
    [11, 11, 'monthly', '11', null, null],
    [11, 12, 'monthly', '11', '1', null],
    [11, 22, 'monthly', '11', '11', null],
    [11, 23, 'monthly', '11', '11', '1'],
    [11, 30, 'bimonthly', '22', '8', null],
    [11, 45, 'bimonthly', '22', '22', '1'],
    [16, 0, 'monthly', '0', null, null],
    [13, '14.5', 'monthly', '13', '1.50', null],
  ] as const)('band %i m³, consumption %s (%s) → %s / %s / %s', (basic, m3, frequency, b, c, s) => {
    const r = run({ schedule: schedule(basic), billedM3: m3, frequency })
    const qty = (concept: string) => r.lines.find((l) => l.concept === concept)?.quantityM3 ?? null
    expect([qty('consumo_basico'), qty('consumo_complementario'), qty('consumo_suntuario')]).toEqual([b, c, s])
  })

  test('bimonthly doubles the cargo fijo and the aseo charge', () => {
    const r = run({ frequency: 'bimonthly', services: ['acueducto', 'aseo'], billedM3: 0 })
    expect(amounts(r)).toMatchObject({ 'acueducto:cargo_fijo': '2000.00', 'aseo:aseo': '10000.00' })
  })
})

describe('subsidies and contributions', () => {
  test('estrato 1: subsidy only on cargo fijo and consumo básico, never on complementario', () => {
    // 20 m³ band 16: fijo 1000, básico 16×100 = 1600, complementario 4×150 = 600; subsidy −70 % × 2600 = −1820
    const r = run({ category: { useClass: 'residential', estrato: 1 }, billedM3: 20 })
    expect(amounts(r)['acueducto:subsidio']).toBe('-1820.00')
    expect(toDb(r.currentCharges)).toBe('1380.00')
  })

  test('estrato 6: contribution on cargo fijo and all consumption', () => {
    // 40 m³: fijo 1000 + 16×100 + 16×150 + 8×200 = 6600; +60 % = 3960
    const r = run({ category: { useClass: 'residential', estrato: 6 }, billedM3: 40 })
    expect(amounts(r)['acueducto:contribucion']).toBe('3960.00')
  })

  test('a factor on estrato 4 is ignored: estrato 4 is neutral', () => {
    const r = run({ billedM3: 10 })
    expect(r.lines.map((l) => l.concept)).toEqual(['cargo_fijo', 'consumo_basico'])
  })

  test.each([
    [{ useClass: 'residential', estrato: 1 } as TariffCategory],
    [{ useClass: 'residential', estrato: 6 } as TariffCategory],
    [{ useClass: 'commercial' } as TariffCategory],
  ])('no subsidy or contribution on other charges, instalments or interest (%o)', (category) => {
    const base = run({ category, billedM3: 10 })
    const withExtras = run({
      category,
      billedM3: 10,
      otherCharges: [{ description: 'Reconexión', amount: '35000.00' }],
      agreementInstalment: { description: 'Cuota 1 de 6', amount: '20000.00' },
      overdueNotOnHold: '100000.00',
      interestMonthlyRate: '0.02',
    })
    const solidarity = (r: typeof base) => r.lines.filter((l) => l.concept === 'subsidio' || l.concept === 'contribucion').map((l) => toDb(l.amount))
    expect(solidarity(withExtras)).toEqual(solidarity(base))
    expect(withExtras.currentCharges.minus(base.currentCharges).toFixed(2)).toBe('57000.00')
  })

  test('aseo carries its own factor on its whole charge', () => {
    const r = run({ category: { useClass: 'residential', estrato: 1 }, services: ['aseo'] })
    expect(amounts(r)).toEqual({ 'aseo:aseo': '5000.00', 'aseo:subsidio': '-2500.00' })
  })
})

describe('interest on arrears (Ley 142 art. 96)', () => {
  test.each([
    ['100000.00', '0.005', 'monthly', '500.00'],
    ['100000.00', '0.005', 'bimonthly', '1000.00'],
    ['33333.00', '0.0155', 'monthly', '517.00'], // 516.6615 → 517
    ['0.00', '0.02', 'monthly', null],
    ['50000.00', '0', 'monthly', null],
  ] as const)('overdue %s at %s (%s) → %s', (overdue, rate, frequency, expected) => {
    const r = run({ overdueNotOnHold: overdue, interestMonthlyRate: rate, frequency })
    expect(amounts(r)['-:interes_mora'] ?? null).toBe(expected)
  })
})

describe('rounding', () => {
  test('each line is rounded once, half up, and the total is the sum of rounded lines', () => {
    // fijo 1000.50 → 1001 (half up); básico 3 × 33.33 = 99.99 → 100; unrounded sum 1100.49 would round to 1100
    const s = schedule(16)
    s.rates[0] = { service: 'acueducto', fixedCharge: '1000.50', basicPrice: '33.33', complementaryPrice: '1', luxuryPrice: '1' }
    const r = run({ schedule: s, billedM3: 3 })
    expect(r.lines.map((l) => toDb(l.amount))).toEqual(['1001.00', '100.00'])
    expect(toDb(r.currentCharges)).toBe('1101.00')
  })

  test.each([
    ['0.00', 4, '1004.00', '-4.00', '1000.00'],
    ['0.00', 5, '1005.00', '5.00', '1010.00'],
    ['12.00', 0, '1012.00', '-2.00', '1010.00'],
    ['-2000.00', 4, '-996.00', null, '-996.00'],
  ] as const)('ajuste a la decena: previous %s, básico %i m³ of $1', (previous, m3, before, adjustment, total) => {
    const s = schedule(16)
    s.rates[0] = { service: 'acueducto', fixedCharge: '1000.00', basicPrice: '1.00', complementaryPrice: '1', luxuryPrice: '1' }
    const plain = run({ schedule: s, billedM3: m3, previousBalance: previous })
    expect(toDb(plain.totalToPay)).toBe(before)
    const rounded = run({ schedule: s, billedM3: m3, previousBalance: previous, roundTotalToTen: true })
    expect(rounded.lines.find((l) => l.concept === 'ajuste_decena')?.amount.toFixed(2) ?? null).toBe(adjustment)
    expect(toDb(rounded.totalToPay)).toBe(total)
  })

  test('the previous ajuste a la decena is reversed before rounding again', () => {
    const r = run({ billedM3: 0, previousRoundingAdjustment: '-4.00', roundTotalToTen: true })
    expect(r.lines.filter((l) => l.concept === 'ajuste_decena').map((l) => toDb(l.amount))).toEqual(['4.00', '-4.00'])
  })
})
