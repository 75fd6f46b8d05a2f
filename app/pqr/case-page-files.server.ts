/** A case document for staff: only through the case's attachment list, and within the viewer's area. */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { getFile, type FileWithData } from '~/storage/files.server'
import { pqrAttachments, pqrCases } from '../../db/schema/pqr'

export async function caseFileForStaff(
  db: DbOrTx,
  input: { caseId: string; fileId: string; serviceAreaId: string | null },
): Promise<FileWithData | null> {
  const [link] = await db
    .select({ fileId: pqrAttachments.fileId })
    .from(pqrAttachments)
    .innerJoin(pqrCases, eq(pqrCases.id, pqrAttachments.caseId))
    .where(
      and(
        eq(pqrAttachments.caseId, input.caseId),
        eq(pqrAttachments.fileId, input.fileId),
        input.serviceAreaId ? eq(pqrCases.areaId, input.serviceAreaId) : undefined,
      ),
    )
  return link ? getFile(db, link.fileId) : null
}
