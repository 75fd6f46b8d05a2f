/**
 * The case page's read model: the case with its labels, the whole timeline (who, when, what; internal notes
 * included for staff), attachments, ordered visits, decisions, notifications with their evidence, open tasks, the
 * proposed next notification step and the account's billing context. Staff bound to an area see only its cases.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { todayInBogota } from '~/calendar/business-days'
import type { DbOrTx } from '~/db.server'
import { listFiles } from '~/storage/files.server'
import { users } from '../../db/schema/auth'
import { serviceAreas } from '../../db/schema/areas'
import { workOrders } from '../../db/schema/service'
import {
  pqrAttachments,
  pqrCases,
  pqrCausales,
  pqrDecisions,
  pqrEvents,
  pqrNotifications,
  pqrTasks,
  pqrTypes,
  pqrWorkOrders,
} from '../../db/schema/pqr'
import { loadBillingContext } from './case-page-billing.server'
import { proposeNotificationSteps } from './notify-steps'

export type CaseViewer = { id: string; serviceAreaId: string | null }

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export async function loadCasePage(db: DbOrTx, caseId: string, viewer: CaseViewer, now = new Date()) {
  const [row] = await db
    .select({
      c: pqrCases,
      typeName: pqrTypes.name,
      isBillingClaim: pqrTypes.isBillingClaim,
      causalName: pqrCausales.name,
      areaName: serviceAreas.name,
      assignedName: users.fullName,
    })
    .from(pqrCases)
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .leftJoin(pqrCausales, eq(pqrCausales.code, pqrCases.causalCode))
    .leftJoin(serviceAreas, eq(serviceAreas.id, pqrCases.areaId))
    .leftJoin(users, eq(users.id, pqrCases.assignedTo))
    .where(
      and(
        eq(pqrCases.id, caseId),
        viewer.serviceAreaId ? eq(pqrCases.areaId, viewer.serviceAreaId) : undefined,
      ),
    )
  if (!row) return null
  const c = row.c
  const today = todayInBogota(now)
  const [events, attachments, orders, decisions, notices, tasks] = await Promise.all([
    db.select().from(pqrEvents).where(eq(pqrEvents.caseId, caseId)).orderBy(asc(pqrEvents.occurredAt)),
    db
      .select()
      .from(pqrAttachments)
      .where(eq(pqrAttachments.caseId, caseId))
      .orderBy(asc(pqrAttachments.addedAt)),
    db
      .select({
        id: workOrders.id,
        kind: workOrders.kind,
        status: workOrders.status,
        reason: workOrders.reason,
        scheduledOn: workOrders.scheduledOn,
        requestedAt: workOrders.requestedAt,
        completedAt: workOrders.completedAt,
        result: workOrders.result,
      })
      .from(pqrWorkOrders)
      .innerJoin(workOrders, eq(workOrders.id, pqrWorkOrders.workOrderId))
      .where(eq(pqrWorkOrders.caseId, caseId))
      .orderBy(asc(workOrders.requestedAt)),
    db
      .select()
      .from(pqrDecisions)
      .where(eq(pqrDecisions.caseId, caseId))
      .orderBy(desc(pqrDecisions.createdAt)),
    db
      .select()
      .from(pqrNotifications)
      .where(eq(pqrNotifications.caseId, caseId))
      .orderBy(asc(pqrNotifications.recordedAt)),
    db
      .select({ id: pqrTasks.id, kind: pqrTasks.kind, dueAt: pqrTasks.dueAt, payload: pqrTasks.payload })
      .from(pqrTasks)
      .where(and(eq(pqrTasks.caseId, caseId), eq(pqrTasks.status, 'open'))),
  ])
  const files = await listFiles(
    db,
    attachments.map((a) => a.fileId),
  )
  const people = await peopleNames(db, [
    ...decisions.flatMap((d) => [d.draftedBy, d.approvedBy, d.issuedBy]),
    ...notices.map((n) => n.recordedBy),
  ])
  const steps = proposeNotificationSteps({
    state: c.state,
    hasEmail: Boolean(c.filerEmail),
    hasAddress: Boolean(c.filerAddress?.trim() || c.accountId),
    notices: notices
      .filter(
        (n) => n.decisionId == null || decisions.some((d) => d.id === n.decisionId && d.status === 'issued'),
      )
      .map((n) => ({
        kind: n.kind,
        sentOn: n.sentAt ? todayInBogota(n.sentAt) : null,
        openedAt: iso(n.openedAt),
        deliveredOn: n.deliveredOn,
        returned: n.returned,
        publishedUntil: n.publishedUntil,
      })),
    nextStepDueOn: c.nextStepDueOn,
    recursoUntil: c.recursoUntil,
    today,
  })
  return {
    case: {
      id: c.id,
      radicado: c.radicado,
      typeCode: c.typeCode,
      typeName: row.typeName,
      isBillingClaim: row.isBillingClaim,
      causalName: row.causalName,
      channel: c.channel,
      state: c.state,
      filerName: c.filerName,
      filerDocument: `${c.filerDocumentType} ${c.filerDocumentNumber}`,
      filerEmail: c.filerEmail,
      filerPhone: c.filerPhone,
      filerAddress: c.filerAddress,
      subject: c.subject,
      description: c.description,
      disputedAmount: c.disputedAmount,
      extemporaneous: c.extemporaneous,
      consent: c.electronicNotificationConsent,
      filedOn: c.filedOn,
      receivedAt: c.receivedAt.toISOString(),
      dueOn: c.dueOn,
      trasladoDueOn: c.trasladoDueOn,
      nextStepDueOn: c.nextStepDueOn,
      recursoUntil: c.recursoUntil,
      silencioRisk: c.silencioRisk,
      assignedTo: c.assignedTo,
      assignedName: row.assignedName,
      areaId: c.areaId,
      areaName: row.areaName,
      accountId: c.accountId,
    },
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      internal: e.internal,
      body: e.body,
      actor: e.actorLabel,
      at: e.occurredAt.toISOString(),
    })),
    attachments: attachments.map((a) => ({
      fileId: a.fileId,
      role: a.role,
      addedAt: a.addedAt.toISOString(),
      name: files.find((f) => f.id === a.fileId)?.name ?? 'archivo',
      size: files.find((f) => f.id === a.fileId)?.size ?? 0,
    })),
    workOrders: orders.map((o) => ({
      ...o,
      requestedAt: o.requestedAt.toISOString(),
      completedAt: iso(o.completedAt),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      decisionType: d.decisionType,
      status: d.status,
      templateId: d.templateId,
      body: d.body,
      legalGrounds: d.legalGrounds,
      recursos: d.recursos,
      creditAmount: d.creditAmount,
      debitAmount: d.debitAmount,
      effectInvoiceId: d.effectInvoiceId,
      outgoingRadicado: d.outgoingRadicado,
      pdfFileId: d.pdfFileId,
      draftedBy: d.draftedBy,
      draftedByName: people.get(d.draftedBy ?? '') ?? null,
      approvedByName: people.get(d.approvedBy ?? '') ?? null,
      issuedByName: people.get(d.issuedBy ?? '') ?? null,
      issuedAt: iso(d.issuedAt),
      createdAt: d.createdAt.toISOString(),
    })),
    notifications: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      sentAt: iso(n.sentAt),
      openedAt: iso(n.openedAt),
      effectiveOn: n.effectiveOn,
      courier: n.courier,
      guideNumber: n.guideNumber,
      deliveredOn: n.deliveredOn,
      returned: n.returned,
      publishedFrom: n.publishedFrom,
      publishedUntil: n.publishedUntil,
      evidence: n.evidence,
      recordedByName: people.get(n.recordedBy ?? '') ?? null,
      recordedAt: n.recordedAt.toISOString(),
    })),
    tasks: tasks.map((t) => ({ ...t, dueAt: iso(t.dueAt) })),
    steps,
    billing: c.accountId ? await loadBillingContext(db, c.accountId, today) : null,
    today,
  }
}

export type CasePage = NonNullable<Awaited<ReturnType<typeof loadCasePage>>>

async function peopleNames(db: DbOrTx, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))]
  if (unique.length === 0) return new Map<string, string>()
  const found = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, unique))
  return new Map(found.map((u) => [u.id, u.name]))
}

/** Whether the case exists and the viewer may see it (staff bound to an area see only its cases), without loading it. */
export async function isCaseVisible(
  db: DbOrTx,
  caseId: string,
  serviceAreaId: string | null,
): Promise<boolean> {
  const [row] = await db
    .select({ id: pqrCases.id })
    .from(pqrCases)
    .where(and(eq(pqrCases.id, caseId), serviceAreaId ? eq(pqrCases.areaId, serviceAreaId) : undefined))
  return Boolean(row)
}
