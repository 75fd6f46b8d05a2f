/**
 * Receiving an Asobancaria 2001 file: it is stored with its content hash and its duplicate key (NIT + fecha de
 * recaudo + banco + modificador, formats.md §1.6) and its import job is enqueued in the same transaction. A file with
 * the same content, or the same bank, date and modifier, is refused naming the earlier upload; partial unique indexes
 * on bank_files make that hold under concurrent uploads too. The structure and the totals are checked by the job.
 */
import { and, eq, ne, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { formatDate, formatInstantTime } from '~/utils/format'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { bankFiles } from '../../db/schema/payments'
import { asobancariaContentHash, asobancariaDuplicateKey, ASOBANCARIA_2001_LINE_LENGTH, describeBank } from './asobancaria'
import { readFields } from './asobancaria-records'
import { importBankFileJob } from './bank-jobs.server'

export type UploadBankFileInput = {
  fileName: string
  content: string
  userId: string
  requestId?: string | null
  ip?: string | null
}

export type BankFileErrorCode = 'payments/empty_file' | 'payments/duplicate_file'

type Header = { duplicateKey: string; bankCode: string; fileDate: string; modifier: string }

/** The 01 record only (the job validates the rest); null when it cannot be read. */
function readHeader(content: string): Header | null {
  const first = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  if (!first.startsWith('01') || first.length > ASOBANCARIA_2001_LINE_LENGTH) return null
  const values = readFields('01', first.padEnd(ASOBANCARIA_2001_LINE_LENGTH, ' '), 1, [])
  if (!values) return null
  const header = { nit: values.nit!, collectionDate: values.collectionDate!, bankCode: values.bankCode!, modifier: values.modifier! }
  return { duplicateKey: asobancariaDuplicateKey(header), bankCode: header.bankCode, fileDate: header.collectionDate, modifier: header.modifier }
}

export async function uploadBankFile(db: Db, input: UploadBankFileInput): Promise<Result<{ fileId: string; jobId: string }>> {
  if (input.content.trim() === '') return fail(new DomainError('payments/empty_file', 'El archivo está vacío.'))
  const contentHash = asobancariaContentHash(input.content)
  const header = readHeader(input.content)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bankFiles)
      .values({
        fileName: input.fileName.slice(0, 200),
        contentHash,
        duplicateKey: header?.duplicateKey ?? null,
        bankCode: header?.bankCode ?? null,
        fileDate: header?.fileDate ?? null,
        modifier: header?.modifier ?? null,
        content: input.content,
        uploadedBy: input.userId,
      })
      .onConflictDoNothing()
      .returning({ id: bankFiles.id })
    if (!row) return fail(await duplicateError(tx, contentHash, header))
    const job = await importBankFileJob.enqueue(tx, { fileId: row.id }, { uniqueKey: `payments.bank_file_import:${row.id}` })
    await tx.update(bankFiles).set({ jobId: job.id }).where(eq(bankFiles.id, row.id))
    await recordTrail(tx, {
      entityType: 'bank_file',
      entityId: row.id,
      action: 'bank_file.uploaded',
      actor: { kind: 'user', userId: input.userId },
      summary: { fileName: input.fileName, contentHash, duplicateKey: header?.duplicateKey ?? null },
      requestId: input.requestId,
      ip: input.ip,
    })
    return ok({ fileId: row.id, jobId: job.id })
  })
}


async function duplicateError(tx: Tx, contentHash: string, header: Header | null): Promise<DomainError<BankFileErrorCode>> {
  const sameContent = eq(bankFiles.contentHash, contentHash)
  const [earlier] = await tx
    .select({
      fileName: bankFiles.fileName,
      uploadedAt: bankFiles.uploadedAt,
      by: users.fullName,
      isSameContent: sql<boolean>`${sameContent}`,
    })
    .from(bankFiles)
    .leftJoin(users, eq(users.id, bankFiles.uploadedBy))
    .where(and(ne(bankFiles.status, 'rejected'), header ? or(sameContent, eq(bankFiles.duplicateKey, header.duplicateKey)) : sameContent))
    .orderBy(sql`${sameContent} desc`)
    .limit(1)
  const when = earlier ? `el ${formatInstantTime(earlier.uploadedAt)} por ${earlier.by ?? 'el sistema'} («${earlier.fileName}»)` : 'antes'
  if (!earlier || earlier.isSameContent)
    return new DomainError('payments/duplicate_file', `Este archivo ya fue cargado ${when}: tiene el mismo contenido. No se aplicó de nuevo.`)
  const bank = describeBank(header!.bankCode).label
  return new DomainError(
    'payments/duplicate_file',
    `Ya se cargó un archivo de ${bank} con fecha de recaudo ${formatDate(header!.fileDate)} y modificador «${header!.modifier}» ${when}. ` +
      'Si el banco envió otro archivo del mismo día, debe traer otro modificador (B, C…).',
  )
}
