/**
 * Display formatting for es-CO (client-safe). Money arrives as decimal strings and Intl formats the string itself
 * (exact decimal, ES2023 Intl.NumberFormat v3), so large amounts never pass through a JS float. Legal dates (IsoDate) are formatted from their
 * string parts; instants are shown in America/Bogota (UTC−5, no daylight saving).
 */
export type IsoDate = string

const TIME_ZONE = 'America/Bogota'
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// Explicit fraction digits: the COP default differs between ICU versions (../shared/domain/formats.md §7.3).
const copFormat = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  roundingMode: 'halfExpand',
})

const numberFormat = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2, roundingMode: 'halfExpand' })
const DECIMAL = /^-?\d+(\.\d+)?$/

type Decimalish = string | { toFixed(): string }

function decimalString(value: Decimalish | number): `${number}` {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : value.toFixed()
  if (!DECIMAL.test(text)) throw new Error(`not a decimal amount: ${text}`)
  return text as `${number}`
}

const instantParts = new Intl.DateTimeFormat('es-CO', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `'1234567.50'` → `$ 1.234.568` (half up to the peso; negative amounts keep their sign). */
export function formatCOP(value: Decimalish): string {
  return copFormat.format(decimalString(value))
}

/** Grouped number with up to two decimals (`1.234,5`), for quantities such as m³; input as a decimal string. */
export function formatNumber(value: Decimalish | number): string {
  return numberFormat.format(decimalString(value))
}

/** `'2025-03-05'` → `05/03/2025`, from the string's parts (never `new Date(iso)`, which shifts a day in Bogotá). */
export function formatDate(iso: IsoDate): string {
  const match = ISO_DATE.exec(iso)
  if (!match) throw new Error(`not an IsoDate: ${iso}`)
  return `${match[3]}/${match[2]}/${match[1]}`
}

function bogotaParts(instant: Date | string) {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${String(instant)}`)
  const parts: Record<string, string> = {}
  for (const part of instantParts.formatToParts(date)) parts[part.type] = part.value
  const hour = parts.hour === '24' ? '00' : (parts.hour ?? '00')
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: Number(hour), minute: parts.minute! }
}

/** An instant as `dd/mm/aaaa` in America/Bogota. */
export function formatInstant(instant: Date | string): string {
  const p = bogotaParts(instant)
  return `${p.day}/${p.month}/${p.year}`
}

/** An instant as `dd/mm/aaaa hh:mm a. m.` in America/Bogota (12-hour clock, as people read it in Colombia). */
export function formatInstantTime(instant: Date | string): string {
  const p = bogotaParts(instant)
  const period = p.hour < 12 ? 'a. m.' : 'p. m.'
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12
  return `${p.day}/${p.month}/${p.year} ${String(hour12).padStart(2, '0')}:${p.minute} ${period}`
}

/** The calendar date in Bogotá at `now`, as an IsoDate. */
export function todayInBogota(now: Date = new Date()): IsoDate {
  const p = bogotaParts(now)
  return `${p.year}-${p.month}-${p.day}`
}
