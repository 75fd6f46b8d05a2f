import { formatDate, formatInstant, formatInstantTime } from '~/utils/format'

/** A legal calendar date (IsoDate 'YYYY-MM-DD') as dd/mm/aaaa. */
export function DateText({ value }: { value: string }) {
  return <time dateTime={value}>{formatDate(value)}</time>
}

/** An instant (ISO string) as dd/mm/aaaa, or with the time, in America/Bogota. */
export function InstantText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  return <time dateTime={value}>{withTime ? formatInstantTime(value) : formatInstant(value)}</time>
}
