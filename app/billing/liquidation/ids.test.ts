import { describe, expect, test } from 'vitest'
import { orderedUuid } from './ids'

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('orderedUuid', () => {
  test('is a version 7, variant 1 UUID carrying the millisecond', () => {
    const id = orderedUuid(Date.UTC(2026, 10, 29))
    expect(id).toMatch(V7)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 29))
  })

  test('only grows, within one millisecond, across milliseconds and when the clock goes back', () => {
    const t = Date.now() + 10_000
    const ids = [
      ...Array.from({ length: 5000 }, () => orderedUuid(t)),
      ...Array.from({ length: 10 }, (_, i) => orderedUuid(t + 1 + i)),
      ...Array.from({ length: 10 }, () => orderedUuid(t - 5000)),
    ]
    for (const id of ids) expect(id).toMatch(V7)
    const sorted = [...ids].sort()
    expect(sorted).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
