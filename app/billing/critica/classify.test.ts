import { describe, expect, test } from 'vitest'
import { classifyConsumption, readingDifference, type CriticaInput } from './classify'

const base: CriticaInput = {
  previousReading: 1000,
  currentReading: null,
  meterDigits: 5,
  history: [],
  frequency: 'monthly',
  categoryAverageM3: null,
}
const withReading = (m3: number, over: Partial<CriticaInput> = {}): CriticaInput => ({
  ...base,
  currentReading: 1000 + m3,
  ...over,
})
const six = (avg: number) => [avg, avg, avg, avg, avg, avg]

describe('readingDifference', () => {
  test.each([
    [100, 150, 5, 'forward', 50],
    [100, 100, 5, 'forward', 0],
    [99999, 12, 5, 'rollover', 13],
    [99990, 5, 5, 'rollover', 15],
    [9995, 3, 4, 'rollover', 8],
    [500, 450, 5, 'negative', -50],
    [60000, 10000, 5, 'negative', -50000],
    [50001, 1, 5, 'negative', -50000], // wrapping would be exactly half the dial: not the shorter way round
    [50002, 1, 5, 'rollover', 49999],
  ] as const)('%i → %i on %i digits is %s of %i m³', (prev, cur, digits, kind, m3) => {
    expect(readingDifference(prev, cur, digits)).toEqual({ kind, m3 })
  })
})

describe('own average ≥ 40 m³: 35 % threshold (Res. CRA 151/2001 art. 1.3.20.6)', () => {
  test.each([
    // average 40 exactly → high band; 40 × 1.35 = 54, 40 × 0.65 = 26
    [40, 54, 'normal'],
    [40, 55, 'significant_deviation_up'],
    [40, 26, 'normal'],
    [40, 25, 'significant_deviation_down'],
    // average 100: 135 / 65
    [100, 135, 'normal'],
    [100, 136, 'significant_deviation_up'],
    [100, 65, 'normal'],
    [100, 64, 'significant_deviation_down'],
  ] as const)('average %i, consumption %i → %s', (avg, m3, cls) => {
    expect(classifyConsumption(withReading(m3, { history: six(avg) })).classification).toBe(cls)
  })
})

describe('own average < 40 m³: 65 % threshold', () => {
  test.each([
    // average 39.5 (mixed history) → low band: 39.5 × 1.65 = 65.175, × 0.35 = 13.825
    [[40, 39, 40, 39, 40, 39], 65, 'normal'],
    [[40, 39, 40, 39, 40, 39], 66, 'significant_deviation_up'],
    [[40, 39, 40, 39, 40, 39], 14, 'normal'],
    [[40, 39, 40, 39, 40, 39], 13, 'significant_deviation_down'],
    // average 20: 33 / 7
    [six(20), 33, 'normal'],
    [six(20), 34, 'significant_deviation_up'],
    [six(20), 7, 'normal'],
    [six(20), 6, 'significant_deviation_down'],
    // the same 54 m³ that is normal at average 40 is normal at 39.5 too, but 55 at 39.5 is still normal (65 %)
    [[40, 39, 40, 39, 40, 39], 55, 'normal'],
  ] as const)('history %j, consumption %i → %s', (history, m3, cls) => {
    expect(classifyConsumption(withReading(m3, { history: [...history] })).classification).toBe(cls)
  })
})

describe('averaging window', () => {
  test('monthly uses only the last 6 periods', () => {
    // last 6 average 10; the older 1000 must be ignored → 20 is within 10 × 1.65
    const r = classifyConsumption(withReading(16, { history: [...six(10), 1000] }))
    expect(r.classification).toBe('normal')
    expect(r.averageM3).toBe('10.00')
  })
  test('bimonthly uses the last 3 periods', () => {
    const r = classifyConsumption(withReading(80, { frequency: 'bimonthly', history: [40, 40, 40, 4] }))
    expect(r.averageM3).toBe('40.00')
    expect(r.classification).toBe('significant_deviation_up') // 80 > 54
  })
  test('bimonthly with 2 periods is valid history; with 1 it is not', () => {
    expect(classifyConsumption(withReading(30, { frequency: 'bimonthly', history: [30, 30] })).averageSource).toBe('own')
    expect(
      classifyConsumption(withReading(30, { frequency: 'bimonthly', history: [30], categoryAverageM3: 20 })).averageSource,
    ).toBe('category')
  })
})

