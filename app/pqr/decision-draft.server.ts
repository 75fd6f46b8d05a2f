/**
 * Drafting a decision from a versioned template, and the optional coordinator approval (setting
 * `pqr.decision_approval_required`). A case has at most one decision in progress: saving again updates it, and
 * changing an approved draft sends it back to draft (what was approved is what gets issued).
 */
import { and, desc, eq, inArray } from 'drizzle-orm'
import { db as defaultDb, type Db, type DbOrTx, type Tx } from '~/db.server'
import { todayInBogota } from '~/calendar/business-days'
import { getSetting } from '~/settings/read.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, type Result } from '~/utils/errors'
import { pqrDecisions, pqrDecisionTemplates, pqrTasks, type PqrDecision } from '../../db/schema/pqr'
import { loadDecisionContext, placeholderValues } from './decision-context.server'
import { checkDecisionCoherence, checkRecursos, type Recurso } from './decision-rules'
import { describeRenderProblem, renderTemplate } from './decision-template'
import { recordCaseEvent } from './events.server'
import { closeTask, openTask, rollbackWith, runUseCase } from './tasks.server'

export type Staff = { id: string; label?: string }
const asActor = (s: Staff) => ({ kind: 'user' as const, userId: s.id, label: s.label })

export type DraftInput = {
  caseId: string
  templateId: string
  invoiceId?: string | null
  creditAmount?: string | null
  debitAmount?: string | null
  body?: string | null
  legalGrounds?: string | null
  recursos: Recurso[]
  actor: Staff
  now?: Date
}

const IN_PROGRESS = ['draft', 'pending_approval', 'approved'] as const

export async function currentDraft(tx: DbOrTx, caseId: string): Promise<PqrDecision | null> {
  const [row] = await tx
    .select()
    .from(pqrDecisions)
    .where(and(eq(pqrDecisions.caseId, caseId), inArray(pqrDecisions.status, [...IN_PROGRESS])))
    .orderBy(desc(pqrDecisions.createdAt))
    .limit(1)
  return row ?? null
}

export async function saveDecisionDraft(
  input: DraftInput,
  db: Db = defaultDb,
): Promise<Result<{ decisionId: string }>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const ctx = await loadDecisionContext(tx, input.caseId, { lock: true })
      if (!ctx) rollbackWith(new DomainError('pqr/not_found', 'No encontramos el caso.'))
      const [template] = await tx
        .select()
        .from(pqrDecisionTemplates)
        .where(eq(pqrDecisionTemplates.id, input.templateId))
      if (!template || !template.active)
        rollbackWith(
          new DomainError('pqr/template_not_found', 'La plantilla no existe o ya no está vigente.'),
        )
      const hasEffect = Boolean(input.creditAmount || input.debitAmount)
      const invoice =
        ctx.invoices.find((i) => i.invoiceId === input.invoiceId) ??
        (hasEffect && ctx.invoices.length === 1 ? ctx.invoices[0] : undefined)
      if (hasEffect && !invoice)
        rollbackWith(
          new DomainError(
            'pqr/effect_invoice',
            'Elija la factura del reclamo sobre la que se aplica la nota.',
          ),
        )
      const coherent = checkDecisionCoherence({
        category: ctx.category,
        state: ctx.case.state,
        decisionType: template.decisionType,
        creditAmount: input.creditAmount,
        debitAmount: input.debitAmount,
        disputedAmount: invoice?.disputedAmount ?? null,
      })
      if (!coherent.ok) rollbackWith(new DomainError('pqr/incoherent_decision', coherent.message))
      const recursos = template.decisionType === 'traslada_por_competencia' ? [] : input.recursos
      const checked = checkRecursos(template.decisionType, recursos)
      if (!checked.ok) rollbackWith(new DomainError('pqr/decision_without_recursos', checked.message))
      const existing = await currentDraft(tx, input.caseId)
      // A new template (or an empty body) drafts the text again; otherwise the agent's edited text is kept.
      let body = input.body?.trim() || null
      if (!body || existing?.templateId !== template.id) {
        const recursoDays = await getSetting('pqr.recurso_window_business_days', { db: tx, now })
        const values = placeholderValues(ctx, {
          creditAmount: input.creditAmount,
          debitAmount: input.debitAmount,
          decidedOn: todayInBogota(now),
          recursoDays,
        })
        const rendered = renderTemplate(template.body, values)
        if (!rendered.ok)
          rollbackWith(new DomainError('pqr/template_render', describeRenderProblem(rendered)))
        body = rendered.text
      }
      const values = {
        decisionType: template.decisionType,
        status: 'draft' as const,
        templateId: template.id,
        body,
        legalGrounds: input.legalGrounds?.trim() || template.legalGrounds,
        recursos,
        creditAmount: input.creditAmount || null,
        debitAmount: input.debitAmount || null,
        effectInvoiceId: hasEffect ? invoice!.invoiceId : null,
        draftedBy: input.actor.id,
        approvedBy: null,
        approvedAt: null,
      }
      const decisionId = existing
        ? (
            await tx
              .update(pqrDecisions)
              .set(values)
              .where(eq(pqrDecisions.id, existing.id))
              .returning({ id: pqrDecisions.id })
          )[0]!.id
        : (
            await tx
              .insert(pqrDecisions)
              .values({ caseId: input.caseId, ...values })
              .returning({ id: pqrDecisions.id })
          )[0]!.id
      await recordCaseEvent(tx, {
        caseId: input.caseId,
        kind: 'decision_drafted',
        internal: true,
        body: `Proyecto «${template.title}» (versión ${template.version}).`,
        data: { decisionId, templateId: template.id, decisionType: template.decisionType },
        actor: asActor(input.actor),
        occurredAt: now,
      })
      return { decisionId }
    }),
  )
}

