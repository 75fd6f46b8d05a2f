/**
 * Attachments of a filing: PDF, JPG or PNG, checked by content (magic bytes) and size before the radicado is taken,
 * so a bad file changes nothing; then stored through app/storage and linked to the case.
 */
import type { DbOrTx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { detectContentType } from '~/storage/content-type'
import { putFile } from '~/storage/files.server'
import type { TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { pqrAttachments } from '../../db/schema/pqr'
import { recordCaseEvent } from './events.server'
import type { FileCaseError } from './file-case-checks.server'

export type AttachmentInput = { name: string; data: Uint8Array }
export type CheckedAttachments = { files: AttachmentInput[]; maxBytes: number }

export async function checkAttachments(
  tx: DbOrTx,
  files: AttachmentInput[],
  now: Date,
): Promise<Result<CheckedAttachments, FileCaseError>> {
  const present = files.filter((f) => f.data.length > 0 || f.name)
  const [maxKb, maxCount] = await Promise.all([
    getSetting('pqr.attachment_max_kilobytes', { now, db: tx }),
    getSetting('pqr.attachments_max_count', { now, db: tx }),
  ])
  if (present.length > maxCount)
    return fail(new DomainError('pqr/too_many_attachments', `Adjunte como máximo ${maxCount} archivos.`))
  const maxBytes = maxKb * 1024
  for (const file of present) {
    if (file.data.length === 0)
      return fail(new DomainError('pqr/attachment_invalid', `El archivo «${file.name}» está vacío.`))
    if (file.data.length > maxBytes)
      return fail(new DomainError('pqr/attachment_invalid', `El archivo «${file.name}» supera el máximo de ${maxKb} KB.`))
    if (!detectContentType(file.data))
      return fail(
        new DomainError('pqr/attachment_invalid', `El archivo «${file.name}» no es un PDF, JPG o PNG válido.`),
      )
  }
  return ok({ files: present, maxBytes })
}

export async function attachFiles(
  tx: DbOrTx,
  caseId: string,
  checked: CheckedAttachments,
  ctx: { uploadedBy: string | null; actor: TrailActor; now: Date; role?: string },
): Promise<string[]> {
  const ids: string[] = []
  for (const file of checked.files) {
    const stored = await putFile(tx, {
      name: file.name,
      data: file.data,
      owner: { type: 'pqr_case', id: caseId },
      uploadedBy: ctx.uploadedBy,
      maxBytes: checked.maxBytes,
    })
    if (!stored.ok) throw stored.error // checked above: a bug if it fails here
    await tx.insert(pqrAttachments).values({ caseId, fileId: stored.value.id, role: ctx.role ?? 'filer', addedAt: ctx.now })
    await recordCaseEvent(tx, {
      caseId,
      kind: 'attachment_added',
      body: stored.value.name,
      data: { fileId: stored.value.id, size: stored.value.size, contentType: stored.value.contentType },
      actor: ctx.actor,
      occurredAt: ctx.now,
    })
    ids.push(stored.value.id)
  }
  return ids
}

/** The files of a submitted form (`attachments` inputs); empty file inputs are skipped. */
export async function readAttachments(formData: FormData, field = 'attachments'): Promise<AttachmentInput[]> {
  const out: AttachmentInput[] = []
  for (const entry of formData.getAll(field)) {
    if (typeof entry === 'string' || (entry.size === 0 && !entry.name)) continue
    out.push({ name: entry.name, data: new Uint8Array(await entry.arrayBuffer()) })
  }
  return out
}
