/** Date-only arithmetic on IsoDate strings ('YYYY-MM-DD'), done in UTC so a date never shifts a day. */
export type IsoDate = string

/** The calendar date in America/Bogota (UTC−5, no DST) at the given instant. */
export function bogotaDate(now: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function toDate(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`)
}

export function fromDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10)
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = toDate(iso)
  d.setUTCDate(d.getUTCDate() + days)
  return fromDate(d)
}

/** First day of the month `months` after the month of `iso` (negative goes back). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = toDate(iso)
  return fromDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)))
}

export function monthStart(iso: IsoDate): IsoDate {
  return `${iso.slice(0, 7)}-01`
}

export function monthEnd(iso: IsoDate): IsoDate {
  return addDays(addMonths(iso, 1), -1)
}

export function withDay(iso: IsoDate, day: number): IsoDate {
  return `${iso.slice(0, 7)}-${String(day).padStart(2, '0')}`
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b
}
