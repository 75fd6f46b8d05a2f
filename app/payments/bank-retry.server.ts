/**
 * Retrying the import of a file whose job failed for a technical reason (its attempts ran out): the file goes back to
 * the queue with a new job. Safe because the import is idempotent per line (external ref `<fileId>:<line>`, one
 * pago por identificar and one recognised match per line).
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { bankFiles } from '../../db/schema/payments'
import { importBankFileJob } from './bank-jobs.server'

export async function retryBankFileImport(db: Db, input: { fileId: string; userId: string; requestId?: string | null; ip?: string | null }): Promise<Result<{ jobId: string }>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(bankFiles)
      .set({ status: 'queued', finishedAt: null })
      .where(and(eq(bankFiles.id, input.fileId), eq(bankFiles.status, 'failed')))
      .returning({ id: bankFiles.id })
    if (!row) return fail(new DomainError('payments/not_failed', 'Solo se puede reintentar la importación de un archivo que falló.'))
    const job = await importBankFileJob.enqueue(tx, { fileId: row.id }, { uniqueKey: `payments.bank_file_import:${row.id}:${Date.now()}` })
    await tx.update(bankFiles).set({ jobId: job.id }).where(eq(bankFiles.id, row.id))
    await recordTrail(tx, {
      entityType: 'bank_file',
      entityId: row.id,
      action: 'bank_file.retried',
      actor: { kind: 'user', userId: input.userId },
      summary: { before: { status: 'failed' }, after: { status: 'queued' }, jobId: job.id },
      requestId: input.requestId,
      ip: input.ip,
    })
    return ok({ jobId: job.id })
  })
}
