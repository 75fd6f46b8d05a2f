/**
 * The daily step that closes notification and recurso windows:
 * 1. a publication on the website (CPACA art. 69 inciso 2) completes at the end of the day after its removal: the
 *    case is then notified (recorded as an aviso delivered on the removal date, so the clocks read it like one);
 * 2. a decision whose recurso window (Ley 142 art. 154) passed without a recurso becomes firme, and the holds of the
 *    case are ended (art. 155): released, so the rest is owed again — the decision's credit, if any, was applied when
 *    it was issued — or credited in full when the decision accedes without an amount of its own.
 * Each case runs in its own transaction: one failure does not block the others, and a rerun finds nothing left to do.
 */
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm'
import { releaseHold } from '~/billing/ledger/holds.server'
import { todayInBogota } from '~/calendar/business-days'
import { db as defaultDb, type Db, type Tx } from '~/db.server'
import type { TrailActor } from '~/trail/record.server'
import { formatDate } from '~/utils/format'
import { disputeHolds } from '../../db/schema/ledger'
import { pqrCaseInvoices, pqrCases, pqrDecisions, pqrNotifications } from '../../db/schema/pqr'
import { recordCaseEvent, transitionCase } from './events.server'
import { completeNotification } from './notify-complete.server'
import { rollbackWith, runUseCase } from './tasks.server'

export type FinalizeSummary = {
  published: number
  firme: number
  holdsReleased: number
  holdsCredited: number
  failures: string[]
}

export async function finalizeCases({
  now = new Date(),
  actor,
  db = defaultDb,
}: {
  now?: Date
  actor: TrailActor
  db?: Db
}): Promise<FinalizeSummary> {
  const today = todayInBogota(now)
  const summary: FinalizeSummary = {
    published: 0,
    firme: 0,
    holdsReleased: 0,
    holdsCredited: 0,
    failures: [],
  }
  const publications = await db
    .select({
      id: pqrNotifications.id,
      caseId: pqrNotifications.caseId,
      decisionId: pqrNotifications.decisionId,
      until: pqrNotifications.publishedUntil,
      effectiveOn: pqrNotifications.effectiveOn,
    })
    .from(pqrNotifications)
    .innerJoin(pqrCases, eq(pqrCases.id, pqrNotifications.caseId))
    .where(
      and(
        eq(pqrNotifications.kind, 'publicacion'),
        lte(pqrNotifications.effectiveOn, today),
        inArray(pqrCases.state, ['decidida', 'citada']),
      ),
    )
  for (const p of publications) {
    const done = await runUseCase(() =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(pqrNotifications)
          .values({
            caseId: p.caseId,
            decisionId: p.decisionId,
            kind: 'aviso',
            courier: 'Publicación en la página web',
            deliveredOn: p.until,
            effectiveOn: p.effectiveOn,
            evidence: { publicationId: p.id, removedOn: p.until },
            recordedAt: now,
          })
          .returning({ id: pqrNotifications.id })
        return completeNotification(tx, {
          caseId: p.caseId,
          method: 'publicacion',
          effectiveOn: p.effectiveOn!,
          actor,
          now,
          evidence: { notificationId: row!.id, publishedUntil: p.until },
        })
      }),
    )
    if (done.ok) summary.published++
    else summary.failures.push(`${p.caseId}: ${done.error.message}`)
  }
  const due = await db
    .select({ id: pqrCases.id })
    .from(pqrCases)
    .where(
      and(
        eq(pqrCases.state, 'en_termino_de_recursos'),
        lt(pqrCases.recursoUntil, today),
        // A recurso filed against the decision is a child case (appeals issue): the decision is not firme.
        sql`not exists (select 1 from pqr_cases r where r.parent_case_id = ${pqrCases.id})`,
      ),
    )
  for (const c of due) {
    const done = await runUseCase(() => db.transaction((tx) => makeFirme(tx, c.id, { today, now, actor })))
    if (done.ok) {
      summary.firme++
      summary.holdsReleased += done.value.released
      summary.holdsCredited += done.value.credited
    } else summary.failures.push(`${c.id}: ${done.error.message}`)
  }
  return summary
}

async function makeFirme(tx: Tx, caseId: string, o: { today: string; now: Date; actor: TrailActor }) {
  const moved = await transitionCase(tx, {
    caseId,
    to: 'firme',
    body: 'La decisión quedó en firme: venció el término sin que se interpusieran recursos.',
    actor: o.actor,
    now: o.now,
  })
  if (!moved.ok) rollbackWith(moved.error)
  const [decision] = await tx
    .select({
      type: pqrDecisions.decisionType,
      credit: pqrDecisions.creditAmount,
      debit: pqrDecisions.debitAmount,
      radicado: pqrDecisions.outgoingRadicado,
    })
    .from(pqrDecisions)
    .where(and(eq(pqrDecisions.caseId, caseId), eq(pqrDecisions.status, 'issued')))
  const outcome = decision?.type === 'accede' && !decision.credit && !decision.debit ? 'credited' : 'released'
  const holds = await tx
    .select({ id: disputeHolds.id, amount: disputeHolds.amount })
    .from(disputeHolds)
    .where(
      and(
        eq(disputeHolds.status, 'active'),
        or(
          and(eq(disputeHolds.relatedEntityType, 'pqr_case'), eq(disputeHolds.relatedEntityId, caseId)),
          inArray(
            disputeHolds.id,
            tx
              .select({ id: pqrCaseInvoices.holdId })
              .from(pqrCaseInvoices)
              .where(and(eq(pqrCaseInvoices.caseId, caseId), sql`${pqrCaseInvoices.holdId} is not null`)),
          ),
        ),
      ),
    )
  for (const h of holds) {
    const note =
      outcome === 'credited' ? `Nota crédito por decisión en firme ${decision?.radicado ?? ''}` : undefined
    const released = await releaseHold(tx, { holdId: h.id, outcome, on: o.today, note, actor: o.actor })
    if (!released.ok) rollbackWith(released.error)
    await recordCaseEvent(tx, {
      caseId,
      kind: 'hold_released',
      body:
        outcome === 'credited'
          ? 'El valor en reclamo se acreditó a la cuenta (decisión en firme a favor).'
          : 'El valor en reclamo dejó de estar retenido: la decisión quedó en firme.',
      data: { holdId: h.id, amount: h.amount, outcome, creditNoteEntryId: released.value.creditNoteEntryId },
      actor: o.actor,
      occurredAt: o.now,
    })
  }
  return {
    released: outcome === 'released' ? holds.length : 0,
    credited: outcome === 'credited' ? holds.length : 0,
    firmeOn: formatDate(o.today),
  }
}
