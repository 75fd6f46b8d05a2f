import { OFFICIAL_HOLIDAYS } from '../../tests/fixtures/official-holidays'
import { describe, expect, test } from 'vitest'
import {
  addBusinessDays,
  addCalendarDays,
  addCalendarHours,
  addCalendarMonths,
  businessDaysBetween,
  isBusinessDay,
  startOfBogotaDay,
  todayInBogota,
  weekday,
  type CalendarOptions,
  type IsoDate,
} from './business-days'

const HOLIDAYS = OFFICIAL_HOLIDAYS
const SAT: CalendarOptions = { saturdays: true }
const NONE: CalendarOptions = {}

describe('isBusinessDay', () => {
  test.each([
    ['2025-03-21', NONE, true, 'an ordinary Friday'],
    ['2025-03-22', NONE, false, 'a Saturday'],
    ['2025-03-22', SAT, true, 'a Saturday when Saturdays are business days'],
    ['2025-03-23', SAT, false, 'a Sunday, even with Saturdays on'],
    ['2025-03-24', NONE, false, 'San José moved to Monday (Ley Emiliani)'],
    ['2025-04-17', SAT, false, 'Jueves Santo'],
    ['2025-07-20', NONE, false, 'Independencia on a Sunday'],
    ['2026-07-20', NONE, false, 'Independencia on a Monday'],
    ['2025-12-31', NONE, true, '31 December is a working day'],
    ['2026-01-02', NONE, true, 'the first Friday of the year'],
  ])('%s with %o is %s (%s)', (date, opts, expected) => {
    expect(isBusinessDay(date, HOLIDAYS, opts)).toBe(expected)
  })
})

describe('addBusinessDays', () => {
  test.each([
    // start, n, opts, expected, why
    [
      '2025-03-21',
      15,
      NONE,
      '2025-04-14',
      'a reclamo filed on Friday before a festivo Monday is due 15 business days later',
    ],
    ['2025-03-21', 1, NONE, '2025-03-25', 'day 1 skips the weekend and the Emiliani Monday'],
    ['2025-03-22', 1, NONE, '2025-03-25', 'a Saturday filing: day 1 is the first business day after it'],
    ['2025-03-23', 15, NONE, '2025-04-14', 'a Sunday filing runs like the Friday before'],
    ['2025-03-21', 1, SAT, '2025-03-22', 'with Saturdays on, Saturday is day 1'],
    ['2025-03-21', 15, SAT, '2025-04-09', 'with Saturdays on, 15 days end earlier'],
    ['2025-04-14', 5, NONE, '2025-04-23', 'Holy Week: Jueves and Viernes Santo do not count'],
    ['2026-03-30', 5, NONE, '2026-04-08', 'Holy Week 2026'],
    ['2025-12-22', 5, NONE, '2025-12-30', 'Christmas does not count'],
    ['2025-12-22', 10, NONE, '2026-01-07', 'across the new year'],
    ['2025-12-22', 15, NONE, '2026-01-15', 'across the new year and Reyes (12 Jan 2026)'],
    ['2026-01-09', 1, NONE, '2026-01-13', 'Reyes moved to Monday 12 Jan 2026'],
    ['2025-06-27', 1, NONE, '2025-07-01', 'the coinciding holidays of 30 June 2025'],
    ['2025-07-18', 1, NONE, '2025-07-21', 'a Sunday holiday changes nothing'],
    ['2025-05-05', 0, NONE, '2025-05-05', 'n = 0 is the start itself'],
    ['2025-04-14', -1, NONE, '2025-04-11', 'counting back: day −1 is the previous business day'],
    ['2025-04-23', -5, NONE, '2025-04-14', 'counting back across Holy Week'],
  ])('%s + %i (%o) = %s: %s', (start, n, opts, expected) => {
    expect(addBusinessDays(start, n, HOLIDAYS, opts)).toBe(expected)
  })

  test('rejects fractions and malformed dates', () => {
    expect(() => addBusinessDays('2025-03-21', 1.5, HOLIDAYS)).toThrow()
    expect(() => addBusinessDays('2025-02-29', 1, HOLIDAYS)).toThrow()
    expect(() => addBusinessDays('2025-3-1', 1, HOLIDAYS)).toThrow()
  })
})

