/**
 * Pure calendar arithmetic for legal terms, in America/Bogota (UTC−05:00, no daylight saving since 1993).
 * Dates are IsoDate strings ('YYYY-MM-DD') turned into whole day numbers (days since 1970-01-01, UTC), so no time
 * zone can move a date by a day. Three calendars (colombia-rules.md §9): business days (PQR and recurso terms),
 * calendar months (Ley 142 arts. 150 and 154 five-month limits) and calendar hours (the 72 h of art. 158).
 * Every business-day function takes the holiday set: national holidays merged with company non-working days.
 */
import type { IsoDate } from '~/utils/format'

export type { IsoDate }
export type Holidays = ReadonlySet<IsoDate>
export type CalendarOptions = { saturdays?: boolean }

const DAY_MS = 86_400_000
const BOGOTA_OFFSET_MS = 5 * 3_600_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new Error(`not an IsoDate: ${date}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`not a calendar date: ${date}`)
  }
  return ms / DAY_MS
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

export function isValidIsoDate(value: string): boolean {
  try {
    toDayNumber(value)
    return true
  } catch {
    return false
  }
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`not a whole number of days: ${n}`)
  return fromDayNumber(toDayNumber(date) + n)
}

/**
 * Ley 4 de 1913 art. 62: holidays are excluded from day-terms. Sundays never count; Saturdays count only when the
 * company's PQR office works them (setting `calendar.saturdays_are_business_days`, open question in the rules).
 */
export function isBusinessDay(date: IsoDate, holidays: Holidays, opts: CalendarOptions = {}): boolean {
  const wd = weekday(date)
  if (wd === 0) return false
  if (wd === 6 && !opts.saturdays) return false
  return !holidays.has(date)
}

/**
 * The n-th business day after `start`: day 1 is the first business day after `start`, whatever day `start` is
 * (CRA glossary; terms run from the day after receipt). n = 0 returns `start`; a negative n counts backwards
 * (day −1 is the last business day before `start`), for alerts "2 business days before the due date".
 */
export function addBusinessDays(
  start: IsoDate,
  n: number,
  holidays: Holidays,
  opts: CalendarOptions = {},
): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`not a whole number of business days: ${n}`)
  const step = n < 0 ? -1 : 1
  let day = toDayNumber(start)
  for (let left = Math.abs(n); left > 0;) {
    day += step
    if (isBusinessDay(fromDayNumber(day), holidays, opts)) left--
  }
  return fromDayNumber(day)
}

/**
 * The number of business days d with a < d ≤ b. When b is before a the result is negative (minus the count of
 * business days d with b < d ≤ a), so "business days left until the due date" goes below zero once overdue.
 */
export function businessDaysBetween(
  a: IsoDate,
  b: IsoDate,
  holidays: Holidays,
  opts: CalendarOptions = {},
): number {
  const from = toDayNumber(a)
  const to = toDayNumber(b)
  if (to < from) return -businessDaysBetween(b, a, holidays, opts)
  // Whole weeks by arithmetic, the remainder day by day, then the holidays that fall on a working weekday in the
  // range: the cost follows the holiday set, not the distance (queues show "days left" for cases years apart).
  const isWorkingWeekday = (day: number) => {
    const wd = (((day + 4) % 7) + 7) % 7
    return wd !== 0 && (wd !== 6 || Boolean(opts.saturdays))
  }
  const span = to - from
  let count = Math.floor(span / 7) * (opts.saturdays ? 6 : 5)
  for (let day = to - (span % 7) + 1; day <= to; day++) if (isWorkingWeekday(day)) count++
  for (const holiday of holidays) {
    const day = toDayNumber(holiday)
    if (day > from && day <= to && isWorkingWeekday(day)) count--
  }
  return count
}

/**
 * Calendar-month terms run date to date (Ley 4 de 1913 art. 59) and clamp to the last day of a shorter month:
 * 31 Jan + 1 month = 28 Feb (29 in a leap year). Used for the five months of Ley 142 arts. 150 and 154.
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`not a whole number of months: ${n}`)
  toDayNumber(date)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const monthIndex = y * 12 + (m - 1) + n
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return fromDayNumber(Date.UTC(year, month, Math.min(d, lastDay)) / DAY_MS)
}

/** The instant 00:00 in Bogotá of `date`. */
export function startOfBogotaDay(date: IsoDate): Date {
  return new Date(toDayNumber(date) * DAY_MS + BOGOTA_OFFSET_MS)
}

/** Calendar hours (weekends and holidays included), e.g. the 72 h to recognise silencio positivo (art. 158). */
export function addCalendarHours(from: Date, hours: number): Date {
  if (!Number.isFinite(hours)) throw new Error(`not a number of hours: ${hours}`)
  return new Date(from.getTime() + hours * 3_600_000)
}

/** The Bogotá calendar date of an instant (the clock is injected: pass `now`). */
export function todayInBogota(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new Error('invalid instant')
  return new Date(now.getTime() - BOGOTA_OFFSET_MS).toISOString().slice(0, 10)
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let day = toDayNumber(from); day <= toDayNumber(to); day++) out.push(fromDayNumber(day))
  return out
}
