/**
 * Avisos published on the website (CPACA art. 69 inciso 2): while published, anyone may read the list and download
 * the act; afterwards they are gone from the page (the case keeps the record as evidence).
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import { todayInBogota } from '~/calendar/business-days'
import type { DbOrTx } from '~/db.server'
import { getFile } from '~/storage/files.server'
import { pqrCases, pqrDecisions, pqrNotifications } from '../../db/schema/pqr'

const published = (today: string) =>
  and(
    eq(pqrNotifications.kind, 'publicacion'),
    lte(pqrNotifications.publishedFrom, today),
    gte(pqrNotifications.publishedUntil, today),
  )

export async function listPublishedNotices(db: DbOrTx, now = new Date()) {
  const today = todayInBogota(now)
  const rows = await db
    .select({
      id: pqrNotifications.id,
      from: pqrNotifications.publishedFrom,
      until: pqrNotifications.publishedUntil,
      name: pqrCases.filerName,
      caseRadicado: pqrCases.radicado,
      outgoingRadicado: pqrDecisions.outgoingRadicado,
      issuedAt: pqrDecisions.issuedAt,
    })
    .from(pqrNotifications)
    .innerJoin(pqrCases, eq(pqrCases.id, pqrNotifications.caseId))
    .innerJoin(pqrDecisions, eq(pqrDecisions.id, pqrNotifications.decisionId))
    .where(published(today))
    .orderBy(asc(pqrNotifications.publishedFrom), asc(pqrCases.radicado))
  return rows.map((r) => ({ ...r, issuedAt: r.issuedAt?.toISOString() ?? null }))
}

/** The act of a notice still published; null once removed (or never published). */
export async function publishedNoticePdf(db: DbOrTx, noticeId: string, now = new Date()) {
  const [row] = await db
    .select({ fileId: pqrDecisions.pdfFileId })
    .from(pqrNotifications)
    .innerJoin(pqrDecisions, eq(pqrDecisions.id, pqrNotifications.decisionId))
    .where(and(eq(pqrNotifications.id, noticeId), published(todayInBogota(now))))
  return row?.fileId ? getFile(db, row.fileId) : null
}
