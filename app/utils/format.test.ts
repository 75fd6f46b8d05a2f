import { describe, expect, test } from 'vitest'
import { formatCOP, formatDate, formatInstant, formatInstantTime, formatNumber, todayInBogota } from './format'

// Intl emits U+00A0 / U+202F depending on the ICU version (../shared/domain/formats.md §7.3).
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('formatCOP', () => {
  test.each([
    ['1234567.50', '$ 1.234.568'],
    ['1234567.49', '$ 1.234.567'],
    ['0', '$ 0'],
    ['0.00', '$ 0'],
    ['999.5', '$ 1.000'],
    ['-1234567.50', '-$ 1.234.568'],
    ['-85400.00', '-$ 85.400'],
    ['1234', '$ 1.234'],
    // Beyond 2^53: a float would lose the last digits.
    ['123456789012345678.50', '$ 123.456.789.012.345.679'],
  ])('%s is shown as %s', (input, expected) => {
    expect(plain(formatCOP(input))).toBe(expected)
  })
})

describe('formatNumber', () => {
  test.each([
    ['1234.5', '1.234,5'],
    ['16', '16'],
    ['0.125', '0,13'],
    ['-2.5', '-2,5'],
  ])('%s is shown as %s', (input, expected) => {
    expect(plain(formatNumber(input))).toBe(expected)
  })
})

describe('formatDate', () => {
  test('formats an IsoDate from its parts', () => {
    expect(formatDate('2025-03-05')).toBe('05/03/2025')
    expect(formatDate('2024-12-31')).toBe('31/12/2024')
  })
  test('refuses what is not an IsoDate', () => {
    expect(() => formatDate('5/3/2025')).toThrow()
  })
})

describe('instants in America/Bogota', () => {
  test('03:00 UTC on 6 March is still 5 March in Bogotá', () => {
    expect(formatInstant(new Date('2025-03-06T03:00:00Z'))).toBe('05/03/2025')
    expect(formatInstant('2025-03-06T03:00:00Z')).toBe('05/03/2025')
    expect(plain(formatInstantTime('2025-03-06T03:00:00Z'))).toBe('05/03/2025 10:00 p. m.')
  })
  test('morning, noon and midnight use the 12-hour clock', () => {
    expect(plain(formatInstantTime('2025-03-05T14:05:00Z'))).toBe('05/03/2025 09:05 a. m.')
    expect(plain(formatInstantTime('2025-03-05T17:00:00Z'))).toBe('05/03/2025 12:00 p. m.')
    expect(plain(formatInstantTime('2025-03-05T05:30:00Z'))).toBe('05/03/2025 12:30 a. m.')
  })
  test('todayInBogota gives the Bogotá calendar date', () => {
    expect(todayInBogota(new Date('2025-03-06T03:00:00Z'))).toBe('2025-03-05')
    expect(todayInBogota(new Date('2025-03-06T05:00:00Z'))).toBe('2025-03-06')
    expect(todayInBogota(new Date('2025-01-01T04:59:59Z'))).toBe('2024-12-31')
  })
})
