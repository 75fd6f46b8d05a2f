/** The decision page's read model: the case, the templates that fit it, the draft in progress and the defaults. */
import { and, desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import { todayInBogota } from '~/calendar/business-days'
import { pqrCases, pqrDecisions, pqrDecisionTemplates, pqrTasks } from '../../db/schema/pqr'
import { loadDecisionContext } from './decision-context.server'
import { allowedDecisionTypes } from './decision-rules'

/** The latest active version of each template code. */
export async function currentTemplates(db: DbOrTx) {
  const all = await db
    .select({
      id: pqrDecisionTemplates.id,
      code: pqrDecisionTemplates.code,
      version: pqrDecisionTemplates.version,
      decisionType: pqrDecisionTemplates.decisionType,
      title: pqrDecisionTemplates.title,
      body: pqrDecisionTemplates.body,
      legalGrounds: pqrDecisionTemplates.legalGrounds,
      active: pqrDecisionTemplates.active,
      createdAt: pqrDecisionTemplates.createdAt,
    })
    .from(pqrDecisionTemplates)
    .orderBy(pqrDecisionTemplates.code, desc(pqrDecisionTemplates.version))
  const latest = new Map<string, (typeof all)[number]>()
  for (const t of all) if (t.active && !latest.has(t.code)) latest.set(t.code, t)
  return { latest: [...latest.values()], all }
}

export async function loadDecisionPage(
  db: DbOrTx,
  caseId: string,
  serviceAreaId: string | null,
  now = new Date(),
) {
  if (serviceAreaId) {
    const [inArea] = await db
      .select({ id: pqrCases.id })
      .from(pqrCases)
      .where(and(eq(pqrCases.id, caseId), eq(pqrCases.areaId, serviceAreaId)))
    if (!inArea) return null
  }
  const ctx = await loadDecisionContext(db, caseId)
  if (!ctx) return null
  const settings = await getSettingsSnapshot(todayInBogota(now), db)
  const allowed = allowedDecisionTypes(ctx.category, ctx.case.state)
  const { latest } = await currentTemplates(db)
  const decisions = await db
    .select()
    .from(pqrDecisions)
    .where(eq(pqrDecisions.caseId, caseId))
    .orderBy(desc(pqrDecisions.createdAt))
  const [approvalTask] = await db
    .select({ id: pqrTasks.id })
    .from(pqrTasks)
    .where(
      and(eq(pqrTasks.caseId, caseId), eq(pqrTasks.kind, 'decision_approval'), eq(pqrTasks.status, 'open')),
    )
  const draft = decisions.find((d) => d.status !== 'issued') ?? null
  const issued = decisions.find((d) => d.status === 'issued') ?? null
  return {
    case: {
      id: ctx.case.id,
      radicado: ctx.case.radicado,
      state: ctx.case.state,
      typeName: ctx.typeName,
      category: ctx.category,
      subject: ctx.case.subject,
      disputedAmount: ctx.case.disputedAmount,
      dueOn: ctx.case.dueOn,
    },
    invoices: ctx.invoices.map((i) => ({
      id: i.invoiceId,
      number: i.number,
      disputedAmount: i.disputedAmount,
    })),
    templates: latest
      .filter((t) => allowed.includes(t.decisionType))
      .map((t) => ({ id: t.id, title: t.title, version: t.version, decisionType: t.decisionType })),
    allowed,
    draft: draft && {
      id: draft.id,
      status: draft.status,
      templateId: draft.templateId,
      decisionType: draft.decisionType,
      body: draft.body,
      legalGrounds: draft.legalGrounds,
      recursos: draft.recursos,
      creditAmount: draft.creditAmount,
      debitAmount: draft.debitAmount,
      effectInvoiceId: draft.effectInvoiceId,
      draftedBy: draft.draftedBy,
    },
    issued: issued && {
      id: issued.id,
      outgoingRadicado: issued.outgoingRadicado,
      decisionType: issued.decisionType,
      issuedAt: issued.issuedAt?.toISOString() ?? null,
      pdfFileId: issued.pdfFileId,
      creditAmount: issued.creditAmount,
      debitAmount: issued.debitAmount,
    },
    hasApprovalTask: Boolean(approvalTask),
    approvalRequired: settings['pqr.decision_approval_required'],
    defaults: {
      recursoDays: settings['pqr.recurso_window_business_days'],
      reposicionFileWith: settings['pqr.recurso_file_with'],
      apelacionFileWith: settings['pqr.apelacion_file_with'],
    },
  }
}

export type DecisionPage = NonNullable<Awaited<ReturnType<typeof loadDecisionPage>>>
