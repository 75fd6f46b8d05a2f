/**
 * Legal's answer to a silencio positivo recognition task (Ley 142 de 1994 art. 158: the company recognises the
 * effects on its own within 72 hours). Either it confirms, and the proposed billing effect is applied through
 * billing's functions in the same transaction, or it records why silencio cannot apply (SSPD CU-16: a legally
 * impossible request, e.g. free service, is not granted by silence; colombia-rules.md §1.3).
 */
import { eq } from 'drizzle-orm'
import { postCreditNote } from '~/billing/ledger/notes.server'
import { releaseHold } from '~/billing/ledger/holds.server'
import { todayInBogota, type IsoDate } from '~/calendar/business-days'
import { db as defaultDb, type Db, type DbOrTx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import type { TrailActor } from '~/trail/record.server'
import { formatCOP } from '~/utils/format'
import type { Result } from '~/utils/errors'
import { disputeHolds } from '../../db/schema/ledger'
import { pqrCases } from '../../db/schema/pqr'
import { recordCaseChange } from './events.server'
import type { SilencioEffect } from './silencio'
import type { SilencioTaskPayload } from './silencio.server'
import { closeTask, lockOpenTask, rollbackWith, runUseCase } from './tasks.server'

type Staff = { userId: string }
type Opts = { now?: Date; db?: Db }

/** Applies a credit per claimed invoice: the active hold is released as credited, else a credit note is posted. */
async function applyEffect(
  tx: DbOrTx,
  effect: SilencioEffect,
  ctx: { on: IsoDate; radicado: string; actor: TrailActor },
) {
  const entries: string[] = []
  if (effect.kind === 'none') return entries
  const description = `Silencio administrativo positivo (Ley 142 art. 158), PQR ${ctx.radicado}`
  for (const inv of effect.invoices) {
    const [hold] = inv.holdId
      ? await tx
          .select({ status: disputeHolds.status })
          .from(disputeHolds)
          .where(eq(disputeHolds.id, inv.holdId))
      : []
    // Already credited (by a decision or another path): crediting it again would pay twice.
    if (hold?.status === 'credited') continue
    const outcome =
      hold?.status === 'active'
        ? await releaseHold(tx, {
            holdId: inv.holdId!,
            outcome: 'credited',
            on: ctx.on,
            note: description,
            actor: ctx.actor,
          })
        : await postCreditNote(tx, {
            invoiceId: inv.invoiceId,
            amount: inv.amount,
            on: ctx.on,
            description,
            actor: ctx.actor,
          })
    if (!outcome.ok) rollbackWith(outcome.error)
    const entryId =
      'creditNoteEntryId' in outcome.value ? outcome.value.creditNoteEntryId : outcome.value.entryId
    if (entryId) entries.push(entryId)
  }
  return entries
}

async function caseOf(tx: DbOrTx, caseId: string) {
  const [c] = await tx
    .select({ radicado: pqrCases.radicado, filerName: pqrCases.filerName, filerEmail: pqrCases.filerEmail })
    .from(pqrCases)
    .where(eq(pqrCases.id, caseId))
  return c!
}

/** Confirms the recognition: the effect is applied, the case timeline and the trail record it, the filer is told. */
export function recogniseSilencio(
  input: { taskId: string; note?: string | null },
  staff: Staff,
  { now = new Date(), db = defaultDb }: Opts = {},
): Promise<Result<{ caseId: string; creditNoteEntryIds: string[] }>> {
  const actor: TrailActor = { kind: 'user', userId: staff.userId }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const task = await lockOpenTask(tx, input.taskId, 'silencio_recognition')
      if (!task.ok) rollbackWith(task.error)
      const { caseId } = task.value
      const payload = task.value.payload as SilencioTaskPayload
      const c = await caseOf(tx, caseId)
      const effect = payload.proposal.effect
      const creditNoteEntryIds = await applyEffect(tx, effect, {
        on: todayInBogota(now),
        radicado: c.radicado,
        actor,
      })
      await closeTask(tx, { taskId: input.taskId, outcome: 'recognised', resolvedBy: staff.userId, now })
      const credit = effect.kind === 'credit' ? effect.total : null
      await recordCaseChange(tx, {
        caseId,
        kind: 'silencio_recognised',
        body: [payload.proposal.summary, input.note].filter(Boolean).join(' '),
        data: { taskId: input.taskId, creditNoteEntryIds, credit },
        actor,
        occurredAt: now,
      })
      if (c.filerEmail) {
        await enqueueEmail(tx, {
          to: c.filerEmail,
          template: 'silencio-recognised',
          props: {
            filerName: c.filerName,
            radicado: c.radicado,
            summary: payload.proposal.summary,
            credit: credit ? formatCOP(credit) : null,
          },
          idempotencyKey: `silencio-recognised:${caseId}`,
          related: { entityType: 'pqr_case', entityId: caseId },
        })
      }
      return { caseId, creditNoteEntryIds }
    }),
  )
}

/** Records why silencio cannot apply; nothing is credited and the case still needs its decision. */
export function recordSilencioNotApplicable(
  input: { taskId: string; reason: string },
  staff: Staff,
  { now = new Date(), db = defaultDb }: Opts = {},
): Promise<Result<{ caseId: string }>> {
  const actor: TrailActor = { kind: 'user', userId: staff.userId }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const task = await lockOpenTask(tx, input.taskId, 'silencio_recognition')
      if (!task.ok) rollbackWith(task.error)
      const { caseId } = task.value
      await closeTask(tx, { taskId: input.taskId, outcome: 'not_applicable', resolvedBy: staff.userId, now })
      await recordCaseChange(tx, {
        caseId,
        kind: 'silencio_not_applicable',
        body: input.reason,
        data: { taskId: input.taskId },
        internal: true,
        actor,
        occurredAt: now,
        summary: { taskId: input.taskId, reason: input.reason },
      })
      return { caseId }
    }),
  )
}
