/**
 * The decision as its addressee sees it: in the portal (ownership in the WHERE: filed by the subscriber or on one of
 * their accounts) or through the emailed link's token. Viewing it is accessing the act (CPACA art. 56): the first
 * view of an electronic notice records the notification (notify-electronic.server.ts).
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import { db as defaultDb, type Db, type DbOrTx } from '~/db.server'
import { getFile } from '~/storage/files.server'
import { pqrCases, pqrDecisions, pqrNotifications } from '../../db/schema/pqr'
import { RECURSO_LABELS, DECISION_TYPE_LABELS, type RecursoKind } from './decision-rules'
import { hashToken, openDecision } from './notify-electronic.server'

export type Viewer = { userId: string; accountIds: string[] }

export async function findOwnedCase(db: DbOrTx, viewer: Viewer, caseId: string) {
  const filed = eq(pqrCases.filedByUserId, viewer.userId)
  const owned = viewer.accountIds.length ? or(filed, inArray(pqrCases.accountId, viewer.accountIds)) : filed
  const [c] = await db
    .select({ id: pqrCases.id, radicado: pqrCases.radicado })
    .from(pqrCases)
    .where(and(eq(pqrCases.id, caseId), owned))
  return c ?? null
}

export async function caseIdOfToken(db: DbOrTx, token: string): Promise<string | null> {
  const [row] = await db
    .select({ caseId: pqrNotifications.caseId })
    .from(pqrNotifications)
    .where(and(eq(pqrNotifications.tokenHash, hashToken(token)), eq(pqrNotifications.kind, 'electronica')))
  return row?.caseId ?? null
}

export type DecisionView = {
  caseId: string
  caseRadicado: string
  outgoingRadicado: string
  decisionTypeLabel: string
  issuedAt: string
  body: string
  legalGrounds: string
  recursos: { label: string; termBusinessDays: number; fileWith: string }[]
  creditAmount: string | null
  recursoUntil: string | null
  isFirstOpening: boolean
  state: string
}

/** Opens the issued decision of a case the caller already found for this viewer; null while there is none. */
export async function viewDecision(
  input: {
    caseId: string
    via: { userId: string } | { token: string }
    ip: string
    userAgent: string
    now?: Date
  },
  db: Db = defaultDb,
): Promise<DecisionView | null> {
  const [decision] = await db
    .select()
    .from(pqrDecisions)
    .where(and(eq(pqrDecisions.caseId, input.caseId), eq(pqrDecisions.status, 'issued')))
  if (!decision) return null
  const via =
    'token' in input.via ? { token: input.via.token } : { caseId: input.caseId, userId: input.via.userId }
  const opened = await openDecision({ via, ip: input.ip, userAgent: input.userAgent, now: input.now }, db)
  if (!opened.ok) return null
  const [c] = await db
    .select({ radicado: pqrCases.radicado, state: pqrCases.state, recursoUntil: pqrCases.recursoUntil })
    .from(pqrCases)
    .where(eq(pqrCases.id, input.caseId))
  return {
    caseId: input.caseId,
    caseRadicado: c!.radicado,
    outgoingRadicado: decision.outgoingRadicado!,
    decisionTypeLabel: DECISION_TYPE_LABELS[decision.decisionType],
    issuedAt: decision.issuedAt!.toISOString(),
    body: decision.body,
    legalGrounds: decision.legalGrounds,
    recursos: decision.recursos.map((r) => ({
      label: RECURSO_LABELS[r.kind as RecursoKind] ?? r.kind,
      termBusinessDays: r.termBusinessDays,
      fileWith: r.fileWith,
    })),
    creditAmount: decision.creditAmount,
    recursoUntil: c!.recursoUntil,
    isFirstOpening: opened.value.firstOpening,
    state: c!.state,
  }
}

/** The decision's PDF for its addressee (the caller checked ownership or the token). */
export async function decisionPdf(db: DbOrTx, caseId: string) {
  const [decision] = await db
    .select({ fileId: pqrDecisions.pdfFileId })
    .from(pqrDecisions)
    .where(and(eq(pqrDecisions.caseId, caseId), eq(pqrDecisions.status, 'issued')))
  return decision?.fileId ? getFile(db, decision.fileId) : null
}
