/**
 * Slots of scheduled jobs, computed in Bogotá time (America/Bogota is UTC−5 all year: no daylight saving), so a
 * 'daily 02:00' job runs at 02:00 in Colombia whatever the server's time zone. Pure.
 */
export type ScheduleSpec = { daily: string } | { everyMinutes: number }

const BOGOTA_OFFSET_MS = 5 * 60 * 60 * 1000
const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/** The latest slot start at or before `now` (an instant). */
export function latestSlot(spec: ScheduleSpec, now: Date): Date {
  const local = now.getTime() - BOGOTA_OFFSET_MS // Bogotá wall clock expressed as if it were UTC
  if ('everyMinutes' in spec) {
    const step = spec.everyMinutes * MINUTE_MS
    if (!Number.isInteger(spec.everyMinutes) || spec.everyMinutes < 1)
      throw new Error('everyMinutes must be ≥ 1')
    // Aligned on Bogotá midnight when the step divides a day (every 15, 30, 60 minutes...).
    return new Date(Math.floor(local / step) * step + BOGOTA_OFFSET_MS)
  }
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(spec.daily)
  if (!match) throw new Error(`daily must be HH:MM, got ${spec.daily}`)
  const offsetInDay = (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS
  let slot = Math.floor(local / DAY_MS) * DAY_MS + offsetInDay
  if (slot > local) slot -= DAY_MS
  return new Date(slot + BOGOTA_OFFSET_MS)
}

/** The slot written the way a person in Bogotá reads it, used in the job's unique key: `2026-03-10T02:00-05:00`. */
export function slotLabel(slot: Date): string {
  return `${new Date(slot.getTime() - BOGOTA_OFFSET_MS).toISOString().slice(0, 16)}-05:00`
}