async function moveDecision(
  db: Db,
  input: {
    decisionId: string
    from: PqrDecision['status']
    to: PqrDecision['status']
    actor: Staff
    now: Date
  },
  then: (tx: Tx, decision: PqrDecision) => Promise<void>,
): Promise<Result<{ decisionId: string }>> {
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const approving = input.to === 'approved'
      const [moved] = await tx
        .update(pqrDecisions)
        .set({
          status: input.to,
          ...(approving ? { approvedBy: input.actor.id, approvedAt: input.now } : {}),
        })
        .where(and(eq(pqrDecisions.id, input.decisionId), eq(pqrDecisions.status, input.from)))
        .returning()
      if (!moved)
        rollbackWith(
          new DomainError('pqr/decision_state', 'La decisión cambió mientras tanto. Recargue la página.'),
        )
      if (approving && moved.draftedBy === input.actor.id)
        rollbackWith(new DomainError('pqr/self_approval', 'Quien proyectó la decisión no puede aprobarla.'))
      await then(tx, moved)
      await recordTrail(tx, {
        entityType: 'pqr_decision',
        entityId: moved.id,
        action: `pqr.decision_${input.to}`,
        actor: asActor(input.actor),
        summary: { before: { status: input.from }, after: { status: input.to }, caseId: moved.caseId },
      })
      return { decisionId: moved.id }
    }),
  )
}

export async function requestDecisionApproval(
  input: { decisionId: string; actor: Staff; now?: Date },
  db: Db = defaultDb,
) {
  const now = input.now ?? new Date()
  return moveDecision(db, { ...input, from: 'draft', to: 'pending_approval', now }, async (tx, d) => {
    await openTask(tx, { caseId: d.caseId, kind: 'decision_approval', payload: { decisionId: d.id } })
    await recordCaseEvent(tx, {
      caseId: d.caseId,
      kind: 'decision_drafted',
      internal: true,
      body: 'Proyecto enviado a aprobación del coordinador.',
      data: { decisionId: d.id },
      actor: asActor(input.actor),
      occurredAt: now,
    })
  })
}

export async function approveDecision(
  input: { decisionId: string; actor: Staff; now?: Date },
  db: Db = defaultDb,
) {
  const now = input.now ?? new Date()
  return moveDecision(db, { ...input, from: 'pending_approval', to: 'approved', now }, async (tx, d) => {
    await closeDecisionTask(tx, d.caseId, 'approved', input.actor.id, now)
    await recordCaseEvent(tx, {
      caseId: d.caseId,
      kind: 'decision_approved',
      internal: true,
      data: { decisionId: d.id },
      actor: asActor(input.actor),
      occurredAt: now,
    })
  })
}

export async function returnDecision(
  input: { decisionId: string; note: string; actor: Staff; now?: Date },
  db: Db = defaultDb,
) {
  const now = input.now ?? new Date()
  return moveDecision(db, { ...input, from: 'pending_approval', to: 'draft', now }, async (tx, d) => {
    await closeDecisionTask(tx, d.caseId, `returned: ${input.note}`, input.actor.id, now)
    await recordCaseEvent(tx, {
      caseId: d.caseId,
      kind: 'note',
      internal: true,
      body: `Proyecto devuelto para corrección: ${input.note}`,
      data: { decisionId: d.id },
      actor: asActor(input.actor),
      occurredAt: now,
    })
  })
}

async function closeDecisionTask(tx: Tx, caseId: string, outcome: string, by: string, now: Date) {
  const [task] = await tx
    .select({ id: pqrTasks.id })
    .from(pqrTasks)
    .where(
      and(eq(pqrTasks.caseId, caseId), eq(pqrTasks.kind, 'decision_approval'), eq(pqrTasks.status, 'open')),
    )
  if (task) await closeTask(tx, { taskId: task.id, outcome, resolvedBy: by, now })
}
