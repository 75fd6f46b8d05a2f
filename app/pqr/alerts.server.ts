/**
 * The deadline alerts job body (issue 6, item 8): on business days, within the sending window, the assigned agent is
 * warned 5 and 2 business days before the case's next company deadline, and the coordinators (and the area's
 * leaders) once it is overdue. Each alert goes out once per case, deadline, threshold and person: the outbox
 * idempotency key (alerts.ts) makes every re-run of the schedule harmless.
 */
import { and, asc, inArray, lt } from 'drizzle-orm'
import { addBusinessDays, addCalendarDays, todayInBogota } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import type { Db } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import { formatDate } from '~/utils/format'
import { emailOutbox } from '../../db/schema/system'
import { pqrCases } from '../../db/schema/pqr'
import {
  alertDueFor,
  alertIdempotencyKey,
  businessDaysLeft,
  canSendAlertsAt,
  COMPANY_DEADLINE_STATES,
  stepLabel,
  type AlertKind,
  type CalendarCtx,
} from './alerts'
import { coordinatorsFor, jobOrigin, usersById, type Recipient } from './alerts-recipients.server'

export type AlertsResult = { skipped: 'outside_hours' | null; sent: number; considered: number }

type Candidate = typeof pqrCases.$inferSelect
type Planned = { c: Candidate; dueOn: string; kind: AlertKind; to: Recipient; key: string }

/** At most this many cases per run; the next run (every 30 minutes) continues with the rest. */
const MAX_CASES = 5000

export async function sendDeadlineAlerts(
  db: Db,
  { now = new Date() }: { now?: Date } = {},
): Promise<AlertsResult> {
  const today = todayInBogota(now)
  const settings = await getSettingsSnapshot(today, db)
  const holidays = await loadHolidaySet(db, { from: today, to: addCalendarDays(today, 120) })
  const cal: CalendarCtx = { holidays, saturdays: settings['calendar.saturdays_are_business_days'] }
  if (!canSendAlertsAt(now, settings['notices.sending_window'], cal))
    return { skipped: 'outside_hours', sent: 0, considered: 0 }
  const thresholds = {
    firstBusinessDays: settings['pqr.alert_first_business_days'],
    secondBusinessDays: settings['pqr.alert_second_business_days'],
  }
  const horizon = addBusinessDays(
    today,
    Math.max(thresholds.firstBusinessDays, thresholds.secondBusinessDays) + 1,
    holidays,
    { saturdays: cal.saturdays },
  )
  const candidates = await db
    .select()
    .from(pqrCases)
    .where(and(inArray(pqrCases.state, [...COMPANY_DEADLINE_STATES]), lt(pqrCases.nextStepDueOn, horizon)))
    .orderBy(asc(pqrCases.nextStepDueOn))
    .limit(MAX_CASES)
  const planned = await plan(db, candidates, { today, thresholds, cal })
  const already = await existingKeys(
    db,
    planned.map((p) => p.key),
  )
  let sent = 0
  for (const p of planned) {
    if (already.has(p.key)) continue
    const left = businessDaysLeft(p.dueOn, today, cal)
    await db.transaction((tx) =>
      enqueueEmail(tx, {
        to: p.to.email,
        template: 'pqr-alert',
        props: {
          recipientName: p.to.fullName,
          kind: p.kind,
          radicado: p.c.radicado,
          subject: p.c.subject,
          stepLabel: stepLabel(p.c.state),
          dueOn: formatDate(p.dueOn),
          businessDaysLeft: left,
          url: `${jobOrigin()}/gestion/casos/${p.c.id}`,
        },
        idempotencyKey: p.key,
        related: { entityType: 'pqr_case', entityId: p.c.id },
      }),
    )
    sent++
  }
  return { skipped: null, sent, considered: candidates.length }
}

async function plan(
  db: Db,
  candidates: Candidate[],
  ctx: {
    today: string
    thresholds: { firstBusinessDays: number; secondBusinessDays: number }
    cal: CalendarCtx
  },
): Promise<Planned[]> {
  const agentIds = [...new Set(candidates.map((c) => c.assignedTo).filter((id): id is string => id != null))]
  const agents = new Map((await usersById(db, agentIds)).map((u) => [u.userId, u]))
  const coordinators = new Map<string, Recipient[]>()
  const out: Planned[] = []
  for (const c of candidates) {
    const dueOn = c.nextStepDueOn!
    const kind = alertDueFor(dueOn, ctx.today, ctx.thresholds, ctx.cal)
    if (!kind) continue
    let to: Recipient[] = []
    if (kind === 'coordinator_overdue') {
      const area = c.areaId ?? ''
      if (!coordinators.has(area)) coordinators.set(area, await coordinatorsFor(db, c.areaId))
      to = coordinators.get(area)!
    } else {
      const agent = c.assignedTo ? agents.get(c.assignedTo) : undefined
      if (agent) to = [agent]
    }
    for (const r of to)
      out.push({ c, dueOn, kind, to: r, key: alertIdempotencyKey(c.id, dueOn, kind, r.userId) })
  }
  return out
}

async function existingKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000)
    const rowsFound = await db
      .select({ key: emailOutbox.idempotencyKey })
      .from(emailOutbox)
      .where(inArray(emailOutbox.idempotencyKey, chunk))
    for (const r of rowsFound) found.add(r.key)
  }
  return found
}
