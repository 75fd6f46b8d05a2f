/** A simple accessible table (scrolls inside its own region on narrow screens) and page links for long lists. */
import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'

export type Column<Row> = {
  header: string
  cell: (row: Row) => ReactNode
  align?: 'start' | 'end'
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
}) {
  return (
    // A focusable region so keyboard users can scroll a wide table (axe: scrollable-region-focusable).
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.align === 'end' ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.align === 'end' ? 'num' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Previous / next links keeping the other query parameters; `page` is 1-based. */
export function Pagination({ page, pageCount, param = 'page' }: { page: number; pageCount: number; param?: string }) {
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search)
    params.set(param, String(target))
    return `${location.pathname}?${params.toString()}`
  }
  return (
    <nav className="pagination" aria-label="Paginación">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          Anterior
        </Link>
      ) : (
        <span aria-hidden="true" className="pagination-disabled">
          Anterior
        </span>
      )}
      <span aria-current="page">
        Página {page} de {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          Siguiente
        </Link>
      ) : (
        <span aria-hidden="true" className="pagination-disabled">
          Siguiente
        </span>
      )}
    </nav>
  )
}
