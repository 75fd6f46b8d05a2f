/**
 * Golden invoices: ten accounts covering every estrato, the commercial, industrial and official uses and both altitude
 * bands, each computed by hand from the demo tariff (app/billing/tariffs/demo-values.ts) and compared line by line.
 * Tariff: acueducto cargo fijo 10.450,37, básico and complementario 2.874,12/m³, suntuario 3.448,94/m³;
 * alcantarillado cargo fijo 7.235,80, básico and complementario 2.315,66/m³, suntuario 2.778,79/m³; aseo fixed +
 * variable by category; factors E1 −60 %, E2 −35 %, E3 −12 %, E4 0, E5 +50 %, E6 +60 %, comercial +50 %,
 * industrial +30 %, oficial 0. Each line is rounded half up to the peso; the total is the sum of the rounded lines.
 */
import { describe, expect, test } from 'vitest'
import { toDb } from '~/billing/money'
import { categoryFromCode } from '~/billing/tariffs/categories'
import { demoTariffValues } from '~/billing/tariffs/demo-values'
import type { Service, TariffCategory, TariffSchedule } from '~/billing/tariffs/types'
import { computeLiquidation } from './compute'
import type { BillingFrequency } from './types'

function demoSchedule(basicConsumptionM3: number): TariffSchedule {
  const v = demoTariffValues()
  const e4 = v.wasteCharges.find((w) => w.category === 'estrato_4')!
  return {
    versionId: 'demo',
    serviceAreaId: 'demo',
    effectiveFrom: '2025-01-01',
    basicConsumptionM3,
    rates: [
      ...v.meteredRates.map((r) => ({ ...r, service: r.service as 'acueducto' | 'alcantarillado' })),
      { service: 'aseo', fixedCharge: e4.fixedCharge, variableCharge: e4.variableCharge },
    ],
    wasteRates: v.wasteCharges.map((w) => ({ service: 'aseo' as const, fixedCharge: w.fixedCharge, variableCharge: w.variableCharge, category: categoryFromCode(w.category) })),
    factors: v.factors.map((f) => ({ category: categoryFromCode(f.category), service: f.service as Service, factor: f.factor })),
    otherCharges: [],
  }
}

type GoldenCase = {
  title: string
  input: {
    category: TariffCategory
    billedM3: number
    frequency: BillingFrequency
    basic: number
    otherCharges?: Array<{ description: string; amount: string }>
    overdueNotOnHold?: string
    interestMonthlyRate?: string
  }
  lines: Array<[Service | null, string, string]>
  total: string
}

