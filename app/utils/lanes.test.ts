import { describe, expect, test } from 'vitest'
import { lanesByKey } from './lanes'

describe('lanesByKey', () => {
  const items = [
    { k: 'a', n: 1 },
    { k: 'b', n: 2 },
    { k: 'a', n: 3 },
    { k: 'c', n: 4 },
    { k: 'b', n: 5 },
  ]

  test('keeps every key in one lane, in input order, keys dealt round-robin', () => {
    expect(lanesByKey(items, (i) => i.k, 2).map((l) => l.map((i) => i.n))).toEqual([
      [1, 3, 4],
      [2, 5],
    ])
  })

  test('one lane keeps the input as it is; no empty lanes', () => {
    expect(lanesByKey(items, (i) => i.k, 1)).toEqual([items])
    expect(lanesByKey(items.slice(0, 1), (i) => i.k, 2)).toEqual([[items[0]]])
    expect(lanesByKey([], (i: { k: string }) => i.k, 2)).toEqual([])
  })
})
