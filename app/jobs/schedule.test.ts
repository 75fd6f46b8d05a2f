import { expect, test } from 'vitest'
import { latestSlot, slotLabel } from './schedule'

test.each([
  // now (UTC)                  spec                       latest slot (Bogotá)
  ['2026-03-10T07:00:00.000Z', { daily: '02:00' }, '2026-03-10T02:00-05:00'], // exactly 02:00 in Bogotá
  ['2026-03-10T06:59:59.999Z', { daily: '02:00' }, '2026-03-09T02:00-05:00'], // 01:59 Bogotá: yesterday's slot
  ['2026-03-10T03:30:00.000Z', { daily: '23:00' }, '2026-03-08T23:00-05:00'], // 22:30 of the 9th in Bogotá
  ['2026-03-10T04:30:00.000Z', { daily: '23:00' }, '2026-03-09T23:00-05:00'], // UTC says the 10th; Bogotá the 9th
  ['2026-03-11T04:59:00.000Z', { daily: '00:00' }, '2026-03-10T00:00-05:00'], // 23:59 Bogotá on the 10th
  ['2026-03-11T05:00:00.000Z', { daily: '00:00' }, '2026-03-11T00:00-05:00'], // Bogotá midnight
  ['2027-01-01T04:30:00.000Z', { daily: '06:00' }, '2026-12-31T06:00-05:00'], // year-end in Bogotá
  ['2026-03-10T15:07:31.000Z', { everyMinutes: 1 }, '2026-03-10T10:07-05:00'],
  ['2026-03-10T15:07:31.000Z', { everyMinutes: 15 }, '2026-03-10T10:00-05:00'],
  ['2026-03-10T05:10:00.000Z', { everyMinutes: 60 }, '2026-03-10T00:00-05:00'], // hours aligned on Bogotá midnight
  ['2026-03-10T04:59:00.000Z', { everyMinutes: 360 }, '2026-03-09T18:00-05:00'],
] as const)('at %s, %j has its latest slot at %s', (now, spec, expected) => {
  expect(slotLabel(latestSlot(spec, new Date(now)))).toBe(expected)
})

test('a slot is never after now', () => {
  const now = new Date('2026-06-15T12:34:56Z')
  for (const spec of [{ daily: '07:35' }, { daily: '07:34' }, { everyMinutes: 7 }]) {
    expect(latestSlot(spec, now).getTime()).toBeLessThanOrEqual(now.getTime())
  }
})

test('a malformed schedule is rejected', () => {
  expect(() => latestSlot({ daily: '24:00' }, new Date())).toThrow()
  expect(() => latestSlot({ everyMinutes: 0 }, new Date())).toThrow()
})
