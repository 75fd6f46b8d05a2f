/**
 * Shared steps of notification: the decision a notice belongs to, business-day arithmetic with the company calendar,
 * and completing a notification (CPACA arts. 56, 67, 69, 72) — the case becomes notificada and the recurso window
 * (Ley 142 art. 154) starts at once, in the same transaction.
 */
import { and, eq } from 'drizzle-orm'
import { addBusinessDays, addCalendarMonths, type IsoDate } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import type { DbOrTx, Tx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import type { TrailActor } from '~/trail/record.server'
import { DomainError } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { pqrCases, pqrDecisions, type PqrDecision } from '../../db/schema/pqr'
import { transitionCase } from './events.server'
import { NOTIFICATION_KIND_LABELS } from './notify-labels'
import { rollbackWith } from './tasks.server'

/** The issued decision of a case, or a rollback: there is nothing to notify before one exists. */
export async function issuedDecisionOf(tx: DbOrTx, caseId: string): Promise<PqrDecision> {
  const [decision] = await tx
    .select()
    .from(pqrDecisions)
    .where(and(eq(pqrDecisions.caseId, caseId), eq(pqrDecisions.status, 'issued')))
  if (!decision)
    rollbackWith(
      new DomainError('pqr/no_issued_decision', 'El caso no tiene una decisión expedida para notificar.'),
    )
  return decision
}

/** `n` business days after `from` with the company calendar and the Saturday setting. */
export async function addBusinessDaysWithCalendar(tx: DbOrTx, from: IsoDate, n: number): Promise<IsoDate> {
  const saturdays = await getSetting('calendar.saturdays_are_business_days', { db: tx, on: from })
  const holidays = await loadHolidaySet(tx, { from, to: addCalendarMonths(from, 3) })
  return addBusinessDays(from, n, holidays, { saturdays })
}

/** The case's state, locked for the rest of the transaction. */
export async function lockCase(tx: DbOrTx, caseId: string) {
  const [row] = await tx.select().from(pqrCases).where(eq(pqrCases.id, caseId)).for('update')
  if (!row) rollbackWith(new DomainError('pqr/not_found', 'No encontramos el caso.'))
  return row
}

const NOTIFIABLE = ['decidida', 'citada'] as const

/**
 * The decision is notified: notificada, then en_termino_de_recursos. `effectiveOn` is the day notification took
 * effect; the stored recurso_until is recomputed from the notification rows by the clock refresh.
 */
export async function completeNotification(
  tx: Tx,
  input: {
    caseId: string
    method: string
    effectiveOn: IsoDate
    actor: TrailActor
    now: Date
    evidence?: Record<string, unknown>
  },
): Promise<{ recursoUntil: IsoDate | null }> {
  const current = await lockCase(tx, input.caseId)
  if (!(NOTIFIABLE as readonly string[]).includes(current.state))
    rollbackWith(new DomainError('pqr/already_notified', 'La decisión de este caso ya fue notificada.'))
  const label = NOTIFICATION_KIND_LABELS[input.method] ?? input.method
  const notified = await transitionCase(tx, {
    caseId: input.caseId,
    to: 'notificada',
    kind: 'notification',
    body: `${label}: surtida con efecto desde el ${formatDate(input.effectiveOn)}.`,
    data: { method: input.method, effectiveOn: input.effectiveOn, ...(input.evidence ?? {}) },
    actor: input.actor,
    now: input.now,
  })
  if (!notified.ok) rollbackWith(notified.error)
  const [after] = await tx
    .select({ recursoUntil: pqrCases.recursoUntil })
    .from(pqrCases)
    .where(eq(pqrCases.id, input.caseId))
  const until = after?.recursoUntil ?? null
  const window = await transitionCase(tx, {
    caseId: input.caseId,
    to: 'en_termino_de_recursos',
    body: until
      ? `Corre el término para interponer recursos hasta el ${formatDate(until)}.`
      : 'Corre el término para interponer recursos.',
    data: { recursoUntil: until },
    actor: input.actor,
    now: input.now,
  })
  if (!window.ok) rollbackWith(window.error)
  return { recursoUntil: until }
}
