/**
 * The silencio positivo sweep (Ley 142 de 1994 art. 158; colombia-rules.md §1.3): every case with no decision issued
 * by its answer deadline is marked `silencio_positivo`, with the granted outcome and its billing effect proposed on a
 * recognition task due 72 hours after the term expired, and the coordinator and legal alerted by email. One
 * transaction per case; the state guard makes a re-run (or two workers) do nothing new.
 */
import { and, asc, eq, inArray, lt } from 'drizzle-orm'
import { todayInBogota, type IsoDate } from '~/calendar/business-days'
import type { Db, DbOrTx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import type { TrailActor } from '~/trail/record.server'
import { formatDate, formatInstantTime } from '~/utils/format'
import { pqrCaseInvoices, pqrCases, pqrTasks, pqrTypes } from '../../db/schema/pqr'
import { coordinatorsFor, jobOrigin, legalStaff, type Recipient } from './alerts-recipients.server'
import { loadClockTerms, refreshCaseClocks } from './clock-refresh.server'
import { sapRecognitionDeadline } from './clocks'
import { recordCaseEvent, transitionCase } from './events.server'
import { DEFECT_LABELS, isInSilencio, proposeSilencioEffect, type SilencioProposal } from './silencio'
import { OPEN_BEFORE_DECISION } from './status'
import { openTask } from './tasks.server'

/** What the recognition task carries (legal confirms it or records why it does not apply). */
export type SilencioTaskPayload = { dueOn: IsoDate; recognitionDeadline: string; proposal: SilencioProposal }

type Options = { now?: Date; actor: TrailActor }

/** Marks one case when it is (still) in silencio under its row lock; null when there is nothing to do. */
export async function declareSilencio(tx: DbOrTx, caseId: string, { now = new Date(), actor }: Options) {
  const today = todayInBogota(now)
  const [c] = await tx
    .select({
      state: pqrCases.state,
      dueOn: pqrCases.dueOn,
      radicado: pqrCases.radicado,
      subject: pqrCases.subject,
      areaId: pqrCases.areaId,
      typeCode: pqrCases.typeCode,
    })
    .from(pqrCases)
    .where(eq(pqrCases.id, caseId))
    .for('update')
  if (!c || !isInSilencio(c, today)) return null
  const [type] = await tx
    .select({ isBillingClaim: pqrTypes.isBillingClaim })
    .from(pqrTypes)
    .where(eq(pqrTypes.code, c.typeCode))
  const invoices = await tx
    .select({
      invoiceId: pqrCaseInvoices.invoiceId,
      disputedAmount: pqrCaseInvoices.disputedAmount,
      holdId: pqrCaseInvoices.holdId,
    })
    .from(pqrCaseInvoices)
    .where(eq(pqrCaseInvoices.caseId, caseId))
  const proposal = proposeSilencioEffect({
    radicado: c.radicado,
    subject: c.subject,
    isBillingClaim: type?.isBillingClaim ?? false,
    invoices,
  })
  const deadline = sapRecognitionDeadline(c.dueOn, await loadClockTerms(tx, today))
  const payload: SilencioTaskPayload = {
    dueOn: c.dueOn,
    recognitionDeadline: deadline.toISOString(),
    proposal,
  }
  const moved = await transitionCase(tx, {
    caseId,
    to: 'silencio_positivo',
    kind: 'silencio_declared',
    body: `Venció el término para responder (${formatDate(c.dueOn)}) sin decisión expedida. ${proposal.summary}`,
    data: payload,
    actor,
    now,
  })
  if (!moved.ok) return null
  // The term is over: an extension still waiting for approval can no longer be granted (art. 158).
  await tx
    .update(pqrTasks)
    .set({ status: 'cancelled', outcome: 'term_expired', resolvedAt: now })
    .where(
      and(eq(pqrTasks.caseId, caseId), eq(pqrTasks.kind, 'extension_approval'), eq(pqrTasks.status, 'open')),
    )
  const task = await openTask(tx, { caseId, kind: 'silencio_recognition', dueAt: deadline, payload })
  await alertSilencio(tx, { caseId, ...c, deadline, proposal, taskId: task.taskId })
  return { caseId, taskId: task.taskId }
}

async function alertSilencio(
  tx: DbOrTx,
  c: {
    caseId: string
    radicado: string
    subject: string
    dueOn: IsoDate
    areaId: string | null
    deadline: Date
    proposal: SilencioProposal
    taskId: string
  },
) {
  const people = new Map<string, Recipient>()
  for (const r of [...(await coordinatorsFor(tx, c.areaId)), ...(await legalStaff(tx))])
    people.set(r.userId, r)
  for (const r of people.values()) {
    await enqueueEmail(tx, {
      to: r.email,
      template: 'silencio-alert',
      props: {
        recipientName: r.fullName,
        radicado: c.radicado,
        subject: c.subject,
        dueOn: formatDate(c.dueOn),
        recognitionDeadline: formatInstantTime(c.deadline),
        proposal: c.proposal.summary,
        url: `${jobOrigin()}/gestion/silencio/${c.taskId}`,
      },
      idempotencyKey: `silencio-alert:${c.caseId}:${r.userId}`,
      related: { entityType: 'pqr_case', entityId: c.caseId },
    })
  }
}

export type SweepResult = { marked: number; caseIds: string[]; riskFlagged: number }

/** The scheduled sweep: marks every case in silencio, then refreshes the notification clocks that ran out. */
export async function sweepSilencio(
  db: Db,
  { now = new Date(), actor, batch = 200 }: Options & { batch?: number },
): Promise<SweepResult> {
  const today = todayInBogota(now)
  const caseIds: string[] = []
  for (;;) {
    const due = await db
      .select({ id: pqrCases.id })
      .from(pqrCases)
      .where(and(inArray(pqrCases.state, [...OPEN_BEFORE_DECISION]), lt(pqrCases.dueOn, today)))
      .orderBy(asc(pqrCases.dueOn))
      .limit(batch)
    let progressed = 0
    for (const { id } of due) {
      const done = await db.transaction((tx) => declareSilencio(tx, id, { now, actor }))
      if (!done) continue
      caseIds.push(id)
      progressed++
    }
    if (due.length < batch || progressed === 0) break
  }
  return {
    marked: caseIds.length,
    caseIds,
    riskFlagged: await flagNotificationRisks(db, today, { now, actor }),
  }
}

/**
 * SSPD doctrine (colombia-rules.md §3): a decision not notified as CPACA arts. 67–69 require triggers silencio. The
 * stored `silencio_risk` changes with time, not only with events, so the decided cases whose next notification step
 * ran out get their clocks recomputed; the timeline records when the risk appeared.
 */
async function flagNotificationRisks(
  db: Db,
  today: IsoDate,
  { now = new Date(), actor }: Options,
): Promise<number> {
  const stale = await db
    .select({ id: pqrCases.id })
    .from(pqrCases)
    .where(
      and(
        inArray(pqrCases.state, ['decidida', 'citada']),
        eq(pqrCases.silencioRisk, false),
        lt(pqrCases.nextStepDueOn, today),
      ),
    )
  let flagged = 0
  for (const { id } of stale) {
    const isFlagged = await db.transaction(async (tx) => {
      const clocks = await refreshCaseClocks(tx, id, { now })
      if (!clocks?.isSilencioRisk) return false
      await recordCaseEvent(tx, {
        caseId: id,
        kind: 'note',
        internal: true,
        body: `Riesgo de silencio positivo: la notificación no siguió los pasos del CPACA (${clocks.notificationDefects.map((d) => DEFECT_LABELS[d]).join('; ')}).`,
        data: { silencioRisk: clocks.notificationDefects },
        actor,
        occurredAt: now,
      })
      return true
    })
    if (isFlagged) flagged++
  }
  return flagged
}
