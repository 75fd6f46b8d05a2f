/**
 * The page to show of `total` rows at `size` a page: the requested page clamped to 1…pageCount (an empty list still
 * has one page), with the offset to read it from.
 */
export function pageWindow(total: number, requested: number, size: number) {
  const pageCount = Math.max(1, Math.ceil(total / size))
  const page = Math.min(Math.max(1, requested), pageCount)
  return { page, pageCount, offset: (page - 1) * size }
}
