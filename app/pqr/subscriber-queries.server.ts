/**
 * Reads for the subscriber's "Mis PQR" pages and the public status lookup. Ownership is in the WHERE clause (STYLE.md
 * §4): a subscriber sees the cases they filed and those on their accounts; another person's case is simply not found.
 * Internal notes never leave here.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { accounts } from '../../db/schema/premises'
import { invoices } from '../../db/schema/ledger'
import { storedFiles } from '../../db/schema/storage'
import {
  pqrAttachments,
  pqrCaseInvoices,
  pqrCases,
  pqrDecisions,
  pqrEvents,
  pqrTypes,
  type PqrState,
} from '../../db/schema/pqr'

export type Viewer = { userId: string; accountIds: string[] }

function ownedBy(viewer: Viewer): SQL {
  const filed = eq(pqrCases.filedByUserId, viewer.userId)
  return viewer.accountIds.length ? or(filed, inArray(pqrCases.accountId, viewer.accountIds))! : filed
}

export type MyCaseRow = {
  id: string
  radicado: string
  typeName: string
  subject: string
  state: PqrState
  filedOn: string
  dueOn: string
  recursoUntil: string | null
}

export const MY_CASES_PAGE_SIZE = 20

export async function listMyCases(
  db: DbOrTx,
  viewer: Viewer,
  page = 1,
): Promise<{ rows: MyCaseRow[]; total: number; pageCount: number }> {
  const where = ownedBy(viewer)
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: pqrCases.id,
        radicado: pqrCases.radicado,
        typeName: pqrTypes.name,
        subject: pqrCases.subject,
        state: pqrCases.state,
        filedOn: pqrCases.filedOn,
        dueOn: pqrCases.dueOn,
        recursoUntil: pqrCases.recursoUntil,
      })
      .from(pqrCases)
      .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
      .where(where)
      .orderBy(desc(pqrCases.radicadoYear), desc(pqrCases.radicadoSeq))
      .limit(MY_CASES_PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * MY_CASES_PAGE_SIZE),
    db.select({ n: count() }).from(pqrCases).where(where),
  ])
  const n = Number(total?.n ?? 0)
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / MY_CASES_PAGE_SIZE)) }
}

/** One case as its owner sees it: no internal notes, no other person's contact data. Null when not theirs. */
export async function getMyCase(db: DbOrTx, viewer: Viewer, caseId: string) {
  const [found] = await db
    .select({
      id: pqrCases.id,
      radicado: pqrCases.radicado,
      typeName: pqrTypes.name,
      subject: pqrCases.subject,
      description: pqrCases.description,
      state: pqrCases.state,
      channel: pqrCases.channel,
      filedOn: pqrCases.filedOn,
      dueOn: pqrCases.dueOn,
      recursoUntil: pqrCases.recursoUntil,
      disputedAmount: pqrCases.disputedAmount,
      extemporaneous: pqrCases.extemporaneous,
      electronicNotificationConsent: pqrCases.electronicNotificationConsent,
      accountNumber: accounts.number,
    })
    .from(pqrCases)
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .leftJoin(accounts, eq(accounts.id, pqrCases.accountId))
    .where(and(eq(pqrCases.id, caseId), ownedBy(viewer)))
  if (!found) return null
  const [events, files, claims, decision] = await Promise.all([
    db
      .select({ id: pqrEvents.id, kind: pqrEvents.kind, body: pqrEvents.body, toState: pqrEvents.toState, occurredAt: pqrEvents.occurredAt })
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, caseId), eq(pqrEvents.internal, false)))
      .orderBy(asc(pqrEvents.occurredAt)),
    caseFiles(db, caseId, ['filer', 'constancia']),
    db
      .select({ invoiceNumber: invoices.number, issueOn: invoices.issueOn, disputedAmount: pqrCaseInvoices.disputedAmount })
      .from(pqrCaseInvoices)
      .innerJoin(invoices, eq(invoices.id, pqrCaseInvoices.invoiceId))
      .where(eq(pqrCaseInvoices.caseId, caseId)),
    db
      .select({ issuedAt: pqrDecisions.issuedAt, outgoingRadicado: pqrDecisions.outgoingRadicado, decisionType: pqrDecisions.decisionType })
      .from(pqrDecisions)
      .where(and(eq(pqrDecisions.caseId, caseId), eq(pqrDecisions.status, 'issued'))),
  ])
  return { ...found, events, files, claims, decision: decision[0] ?? null }
}

export type CaseFile = { id: string; name: string; contentType: string; size: number; role: string }

/** Files of a case by role (filer attachments, constancia, decision…), metadata only. */
export async function caseFiles(db: DbOrTx, caseId: string, roles?: string[]): Promise<CaseFile[]> {
  return db
    .select({ id: storedFiles.id, name: storedFiles.name, contentType: storedFiles.contentType, size: storedFiles.size, role: pqrAttachments.role })
    .from(pqrAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, pqrAttachments.fileId))
    .where(and(eq(pqrAttachments.caseId, caseId), roles ? inArray(pqrAttachments.role, roles) : undefined))
    .orderBy(asc(pqrAttachments.addedAt))
}

/** Whether the subscriber owns the case a stored file belongs to (for the download route). */
export async function isCaseOwnedBy(db: DbOrTx, viewer: Viewer, caseId: string): Promise<boolean> {
  const [found] = await db.select({ id: pqrCases.id }).from(pqrCases).where(and(eq(pqrCases.id, caseId), ownedBy(viewer)))
  return Boolean(found)
}

/** Issued invoices of one of the subscriber's accounts, newest first, to choose the ones under claim. */
export async function invoicesForClaim(db: DbOrTx, viewer: Viewer, accountId: string) {
  if (!viewer.accountIds.includes(accountId)) return []
  return db
    .select({ id: invoices.id, number: invoices.number, issueOn: invoices.issueOn, dueOn: invoices.dueOn, charges: invoices.currentCharges })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.status, 'issued')))
    .orderBy(desc(invoices.issueOn))
    .limit(8)
}

/**
 * Public lookup by radicado and the filer's document number: only the state, the dates and the next step; no names,
 * no contact data, no texts. Both must match, so a radicado alone discloses nothing.
 */
export async function lookupCaseStatus(db: DbOrTx, radicado: string, documentNumber: string) {
  const [found] = await db
    .select({
      radicado: pqrCases.radicado,
      typeName: pqrTypes.name,
      state: pqrCases.state,
      filedOn: pqrCases.filedOn,
      dueOn: pqrCases.dueOn,
      nextStepDueOn: pqrCases.nextStepDueOn,
      recursoUntil: pqrCases.recursoUntil,
      closedAt: pqrCases.closedAt,
    })
    .from(pqrCases)
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .where(
      and(
        eq(pqrCases.radicado, radicado),
        eq(pqrCases.filerDocumentNumber, documentNumber.replace(/[.\s]/g, '')),
      ),
    )
  return found ?? null
}

/** Counts per state for the subscriber's list header (open vs. finished). */
export async function countMyOpenCases(db: DbOrTx, viewer: Viewer): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pqrCases)
    .where(and(ownedBy(viewer), sql`${pqrCases.state} not in ('cerrada', 'firme')`))
  return Number(row?.n ?? 0)
}
