/**
 * Colombian national holidays, taken from `date-holidays` (a maintained library that tracks new laws), because the
 * list is set by Congress and changes (Ley 51 de 1983 "Ley Emiliani" and later laws): it is never frozen in our code.
 * Company non-working days and corrections are merged by the caller (non-working-days.server.ts).
 */
import Holidays from 'date-holidays'
import type { IsoDate } from '~/utils/format'

export type NationalHoliday = { date: IsoDate; name: string }

let colombia: Holidays | undefined
function library(): Holidays {
  colombia ??= new Holidays('CO', { languages: 'es', types: ['public'] })
  return colombia
}

const cache = new Map<number, NationalHoliday[]>()

/**
 * The year's public holidays with their names, one entry per date (names of coinciding holidays are joined, e.g.
 * Sagrado Corazón and San Pedro y San Pablo on 30-Jun-2025), sorted by date.
 */
export function colombianHolidaysWithNames(year: number): NationalHoliday[] {
  if (!Number.isInteger(year) || year < 1984 || year > 2200) throw new Error(`year out of range: ${year}`)
  const cached = cache.get(year)
  if (cached) return cached
  const byDate = new Map<IsoDate, string[]>()
  for (const h of library().getHolidays(year)) {
    // Easter Sunday is listed by the library but is not a Ley 51 holiday (a Sunday is never a business day anyway).
    if (h.type !== 'public' || h.rule === 'easter') continue
    const date = h.date.slice(0, 10)
    byDate.set(date, [...(byDate.get(date) ?? []), h.name])
  }
  const list = [...byDate.entries()]
    .map(([date, names]) => ({ date, name: names.join(' / ') }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  cache.set(year, list)
  return list
}

/** The year's national holidays as dates: deduplicated (never count holidays by name) and sorted. */
export function colombianHolidays(year: number): IsoDate[] {
  return colombianHolidaysWithNames(year).map((h) => h.date)
}

/** National holidays of every year touched by [from, to] (IsoDates, inclusive). */
export function colombianHolidaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const d of colombianHolidays(y)) if (d >= from && d <= to) out.push(d)
  }
  return out
}