const CASES: GoldenCase[] = [
  {
    title: 'estrato 1, Zipaquirá (> 2.000 m, básico 11 m³), 9 m³',
    input: { category: { useClass: 'residential', estrato: 1 }, billedM3: 9, frequency: 'monthly', basic: 11, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '25867.00'], // 9 m³ × 2874.12 = 25867.08
      ['acueducto', 'subsidio', '-21790.00'], // (10450.37 + 25867.08) × -0.60 = -21790.4700
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '20841.00'], // 9 m³ × 2315.66 = 20840.94
      ['alcantarillado', 'subsidio', '-16846.00'], // (7235.80 + 20840.94) × -0.60 = -16846.0440
      ['aseo', 'aseo', '17200.00'], // (9800 + 7400) = 17200
      ['aseo', 'subsidio', '-10320.00'], // 17200 × -0.60 = -10320.00
    ],
    // total 10450 + 25867 + -21790 + 7236 + 20841 + -16846 + 17200 + -10320 = 32638
    total: '32638.00',
  },
  {
    title: 'estrato 2, Girardot (< 1.000 m, básico 16 m³), 20 m³',
    input: { category: { useClass: 'residential', estrato: 2 }, billedM3: 20, frequency: 'monthly', basic: 16, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '45986.00'], // 16 m³ × 2874.12 = 45985.92
      ['acueducto', 'consumo_complementario', '11496.00'], // 4 m³ × 2874.12 = 11496.48
      ['acueducto', 'subsidio', '-19753.00'], // (10450.37 + 45985.92) × -0.35 = -19752.7015
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '37051.00'], // 16 m³ × 2315.66 = 37050.56
      ['alcantarillado', 'consumo_complementario', '9263.00'], // 4 m³ × 2315.66 = 9262.64
      ['alcantarillado', 'subsidio', '-15500.00'], // (7235.80 + 37050.56) × -0.35 = -15500.2260
      ['aseo', 'aseo', '17900.00'], // (9800 + 8100) = 17900
      ['aseo', 'subsidio', '-6265.00'], // 17900 × -0.35 = -6265.00
    ],
    // total 10450 + 45986 + 11496 + -19753 + 7236 + 37051 + 9263 + -15500 + 17900 + -6265 = 97864
    total: '97864.00',
  },
  {
    title: 'estrato 3, Zipaquirá, 25 m³ reaching suntuario',
    input: { category: { useClass: 'residential', estrato: 3 }, billedM3: 25, frequency: 'monthly', basic: 11, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '31615.00'], // 11 m³ × 2874.12 = 31615.32
      ['acueducto', 'consumo_complementario', '31615.00'], // 11 m³ × 2874.12 = 31615.32
      ['acueducto', 'consumo_suntuario', '10347.00'], // 3 m³ × 3448.94 = 10346.82
      ['acueducto', 'subsidio', '-5048.00'], // (10450.37 + 31615.32) × -0.12 = -5047.8828
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '25472.00'], // 11 m³ × 2315.66 = 25472.26
      ['alcantarillado', 'consumo_complementario', '25472.00'], // 11 m³ × 2315.66 = 25472.26
      ['alcantarillado', 'consumo_suntuario', '8336.00'], // 3 m³ × 2778.79 = 8336.37
      ['alcantarillado', 'subsidio', '-3925.00'], // (7235.80 + 25472.26) × -0.12 = -3924.9672
      ['aseo', 'aseo', '18700.00'], // (9800 + 8900) = 18700
      ['aseo', 'subsidio', '-2244.00'], // 18700 × -0.12 = -2244.00
    ],
    // total 10450 + 31615 + 31615 + 10347 + -5048 + 7236 + 25472 + 25472 + 8336 + -3925 + 18700 + -2244 = 158026
    total: '158026.00',
  },
  {
    title: 'estrato 4 (neutral), Girardot, exactly the básico',
    input: { category: { useClass: 'residential', estrato: 4 }, billedM3: 16, frequency: 'monthly', basic: 16, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '45986.00'], // 16 m³ × 2874.12 = 45985.92
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '37051.00'], // 16 m³ × 2315.66 = 37050.56
      ['aseo', 'aseo', '19400.00'], // (9800 + 9600) = 19400
    ],
    // total 10450 + 45986 + 7236 + 37051 + 19400 = 120123
    total: '120123.00',
  },
  {
    title: 'estrato 5, Zipaquirá, 14 m³',
    input: { category: { useClass: 'residential', estrato: 5 }, billedM3: 14, frequency: 'monthly', basic: 11, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '31615.00'], // 11 m³ × 2874.12 = 31615.32
      ['acueducto', 'consumo_complementario', '8622.00'], // 3 m³ × 2874.12 = 8622.36
      ['acueducto', 'contribucion', '25344.00'], // (10450.37 + 31615.32 + 8622.36 + 0.00) × 0.5 = 25344.025
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '25472.00'], // 11 m³ × 2315.66 = 25472.26
      ['alcantarillado', 'consumo_complementario', '6947.00'], // 3 m³ × 2315.66 = 6946.98
      ['alcantarillado', 'contribucion', '19828.00'], // (7235.80 + 25472.26 + 6946.98 + 0.00) × 0.5 = 19827.520
      ['aseo', 'aseo', '20700.00'], // (9800 + 10900) = 20700
      ['aseo', 'contribucion', '10350.00'], // 20700 × 0.5 = 10350.0
    ],
    // total 10450 + 31615 + 8622 + 25344 + 7236 + 25472 + 6947 + 19828 + 20700 + 10350 = 166564
    total: '166564.00',
  },
  {
    title: 'estrato 6, Girardot, 40 m³',
    input: { category: { useClass: 'residential', estrato: 6 }, billedM3: 40, frequency: 'monthly', basic: 16, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '45986.00'], // 16 m³ × 2874.12 = 45985.92
      ['acueducto', 'consumo_complementario', '45986.00'], // 16 m³ × 2874.12 = 45985.92
      ['acueducto', 'consumo_suntuario', '27592.00'], // 8 m³ × 3448.94 = 27591.52
      ['acueducto', 'contribucion', '78008.00'], // (10450.37 + 45985.92 + 45985.92 + 27591.52) × 0.6 = 78008.238
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '37051.00'], // 16 m³ × 2315.66 = 37050.56
      ['alcantarillado', 'consumo_complementario', '37051.00'], // 16 m³ × 2315.66 = 37050.56
      ['alcantarillado', 'consumo_suntuario', '22230.00'], // 8 m³ × 2778.79 = 22230.32
      ['alcantarillado', 'contribucion', '62140.00'], // (7235.80 + 37050.56 + 37050.56 + 22230.32) × 0.6 = 62140.344
      ['aseo', 'aseo', '22100.00'], // (9800 + 12300) = 22100
      ['aseo', 'contribucion', '13260.00'], // 22100 × 0.6 = 13260.0
    ],
    // total 10450 + 45986 + 45986 + 27592 + 78008 + 7236 + 37051 + 37051 + 22230 + 62140 + 22100 + 13260 = 409090
    total: '409090.00',
  },
  {
    title: 'commercial, Zipaquirá, 30 m³',
    input: { category: { useClass: 'commercial' }, billedM3: 30, frequency: 'monthly', basic: 11, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '31615.00'], // 11 m³ × 2874.12 = 31615.32
      ['acueducto', 'consumo_complementario', '31615.00'], // 11 m³ × 2874.12 = 31615.32
      ['acueducto', 'consumo_suntuario', '27592.00'], // 8 m³ × 3448.94 = 27591.52
      ['acueducto', 'contribucion', '50636.00'], // (10450.37 + 31615.32 + 31615.32 + 27591.52) × 0.5 = 50636.265
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '25472.00'], // 11 m³ × 2315.66 = 25472.26
      ['alcantarillado', 'consumo_complementario', '25472.00'], // 11 m³ × 2315.66 = 25472.26
      ['alcantarillado', 'consumo_suntuario', '22230.00'], // 8 m³ × 2778.79 = 22230.32
      ['alcantarillado', 'contribucion', '40205.00'], // (7235.80 + 25472.26 + 25472.26 + 22230.32) × 0.5 = 40205.320
      ['aseo', 'aseo', '25000.00'], // (11200 + 13800) = 25000
      ['aseo', 'contribucion', '12500.00'], // 25000 × 0.5 = 12500.0
    ],
    // total 10450 + 31615 + 31615 + 27592 + 50636 + 7236 + 25472 + 25472 + 22230 + 40205 + 25000 + 12500 = 310023
    total: '310023.00',
  },
  {
    title: 'industrial, Girardot, 50 m³',
    input: { category: { useClass: 'industrial' }, billedM3: 50, frequency: 'monthly', basic: 16, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '45986.00'], // 16 m³ × 2874.12 = 45985.92
      ['acueducto', 'consumo_complementario', '45986.00'], // 16 m³ × 2874.12 = 45985.92
      ['acueducto', 'consumo_suntuario', '62081.00'], // 18 m³ × 3448.94 = 62080.92
      ['acueducto', 'contribucion', '49351.00'], // (10450.37 + 45985.92 + 45985.92 + 62080.92) × 0.3 = 49350.939
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '37051.00'], // 16 m³ × 2315.66 = 37050.56
      ['alcantarillado', 'consumo_complementario', '37051.00'], // 16 m³ × 2315.66 = 37050.56
      ['alcantarillado', 'consumo_suntuario', '50018.00'], // 18 m³ × 2778.79 = 50018.22
      ['alcantarillado', 'contribucion', '39407.00'], // (7235.80 + 37050.56 + 37050.56 + 50018.22) × 0.3 = 39406.542
      ['aseo', 'aseo', '26600.00'], // (11200 + 15400) = 26600
      ['aseo', 'contribucion', '7980.00'], // 26600 × 0.3 = 7980.0
    ],
    // total 10450 + 45986 + 45986 + 62081 + 49351 + 7236 + 37051 + 37051 + 50018 + 39407 + 26600 + 7980 = 419197
    total: '419197.00',
  },
  {
    title: 'official (no subsidy, no contribution), Zipaquirá, 12 m³',
    input: { category: { useClass: 'official' }, billedM3: 12, frequency: 'monthly', basic: 11, },
    lines: [
      ['acueducto', 'cargo_fijo', '10450.00'], // 10450.37 = 10450.37
      ['acueducto', 'consumo_basico', '31615.00'], // 11 m³ × 2874.12 = 31615.32
      ['acueducto', 'consumo_complementario', '2874.00'], // 1 m³ × 2874.12 = 2874.12
      ['alcantarillado', 'cargo_fijo', '7236.00'], // 7235.80 = 7235.80
      ['alcantarillado', 'consumo_basico', '25472.00'], // 11 m³ × 2315.66 = 25472.26
      ['alcantarillado', 'consumo_complementario', '2316.00'], // 1 m³ × 2315.66 = 2315.66
      ['aseo', 'aseo', '19400.00'], // (9800 + 9600) = 19400
    ],
    // total 10450 + 31615 + 2874 + 7236 + 25472 + 2316 + 19400 = 99363
    total: '99363.00',
  },
  {
    title: 'estrato 2 bimonthly, Zipaquirá, 30 m³, a reconexión and $ 100.000 overdue at 0,5 % monthly',
    input: { category: { useClass: 'residential', estrato: 2 }, billedM3: 30, frequency: 'bimonthly', basic: 11, otherCharges: [{ description: 'Reconexión del servicio', amount: '38500.00' }], overdueNotOnHold: '100000.00', interestMonthlyRate: '0.005', },
    lines: [
      ['acueducto', 'cargo_fijo', '20901.00'], // 10450.37 × 2 = 20900.74
      ['acueducto', 'consumo_basico', '63231.00'], // 22 m³ × 2874.12 = 63230.64
      ['acueducto', 'consumo_complementario', '22993.00'], // 8 m³ × 2874.12 = 22992.96
      ['acueducto', 'subsidio', '-29446.00'], // (20900.74 + 63230.64) × -0.35 = -29445.9830
      ['alcantarillado', 'cargo_fijo', '14472.00'], // 7235.80 × 2 = 14471.60
      ['alcantarillado', 'consumo_basico', '50945.00'], // 22 m³ × 2315.66 = 50944.52
      ['alcantarillado', 'consumo_complementario', '18525.00'], // 8 m³ × 2315.66 = 18525.28
      ['alcantarillado', 'subsidio', '-22896.00'], // (14471.60 + 50944.52) × -0.35 = -22895.6420
      ['aseo', 'aseo', '35800.00'], // (9800 + 8100) × 2 = 35800
      ['aseo', 'subsidio', '-12530.00'], // 35800 × -0.35 = -12530.00
      [null, 'otro_cobro', '38500.00'], // Reconexión 38500 (no subsidy)
      [null, 'interes_mora', '1000.00'], // 100000 × 0.005 × 2 months = 1000
    ],
    // total 20901 + 63231 + 22993 + -29446 + 14472 + 50945 + 18525 + -22896 + 35800 + -12530 + 38500 + 1000 = 201495
    total: '201495.00',
  },
]

describe('golden invoices', () => {
  test.each(CASES)('$title', ({ input, lines, total }) => {
    const { basic, ...rest } = input
    const result = computeLiquidation({
      ...rest,
      services: ['acueducto', 'alcantarillado', 'aseo'],
      schedule: demoSchedule(basic),
    })
    expect(result.lines.map((l) => [l.service, l.concept, toDb(l.amount)])).toEqual(lines)
    expect(toDb(result.currentCharges)).toBe(total)
  })
})
