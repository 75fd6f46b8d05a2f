import { expect, test } from 'vitest'
import { periodLabel, shortPeriodLabel } from './period-label'

test('monthly and bimonthly period names, across a year end', () => {
  expect(periodLabel('2026-03')).toBe('marzo 2026')
  expect(periodLabel('2026-03', 'bimonthly')).toBe('marzo–abril 2026')
  expect(periodLabel('2026-12', 'bimonthly')).toBe('diciembre 2026–enero 2027')
  expect(shortPeriodLabel('2026-09')).toBe('sep. 26')
})
