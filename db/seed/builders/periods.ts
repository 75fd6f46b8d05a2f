/**
 * Billing periods of a cycle: the 12 months (6 bimonthly periods) ending with the last complete month before
 * `today`, plus one earlier "opening" period (status closed) whose readings are the starting register values,
 * so the first billed period has a previous reading like every other.
 */
import type { NewBillingPeriod } from '../../schema/readings'
import { addDays, addMonths, monthEnd, monthStart, withDay, type IsoDate } from '../dates'
import type { CycleSpec } from '../catalog'
import type { Rng } from '../random'

export type PeriodRow = NewBillingPeriod & { id: string; readingOn: IsoDate; months: 1 | 2 }

export function periodDates(cycle: Omit<CycleSpec, 'code' | 'name'>, firstMonth: IsoDate) {
  const months = cycle.frequency === 'bimonthly' ? 2 : 1
  const startsOn = monthStart(firstMonth)
  const endsOn = monthEnd(addMonths(startsOn, months - 1))
  const next = addMonths(startsOn, months)
  const readingOn = withDay(next, cycle.readingDay)
  const issueOn = withDay(next, cycle.issueDay)
  const dueOn = addDays(issueOn, cycle.dueDaysAfterIssue)
  return { code: startsOn.slice(0, 7), startsOn, endsOn, readingOn, issueOn, dueOn, suspensionOn: addDays(dueOn, cycle.suspensionDaysAfterDue), months } as const
}

export function buildBillingPeriods(
  rng: Rng,
  cycle: Omit<CycleSpec, 'code' | 'name'>,
  opts: { cycleId: string; today: IsoDate; months?: number },
): PeriodRow[] {
  const step = cycle.frequency === 'bimonthly' ? 2 : 1
  const count = Math.ceil((opts.months ?? 12) / step)
  const lastComplete = addMonths(monthStart(opts.today), -1)
  const lastStart = addMonths(lastComplete, -(step - 1))
  const rows: PeriodRow[] = []
  for (let k = count; k >= 0; k--) {
    const dates = periodDates(cycle, addMonths(lastStart, -k * step))
    rows.push({ id: rng.uuid(), cycleId: opts.cycleId, ...dates, status: k === count ? 'closed' : 'read' })
  }
  return rows
}
