/**
 * Deadline alerts (issue 6, item 8), pure: which alert a case is due for today, and whether alerts may be sent now.
 * The clock, the holidays and the settings are inputs. The agent is warned twice before the company's next deadline
 * (5 and 2 business days by default, settings `pqr.alert_first_business_days` / `pqr.alert_second_business_days`),
 * the coordinator once it is overdue; only on business days and within `notices.sending_window` (Bogotá time).
 */
import {
  businessDaysBetween,
  isBusinessDay,
  todayInBogota,
  type Holidays,
  type IsoDate,
} from '~/calendar/business-days'
import type { PqrState } from './status'

export const ALERT_KINDS = ['agent_first', 'agent_second', 'coordinator_overdue'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

export type AlertThresholds = { firstBusinessDays: number; secondBusinessDays: number }
export type AlertWindow = { from: string; to: string }
export type CalendarCtx = { holidays: Holidays; saturdays: boolean }

/**
 * The one alert a case is due for on `today`, or null. Only the tightest threshold reached is returned: a case
 * that already has 2 business days left gets the second alert, not both (each is sent once, see the outbox key).
 */
export function alertDueFor(
  dueOn: IsoDate,
  today: IsoDate,
  thresholds: AlertThresholds,
  cal: CalendarCtx,
): AlertKind | null {
  if (today > dueOn) return 'coordinator_overdue'
  const left = businessDaysBetween(today, dueOn, cal.holidays, { saturdays: cal.saturdays })
  if (left <= thresholds.secondBusinessDays) return 'agent_second'
  if (left <= thresholds.firstBusinessDays) return 'agent_first'
  return null
}

/** Business days left until `dueOn` (negative once overdue), as the email states them. */
export function businessDaysLeft(dueOn: IsoDate, today: IsoDate, cal: CalendarCtx): number {
  return businessDaysBetween(today, dueOn, cal.holidays, { saturdays: cal.saturdays })
}

/** Bogotá wall-clock time of an instant as HH:MM (UTC−05:00 all year). */
export function bogotaTime(now: Date): string {
  return new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(11, 16)
}

/**
 * Alerts go out only on business days and within the window the settings allow: from `from` (included) to `to`
 * (excluded), Bogotá time. Company policy (setting `notices.sending_window`), so people are not written to at night.
 */
export function canSendAlertsAt(now: Date, window: AlertWindow, cal: CalendarCtx): boolean {
  if (!isBusinessDay(todayInBogota(now), cal.holidays, { saturdays: cal.saturdays })) return false
  const time = bogotaTime(now)
  return time >= window.from && time < window.to
}

/** The outbox key that makes each alert go out once per case, deadline, threshold and person. */
export function alertIdempotencyKey(caseId: string, dueOn: IsoDate, kind: AlertKind, userId: string): string {
  return `pqr-alert:${caseId}:${dueOn}:${kind}:${userId}`
}

/**
 * States in which a company deadline runs (stored in `next_step_due_on`): the answer before a decision (Ley 142 art.
 * 158), then the citation and the aviso (CPACA arts. 68–69). Later states run the user's recurso window, not ours.
 */
export const COMPANY_DEADLINE_STATES = [
  'radicada',
  'asignada',
  'en_tramite',
  'en_pruebas',
  'decidida',
  'citada',
] as const satisfies readonly PqrState[]

/** What is due in each of those states, as staff read it. */
export function stepLabel(state: PqrState): string {
  if (state === 'decidida') return 'enviar la citación o el aviso electrónico (CPACA art. 68)'
  if (state === 'citada') return 'notificar la decisión, por aviso si no comparece (CPACA art. 69)'
  return 'expedir la decisión (Ley 142 art. 158)'
}
