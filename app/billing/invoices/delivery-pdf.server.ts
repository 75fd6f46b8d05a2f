/**
 * Preparing a delivery batch and its printable PDF: the batch and the job that renders its PDF
 * (delivery-pdf-job.server.ts) commit together, and the page follows that job. Staff may queue the PDF again when
 * its job failed, or for a batch made before PDFs were stored.
 */
import { eq } from 'drizzle-orm'
import type { Db, DbOrTx } from '~/db.server'
import { getFile } from '~/storage/files.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { invoiceDeliveryBatches, jobs } from '../../../db/schema'
import { createDeliveryBatch, getBatch, type Scope } from './delivery.server'
import { deliveryBatchPdfJob } from './delivery-pdf-job.server'

const ACTIVE = new Set(['queued', 'running'])

/** Queues the batch's PDF unless it is stored or its job is still queued or running; in the caller's transaction. */
async function enqueueBatchPdf(tx: DbOrTx, batchId: string): Promise<void> {
  const [row] = await tx
    .select({ fileId: invoiceDeliveryBatches.pdfFileId, jobStatus: jobs.status })
    .from(invoiceDeliveryBatches)
    .leftJoin(jobs, eq(jobs.id, invoiceDeliveryBatches.pdfJobId))
    .where(eq(invoiceDeliveryBatches.id, batchId))
    .for('update', { of: invoiceDeliveryBatches })
  if (!row || row.fileId || (row.jobStatus && ACTIVE.has(row.jobStatus))) return
  const job = await deliveryBatchPdfJob.enqueue(tx, { batchId })
  await tx.update(invoiceDeliveryBatches).set({ pdfJobId: job.id }).where(eq(invoiceDeliveryBatches.id, batchId))
}

export async function prepareDeliveryBatch(
  db: Db,
  input: Parameters<typeof createDeliveryBatch>[1],
): Promise<Result<{ batchId: string; invoiceCount: number }>> {
  return db.transaction(async (tx) => {
    const created = await createDeliveryBatch(tx, input)
    if (created.ok) await enqueueBatchPdf(tx, created.value.batchId)
    return created
  })
}

export async function requeueBatchPdf(db: Db, input: { batchId: string; scope: Scope }): Promise<Result<null>> {
  return db.transaction(async (tx) => {
    const batch = await getBatch(tx, input.batchId, input.scope)
    if (!batch) return fail(new DomainError('billing/batch_not_found', 'El lote de reparto no existe o no es de su área.'))
    await enqueueBatchPdf(tx, input.batchId)
    return ok(null)
  })
}

/** The stored PDF of a batch the caller may see, or null while it is not ready. */
export async function getBatchPdf(db: DbOrTx, batch: { pdfFileId: string | null }) {
  return batch.pdfFileId ? getFile(db, batch.pdfFileId) : null
}
