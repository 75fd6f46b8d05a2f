/**
 * Who may download a stored file of a PQR case: staff with pqr:read, and the subscriber who owns the case for the
 * documents meant for them (their attachments, the constancia, the decision). Everyone else gets nothing (404).
 */
import { and, eq, inArray } from 'drizzle-orm'
import { can } from '~/auth/permissions'
import type { DbOrTx } from '~/db.server'
import { getFile, getFileOwner, type FileWithData } from '~/storage/files.server'
import type { Role } from '../../db/schema/auth'
import { userAccounts } from '../../db/schema/premises'
import { pqrAttachments } from '../../db/schema/pqr'
import { isCaseOwnedBy } from './subscriber-queries.server'

const SUBSCRIBER_ROLES = ['filer', 'constancia', 'decision']

export async function getDownloadableFile(
  db: DbOrTx,
  fileId: string,
  user: { id: string; role: Role },
): Promise<FileWithData | null> {
  const owner = await getFileOwner(db, fileId)
  if (!owner || owner.type !== 'pqr_case') return null
  if (can(user, 'pqr:read')) return getFile(db, fileId)
  if (user.role !== 'subscriber') return null
  const [attached] = await db
    .select({ caseId: pqrAttachments.caseId })
    .from(pqrAttachments)
    .where(and(eq(pqrAttachments.fileId, fileId), eq(pqrAttachments.caseId, owner.id), inArray(pqrAttachments.role, SUBSCRIBER_ROLES)))
  if (!attached) return null
  const links = await db.select({ accountId: userAccounts.accountId }).from(userAccounts).where(eq(userAccounts.userId, user.id))
  const owns = await isCaseOwnedBy(db, { userId: user.id, accountIds: links.map((l) => l.accountId) }, attached.caseId)
  return owns ? getFile(db, fileId) : null
}
