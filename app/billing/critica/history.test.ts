import { expect, test } from 'vitest'
import { criticaInputFrom } from './history'

test('history is built from consecutive read periods, most recent first, skipping gaps and negatives', () => {
  const input = criticaInputFrom([180, 160, 145, null, 120, 130, 99990, 99980], 5, 'monthly', 12)
  expect(input.currentReading).toBe(180)
  expect(input.previousReading).toBe(160)
  // 160−145 = 15; 145→null skipped; null→120 skipped; 130→120 is negative: skipped; 99990→130 rolls over: 140;
  // 99980→99990 = 10
  expect(input.history).toEqual([15, 140, 10])
  expect(input.categoryAverageM3).toBe(12)
})

test('without a reading last period the previous reading is the nearest earlier one', () => {
  const input = criticaInputFrom([200, null, 170], 5, 'bimonthly', null)
  expect(input.previousReading).toBe(170)
  expect(input.history).toEqual([])
})

test('no reading this period', () => {
  expect(criticaInputFrom([null, 10], 5, 'monthly', null)).toMatchObject({ currentReading: null, previousReading: 10 })
})
