import { describe, expect, it } from 'vitest'
import { pageWindow } from './pagination'

describe('pageWindow', () => {
  it.each([
    { total: 0, requested: 1, size: 25, page: 1, pageCount: 1, offset: 0 },
    { total: 0, requested: 3, size: 25, page: 1, pageCount: 1, offset: 0 },
    { total: 25, requested: 1, size: 25, page: 1, pageCount: 1, offset: 0 },
    { total: 26, requested: 2, size: 25, page: 2, pageCount: 2, offset: 25 },
    { total: 26, requested: 9, size: 25, page: 2, pageCount: 2, offset: 25 },
    { total: 100, requested: 0, size: 12, page: 1, pageCount: 9, offset: 0 },
    { total: 100, requested: -4, size: 12, page: 1, pageCount: 9, offset: 0 },
  ])('$total rows, page $requested of $size → page $page/$pageCount', ({ total, requested, size, ...expected }) => {
    expect(pageWindow(total, requested, size)).toEqual(expected)
  })
})