describe('businessDaysBetween', () => {
  test.each([
    ['2025-03-21', '2025-04-14', NONE, 15],
    ['2025-04-14', '2025-03-21', NONE, -15],
    ['2025-04-16', '2025-04-21', NONE, 1],
    ['2025-04-16', '2025-04-16', NONE, 0],
    ['2025-12-24', '2026-01-02', NONE, 5],
    ['2025-03-21', '2025-03-22', SAT, 1],
    ['2025-03-21', '2025-03-22', NONE, 0],
  ])('from %s to %s (%o) = %i', (a, b, opts, expected) => {
    expect(businessDaysBetween(a, b, HOLIDAYS, opts)).toBe(expected)
  })

  test('is the inverse of addBusinessDays from a business day', () => {
    for (const n of [1, 5, 15, 30])
      expect(businessDaysBetween('2025-12-15', addBusinessDays('2025-12-15', n, HOLIDAYS), HOLIDAYS)).toBe(n)
  })
})

describe('addCalendarMonths (Ley 142 art. 154 five months)', () => {
  test.each([
    ['2025-01-31', 1, '2025-02-28', 'clamps to February'],
    ['2024-01-31', 1, '2024-02-29', 'leap year'],
    ['2028-01-30', 1, '2028-02-29', 'leap year 2028'],
    ['2024-02-29', 12, '2025-02-28', 'from 29 Feb to a common year'],
    ['2025-09-30', 5, '2026-02-28', 'five months into February'],
    ['2025-10-31', 5, '2026-03-31', 'five months into a long month'],
    ['2025-08-15', 5, '2026-01-15', 'across the year end'],
    ['2025-03-31', -1, '2025-02-28', 'backwards clamps too'],
    ['2026-03-15', -5, '2025-10-15', 'five months back'],
  ])('%s + %i months = %s (%s)', (date, n, expected) => {
    expect(addCalendarMonths(date, n)).toBe(expected)
  })
})

describe('Bogotá instants', () => {
  test.each([
    ['2026-01-01T04:59:59.999Z', '2025-12-31'],
    ['2026-01-01T05:00:00.000Z', '2026-01-01'],
    ['2025-03-24T23:30:00.000Z', '2025-03-24'],
    ['2025-03-25T03:00:00.000Z', '2025-03-24'],
  ])('%s is %s in Bogotá', (instant, expected) => {
    expect(todayInBogota(new Date(instant))).toBe(expected)
  })

  test('startOfBogotaDay is 05:00 UTC, and 72 calendar hours run over the weekend', () => {
    expect(startOfBogotaDay('2025-04-15').toISOString()).toBe('2025-04-15T05:00:00.000Z')
    expect(addCalendarHours(startOfBogotaDay('2025-04-17'), 72).toISOString()).toBe(
      '2025-04-20T05:00:00.000Z',
    )
  })

  test('calendar days and weekdays', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(weekday('2025-03-24')).toBe(1)
    expect(weekday('1969-12-28')).toBe(0)
  })
})

describe('businessDaysBetween counts by whole weeks', () => {
  const holidays = OFFICIAL_HOLIDAYS
  /** The definition, day by day: business days d with a < d ≤ b. */
  function naive(a: IsoDate, b: IsoDate, saturdays: boolean): number {
    let count = 0
    for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (isBusinessDay(d, holidays, { saturdays })) count++
    return count
  }
  test.each([false, true])('agrees with counting day by day over 2025–2026 (saturdays: %s)', (saturdays) => {
    const starts: IsoDate[] = ['2025-01-01', '2025-03-21', '2025-04-13', '2025-12-24', '2026-01-03', '2026-06-30']
    for (const a of starts)
      for (let k = 0; k <= 420; k += 7 + (k % 5)) {
        const b = addCalendarDays(a, k)
        expect([a, b, businessDaysBetween(a, b, holidays, { saturdays })]).toEqual([a, b, naive(a, b, saturdays)])
        expect(businessDaysBetween(b, a, holidays, { saturdays }) + naive(a, b, saturdays)).toBe(0)
      }
  })
})