describe('without valid history: 1.65 × / 0.35 × the category average', () => {
  test.each([
    [20, 33, 'normal'],
    [20, 34, 'significant_deviation_up'],
    [20, 7, 'normal'],
    [20, 6, 'significant_deviation_down'],
    [50, 82, 'normal'], // 82.5 bound: the 35 % rule does not apply to category averages
    [50, 83, 'significant_deviation_up'],
    [50, 18, 'normal'], // 17.5
    [50, 17, 'significant_deviation_down'],
    [12.5, 20, 'normal'], // 20.625
    [12.5, 21, 'significant_deviation_up'],
  ] as const)('category average %d, consumption %i → %s', (cat, m3, cls) => {
    const r = classifyConsumption(withReading(m3, { history: [10, 10], categoryAverageM3: cat }))
    expect(r.classification).toBe(cls)
    expect(r.averageSource).toBe('category')
  })
  test('no history and no category average: measured consumption is normal', () => {
    expect(classifyConsumption(withReading(500)).classification).toBe('normal')
  })
})

describe('billing basis', () => {
  test('a deviation is billed on the own average (Ley 142 art. 149) and keeps the measured value', () => {
    const r = classifyConsumption(withReading(90, { history: [20, 21, 20, 21, 20, 21] }))
    expect(r).toEqual({
      classification: 'significant_deviation_up',
      measuredM3: 90,
      billedM3: 21, // 20.5 rounded half up
      basis: 'average',
      averageM3: '20.50',
      averageSource: 'own',
      isDeviation: true,
    })
  })
  test('a deviation without history is billed on the category average', () => {
    const r = classifyConsumption(withReading(90, { categoryAverageM3: 15.4 }))
    expect(r).toMatchObject({ billedM3: 15, basis: 'category_average', averageM3: '15.40', isDeviation: true })
  })
  test('normal consumption is billed as measured', () => {
    expect(classifyConsumption(withReading(21, { history: six(20) }))).toMatchObject({
      classification: 'normal',
      billedM3: 21,
      measuredM3: 21,
      basis: 'measured',
      averageM3: '20.00',
    })
  })
  test('zero consumption is its own class and billed as zero', () => {
    expect(classifyConsumption(withReading(0, { history: six(20) }))).toMatchObject({
      classification: 'zero',
      billedM3: 0,
      basis: 'measured',
    })
  })
  test('a rollover is measured consumption across the wrap', () => {
    const r = classifyConsumption({ ...base, previousReading: 99999, currentReading: 12, history: six(15) })
    expect(r).toMatchObject({ classification: 'rollover', measuredM3: 13, billedM3: 13, basis: 'measured' })
  })
  test('a negative difference is billed on the average, nothing measured', () => {
    const r = classifyConsumption({ ...base, previousReading: 500, currentReading: 450, history: six(18) })
    expect(r).toMatchObject({ classification: 'negative', measuredM3: null, billedM3: 18, basis: 'average' })
  })
})

describe('estimated consumption without a reading (Ley 142 art. 146)', () => {
  test.each([
    [{ history: six(17) }, 17, 'estimated', 'own'],
    [{ history: [10, 11, 12] }, 11, 'estimated', 'own'],
    [{ history: [10], categoryAverageM3: 14.5 }, 15, 'category_average', 'category'],
    [{ history: [], categoryAverageM3: 9.49 }, 9, 'category_average', 'category'],
    [{ history: [] }, 0, 'estimated', null],
  ] as const)('%j → %i m³ on %s', (over, billed, basis, source) => {
    const r = classifyConsumption({ ...base, ...over, history: [...over.history] })
    expect(r).toMatchObject({ classification: 'no_reading', measuredM3: null, billedM3: billed, basis, averageSource: source })
  })
  test('a missing previous reading is also no reading', () => {
    expect(classifyConsumption({ ...base, previousReading: null, currentReading: 5, history: six(5) }).classification).toBe(
      'no_reading',
    )
  })
})
