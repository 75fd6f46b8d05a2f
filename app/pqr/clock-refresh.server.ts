/**
 * Recomputes the legal clocks of one case from its rows (events, issued decision, notifications) with the pure
 * `computeClocks`, and stores them on the case so the queue and dashboard query indexed columns (STYLE.md §7).
 * Call it in the transaction that changed anything a clock depends on; `transitionCase` does.
 */
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm'
import { addCalendarMonths, todayInBogota, type IsoDate } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import type { DbOrTx } from '~/db.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import { pqrCases, pqrDecisions, pqrEvents, pqrNotifications } from '../../db/schema/pqr'
import {
  CLOCK_SETTING_KEYS,
  computeClocks,
  type CaseClocks,
  type CaseEvents,
  type ClockTerms,
  type NotificationMethod,
} from './clocks'

const dateOf = (at: Date | null | undefined): IsoDate | null => (at ? todayInBogota(at) : null)

/** The terms in force on `on`, from the settings catalogue (CLOCK_SETTING_KEYS). */
export async function loadClockTerms(tx: DbOrTx, on: IsoDate): Promise<ClockTerms> {
  const snapshot = await getSettingsSnapshot(on, tx)
  const terms = {} as Record<keyof ClockTerms, unknown>
  for (const [field, key] of Object.entries(CLOCK_SETTING_KEYS)) terms[field as keyof ClockTerms] = snapshot[key]
  return terms as ClockTerms
}

type NotificationRow = {
  kind: string
  sentAt: Date | null
  openedAt: Date | null
  deliveredOn: string | null
  effectiveOn: string | null
  recordedAt: Date
}

/** The earliest step that notified the decision (CPACA arts. 56, 67, 69, 72). */
function notificationOf(rows: NotificationRow[]): CaseEvents['notification'] {
  const done: { method: NotificationMethod; on: IsoDate }[] = []
  for (const r of rows) {
    if (r.kind === 'personal' || r.kind === 'conducta_concluyente') {
      const on = r.effectiveOn ?? dateOf(r.sentAt) ?? dateOf(r.recordedAt)!
      done.push({ method: r.kind, on })
    } else if (r.kind === 'electronica' && r.openedAt) {
      done.push({ method: 'electronica', on: dateOf(r.openedAt)! })
    } else if (r.kind === 'aviso' && r.deliveredOn) {
      done.push({ method: 'aviso', on: r.deliveredOn })
    }
  }
  done.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  return done[0] ?? null
}

function earliest(values: (IsoDate | null)[]): IsoDate | null {
  const present = values.filter((v): v is IsoDate => v != null).sort()
  return present[0] ?? null
}

/** Builds the facts `computeClocks` needs from the case and its rows. */
export async function loadCaseEvents(tx: DbOrTx, caseId: string): Promise<CaseEvents | null> {
  const [found] = await tx.select({ filedOn: pqrCases.filedOn }).from(pqrCases).where(eq(pqrCases.id, caseId))
  if (!found) return null
  const events = await tx
    .select({ kind: pqrEvents.kind, data: pqrEvents.data, occurredAt: pqrEvents.occurredAt })
    .from(pqrEvents)
    .where(and(eq(pqrEvents.caseId, caseId), inArray(pqrEvents.kind, ['extension_granted', 'traslado'])))
    .orderBy(desc(pqrEvents.occurredAt))
  const [decision] = await tx
    .select({ id: pqrDecisions.id, issuedAt: pqrDecisions.issuedAt })
    .from(pqrDecisions)
    .where(and(eq(pqrDecisions.caseId, caseId), eq(pqrDecisions.status, 'issued')))
  const notifications: NotificationRow[] = decision
    ? await tx
        .select({
          kind: pqrNotifications.kind,
          sentAt: pqrNotifications.sentAt,
          openedAt: pqrNotifications.openedAt,
          deliveredOn: pqrNotifications.deliveredOn,
          effectiveOn: pqrNotifications.effectiveOn,
          recordedAt: pqrNotifications.recordedAt,
        })
        .from(pqrNotifications)
        .where(
          and(
            eq(pqrNotifications.caseId, caseId),
            or(eq(pqrNotifications.decisionId, decision.id), isNull(pqrNotifications.decisionId)),
          ),
        )
    : []
  const extension = events.find((e) => e.kind === 'extension_granted')?.data as
    | { grantedOn?: IsoDate; businessDays?: number }
    | undefined
  const traslado = events.find((e) => e.kind === 'traslado')
  const sent = (kind: string) => earliest(notifications.filter((n) => n.kind === kind).map((n) => dateOf(n.sentAt)))
  const electronic = notifications.filter((n) => n.kind === 'electronica')
  const avisos = notifications.filter((n) => n.kind === 'aviso')
  return {
    filedOn: found.filedOn,
    extension:
      extension?.grantedOn && extension.businessDays
        ? { grantedOn: extension.grantedOn, businessDays: Number(extension.businessDays) }
        : null,
    trasladadoOn: traslado ? todayInBogota(traslado.occurredAt) : null,
    decidedOn: dateOf(decision?.issuedAt),
    citationSentOn: sent('citacion'),
    electronicNoticeSentOn: sent('electronica'),
    electronicNoticeOpenedOn: earliest(electronic.map((n) => dateOf(n.openedAt))),
    avisoSentOn: sent('aviso'),
    avisoDeliveredOn: earliest(avisos.map((n) => n.deliveredOn)),
    notification: notificationOf(notifications),
  }
}

/** Recomputes and stores `due_on`, `traslado_due_on`, `next_step_due_on`, `recurso_until` and `silencio_risk`. */
export async function refreshCaseClocks(
  tx: DbOrTx,
  caseId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<CaseClocks | null> {
  const facts = await loadCaseEvents(tx, caseId)
  if (!facts) return null
  const today = todayInBogota(now)
  const terms = await loadClockTerms(tx, today)
  const from = facts.filedOn < today ? facts.filedOn : today
  // Every term here is weeks long; two years past the later of filing and today covers any chain of steps.
  const holidays = await loadHolidaySet(tx, { from, to: addCalendarMonths(facts.filedOn > today ? facts.filedOn : today, 24) })
  const clocks = computeClocks(facts, today, holidays, terms)
  await tx
    .update(pqrCases)
    .set({
      dueOn: clocks.answerDueOn,
      trasladoDueOn: clocks.trasladoDueOn,
      nextStepDueOn: clocks.next.dueOn,
      recursoUntil: clocks.recursoWindowEndsOn,
      silencioRisk: clocks.isSilencioRisk,
    })
    .where(eq(pqrCases.id, caseId))
  return clocks
}
