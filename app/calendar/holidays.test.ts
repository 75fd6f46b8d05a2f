import { describe, expect, test } from 'vitest'
import { LEY_51_2026, OFFICIAL_2025 } from '../../tests/fixtures/official-holidays'
import { colombianHolidays, colombianHolidaysBetween, colombianHolidaysWithNames } from './holidays'

// An independent oracle for later years: the Ley 51 de 1983 rules with the Gregorian Easter computus (the method the
// §4 table states for its columns). Later laws may add dates, so the library must contain these, not equal them.
function easter(year: number): number {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  return Date.UTC(year, Math.floor((h + l - 7 * m + 114) / 31) - 1, ((h + l - 7 * m + 114) % 31) + 1)
}
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const nextMonday = (ms: number) => ms + ((8 - new Date(ms).getUTCDay()) % 7) * 86_400_000
function ley51(year: number): string[] {
  const fixed = ['01-01', '05-01', '07-20', '08-07', '12-08', '12-25'].map((md) =>
    Date.parse(`${year}-${md}`),
  )
  const moved = ['01-06', '03-19', '06-29', '08-15', '10-12', '11-01', '11-11'].map((md) =>
    nextMonday(Date.parse(`${year}-${md}`)),
  )
  const e = easter(year)
  const easterBased = [-3, -2, 43, 64, 71].map((days) => e + days * 86_400_000)
  return [...new Set([...fixed, ...moved, ...easterBased].map(iso))].sort()
}

describe('colombianHolidays', () => {
  test('2025 equals the official calendar, with Sagrado Corazón and San Pedro counted once on 30 June', () => {
    expect(colombianHolidays(2025)).toEqual(OFFICIAL_2025)
    expect(colombianHolidaysWithNames(2025).find((h) => h.date === '2025-06-30')?.name).toMatch(/ \/ /)
  })

  test('2026 contains every Ley 51 holiday of the official calendar', () => {
    // Later laws add holidays; any extra date must still be a weekday that is not already in the list.
    const list = colombianHolidays(2026)
    expect(list).toEqual(expect.arrayContaining(LEY_51_2026))
    for (const extra of list.filter((d) => !LEY_51_2026.includes(d)))
      expect(new Date(extra).getUTCDay()).not.toBe(0)
  })

  test.each([2025, 2026, 2027, 2028, 2029, 2030, 2031])(
    '%i holds every Ley 51 holiday, deduplicated and sorted',
    (y) => {
      const list = colombianHolidays(y)
      expect(list).toEqual(expect.arrayContaining(ley51(y)))
      expect(new Set(list).size).toBe(list.length)
      expect([...list].sort()).toEqual(list)
      expect(list.every((d) => d.startsWith(`${y}-`))).toBe(true)
    },
  )

  test.each([
    // Holy Week: Jueves and Viernes Santo are never moved (E − 3, E − 2).
    ['2025-04-17'],
    ['2025-04-18'],
    ['2026-04-02'],
    ['2026-04-03'],
    ['2027-03-25'],
    ['2027-03-26'],
    ['2028-04-13'],
    ['2028-04-14'],
    ['2029-03-29'],
    ['2029-03-30'],
    ['2030-04-18'],
    ['2030-04-19'],
    ['2031-04-10'],
    ['2031-04-11'],
    // Year end and new year.
    ['2025-12-25'],
    ['2026-01-01'],
    ['2027-01-01'],
    ['2030-12-25'],
    ['2031-12-08'],
    // Ley Emiliani Mondays.
    ['2027-01-11'],
    ['2028-03-20'],
    ['2029-08-20'],
    ['2031-11-03'],
  ])('%s is a national holiday', (date) => {
    expect(colombianHolidays(Number(date.slice(0, 4)))).toContain(date)
  })

  test('Easter Sunday and Palm Sunday are not listed, and nothing is listed on 31 December', () => {
    expect(colombianHolidays(2025)).not.toContain('2025-04-20')
    expect(colombianHolidays(2025)).not.toContain('2025-04-13')
    expect(colombianHolidays(2025)).not.toContain('2025-12-31')
  })

  test('2030 has San Pedro y San Pablo and Sagrado Corazón on the same Monday, counted once', () => {
    expect(colombianHolidays(2030).filter((d) => d === '2030-07-01')).toHaveLength(1)
  })

  test('colombianHolidaysBetween crosses the year end', () => {
    expect(colombianHolidaysBetween('2025-12-20', '2026-01-15')).toEqual([
      '2025-12-25',
      '2026-01-01',
      '2026-01-12',
    ])
  })
})
