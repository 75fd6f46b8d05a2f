/**
 * Issuing a decision, in one transaction (STYLE.md §5): the checks again (coherence, recursos, approval when the
 * setting asks for it), an outgoing radicado, the billing effect as a credit or debit note linked to the invoice,
 * the PDF kept in storage, the case to decidida (or remitida_por_competencia for a traslado), and the first notice.
 * If any step fails, nothing of it remains: no radicado is consumed, no note posted.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { postCreditNote, postDebitNote } from '~/billing/ledger/notes.server'
import { formatCOP, formatDate } from '~/utils/format'
import { todayInBogota } from '~/calendar/business-days'
import { renderDecisionPdf } from '~/documents/decision-pdf'
import { db as defaultDb, type Db, type Tx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { putFile } from '~/storage/files.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { pqrAttachments, pqrDecisions, pqrDecisionTemplates, type PqrDecision } from '../../db/schema/pqr'
import {
  COMPANY_NAME,
  loadDecisionContext,
  noticeAddress,
  type DecisionContext,
} from './decision-context.server'
import {
  checkDecisionCoherence,
  checkRecursos,
  DECISION_TYPE_LABELS,
  hasPendingInstructions,
  RECURSO_LABELS,
  type RecursoKind,
} from './decision-rules'
import { transitionCase } from './events.server'
import { startNotice } from './notify-electronic.server'
import { nextRadicado } from './radicado.server'
import { rollbackWith, runUseCase } from './tasks.server'

export type IssueInput = { decisionId: string; actor: { id: string }; origin: string; now?: Date }
export type Issued = {
  decisionId: string
  outgoingRadicado: string
  pdfFileId: string
  ledgerEntryId: string | null
  notice: string
}

const fail = (code: string, message: string): never => rollbackWith(new DomainError(code, message))

export async function issueDecision(input: IssueInput, db: Db = defaultDb): Promise<Result<Issued>> {
  const now = input.now ?? new Date()
  const actor: TrailActor = { kind: 'user', userId: input.actor.id }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const [decision] = await tx
        .select()
        .from(pqrDecisions)
        .where(eq(pqrDecisions.id, input.decisionId))
        .for('update')
      if (!decision) return fail('pqr/not_found', 'No encontramos la decisión.')
      const ctx = (await loadDecisionContext(tx, decision.caseId, { lock: true }))!
      await checkIssuable(tx, decision, ctx, now)
      const { radicado } = await nextRadicado(tx, 'salida', { now })
      const today = todayInBogota(now)
      const effect = await applyBillingEffect(tx, decision, ctx, { radicado, today, actor })
      const pdf = await renderPdf(tx, decision, ctx, { radicado, today, issuerId: input.actor.id })
      const stored = await putFile(tx, {
        name: `decision-${radicado}.pdf`,
        data: pdf,
        owner: { type: 'pqr_case', id: ctx.case.id },
        uploadedBy: input.actor.id,
        maxBytes: 10 * 1024 * 1024,
        trustedType: 'application/pdf',
      })
      if (!stored.ok) return rollbackWith(stored.error)
      await tx
        .insert(pqrAttachments)
        .values({ caseId: ctx.case.id, fileId: stored.value.id, role: 'decision' })
      const [issued] = await tx
        .update(pqrDecisions)
        .set({
          status: 'issued',
          outgoingRadicado: radicado,
          issuedAt: now,
          issuedBy: input.actor.id,
          pdfFileId: stored.value.id,
          effectLedgerEntryId: effect?.entryId ?? null,
        })
        .where(and(eq(pqrDecisions.id, decision.id), inArray(pqrDecisions.status, ['draft', 'approved'])))
        .returning()
      if (!issued) return fail('pqr/decision_state', 'La decisión cambió mientras tanto. Recargue la página.')
      const isTraslado = decision.decisionType === 'traslada_por_competencia'
      const moved = await transitionCase(tx, {
        caseId: ctx.case.id,
        to: isTraslado ? 'remitida_por_competencia' : 'decidida',
        kind: isTraslado ? 'traslado' : 'decision_issued',
        body: `Decisión ${radicado}: ${DECISION_TYPE_LABELS[decision.decisionType].toLowerCase()}.${effect ? ` ${effect.description}.` : ''}`,
        data: {
          decisionId: decision.id,
          outgoingRadicado: radicado,
          decisionType: decision.decisionType,
          ledgerEntryId: effect?.entryId ?? null,
          pdfFileId: stored.value.id,
        },
        actor,
        now,
      })
      if (!moved.ok) return rollbackWith(moved.error)
      await recordTrail(tx, {
        entityType: 'pqr_decision',
        entityId: decision.id,
        action: 'pqr.decision_issued',
        actor,
        summary: {
          before: { status: decision.status },
          after: { status: 'issued', outgoingRadicado: radicado },
          caseId: ctx.case.id,
          ledgerEntryId: effect?.entryId ?? null,
        },
      })
      const notice = isTraslado
        ? 'none'
        : await startNotice(tx, { case: ctx.case, decision: issued, actor, now, origin: input.origin })
      return {
        decisionId: decision.id,
        outgoingRadicado: radicado,
        pdfFileId: stored.value.id,
        ledgerEntryId: effect?.entryId ?? null,
        notice,
      }
    }),
  )
}

async function checkIssuable(tx: Tx, d: PqrDecision, ctx: DecisionContext, now: Date) {
  if (d.status === 'issued') fail('pqr/already_issued', 'La decisión ya fue expedida.')
  if (d.status === 'pending_approval')
    fail('pqr/approval_pending', 'La decisión espera la aprobación del coordinador.')
  const needsApproval = await getSetting('pqr.decision_approval_required', { db: tx, now })
  if (needsApproval && d.status !== 'approved')
    fail('pqr/approval_required', 'La decisión debe ser aprobada por el coordinador antes de expedirse.')
  const recursos = checkRecursos(d.decisionType, d.recursos)
  if (!recursos.ok) fail('pqr/decision_without_recursos', recursos.message)
  if (hasPendingInstructions(d.body))
    fail(
      'pqr/unfinished_text',
      'El texto de la decisión aún tiene instrucciones entre corchetes [ ]: complételas antes de expedir.',
    )
  const invoice = ctx.invoices.find((i) => i.invoiceId === d.effectInvoiceId)
  const coherent = checkDecisionCoherence({
    category: ctx.category,
    state: ctx.case.state,
    decisionType: d.decisionType,
    creditAmount: d.creditAmount,
    debitAmount: d.debitAmount,
    disputedAmount: invoice?.disputedAmount ?? null,
  })
  if (!coherent.ok) fail('pqr/incoherent_decision', coherent.message)
  if ((d.creditAmount || d.debitAmount) && !invoice)
    fail('pqr/effect_invoice', 'La nota debe aplicarse a una factura del reclamo.')
}

async function applyBillingEffect(
  tx: Tx,
  d: PqrDecision,
  ctx: DecisionContext,
  o: { radicado: string; today: string; actor: TrailActor },
) {
  if (!d.effectInvoiceId || !(d.creditAmount || d.debitAmount)) return null
  const isCredit = Boolean(d.creditAmount)
  const amount = (d.creditAmount ?? d.debitAmount)!
  const description = `${isCredit ? 'Nota crédito' : 'Nota débito'} por ${formatCOP(amount)} (decisión ${o.radicado}, PQR ${ctx.case.radicado})`
  const note = { invoiceId: d.effectInvoiceId, amount, on: o.today, description, actor: o.actor }
  const posted = isCredit ? await postCreditNote(tx, note) : await postDebitNote(tx, note)
  if (!posted.ok) return rollbackWith(posted.error)
  return { entryId: posted.value.entryId, description }
}

async function renderPdf(
  tx: Tx,
  d: PqrDecision,
  ctx: DecisionContext,
  o: { radicado: string; today: string; issuerId: string },
) {
  const [template] = d.templateId
    ? await tx
        .select({ title: pqrDecisionTemplates.title })
        .from(pqrDecisionTemplates)
        .where(eq(pqrDecisionTemplates.id, d.templateId))
    : []
  const [issuer] = await tx.select({ name: users.fullName }).from(users).where(eq(users.id, o.issuerId))
  const invoice = ctx.invoices.find((i) => i.invoiceId === d.effectInvoiceId)
  const amount = d.creditAmount ?? d.debitAmount
  return renderDecisionPdf({
    companyName: COMPANY_NAME,
    outgoingRadicado: o.radicado,
    issuedOn: formatDate(o.today),
    caseRadicado: ctx.case.radicado,
    filedOn: formatDate(ctx.case.filedOn),
    addressee: {
      name: ctx.case.filerName,
      document: `${ctx.case.filerDocumentType} ${ctx.case.filerDocumentNumber}`,
      address: noticeAddress(ctx),
      email: ctx.case.filerEmail,
    },
    accountNumber: ctx.accountNumber,
    title: template?.title ?? 'Decisión',
    decisionTypeLabel: DECISION_TYPE_LABELS[d.decisionType],
    body: d.body,
    legalGrounds: d.legalGrounds,
    recursos: d.recursos.map((r) => ({
      label: RECURSO_LABELS[r.kind as RecursoKind] ?? r.kind,
      termBusinessDays: r.termBusinessDays,
      fileWith: r.fileWith,
    })),
    billingEffect: amount
      ? `${d.creditAmount ? 'Nota crédito' : 'Nota débito'} por ${formatCOP(amount)} sobre la factura No. ${invoice?.number ?? ''}.`
      : null,
    isBillingClaim: ctx.isBillingClaim,
    signer: { name: issuer?.name ?? 'Oficina de PQR', role: 'Oficina de Peticiones, Quejas y Recursos' },
  })
}
