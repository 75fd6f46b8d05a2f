/**
 * The delivery batch PDF job: preparing a batch queues it in the same transaction; the job renders every invoice of the
 * batch in route order with its progress, stores the PDF on the batch, and does not store a second one when it runs
 * again; a failed or missing PDF can be queued again, once while its job is pending.
 */
import { eq } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, expect, test } from 'vitest'
import { db } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { getFile } from '~/storage/files.server'
import { invoiceDeliveryBatches, jobs, storedFiles, users } from '../../../db/schema'
import { deliveryBatchPdfJob } from './delivery-pdf-job.server'
import { prepareDeliveryBatch, requeueBatchPdf } from './delivery-pdf.server'
import { insertIssuedInvoices, type IssuedWorld } from './test-fixtures.server'

let world: IssuedWorld
let userId: string
const everywhere = { serviceAreaId: null }

beforeAll(async () => {
  world = await insertIssuedInvoices(db, { months: 1, consumptions: [[10], [12], [14], [9]] })
  const [u] = await db.insert(users).values({ email: 'pdf-reparto@example.com', fullName: 'Coordinador de reparto', role: 'coordinator' }).returning()
  userId = u!.id
})

const batchRow = async (id: string) => (await db.select().from(invoiceDeliveryBatches).where(eq(invoiceDeliveryBatches.id, id)))[0]!
const jobRow = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!

test('preparing a batch queues its PDF job; the job reports progress and stores one PDF with every invoice', async () => {
  const prepared = await prepareDeliveryBatch(db, { periodId: world.periodIds[0]!, zoneId: world.where.zoneId, userId, scope: everywhere })
  if (!prepared.ok) throw prepared.error
  const batchId = prepared.value.batchId
  const queued = await batchRow(batchId)
  expect(queued.pdfFileId).toBeNull()
  const job = await jobRow(queued.pdfJobId!)
  expect(job).toMatchObject({ kind: 'billing.delivery_batch_pdf', status: 'queued', payload: { batchId } })

  // Asking again while the job is pending queues nothing more.
  expect((await requeueBatchPdf(db, { batchId, scope: everywhere })).ok).toBe(true)
  expect((await batchRow(batchId)).pdfJobId).toBe(job.id)

  expect(await drainJobs({ db })).toBeGreaterThanOrEqual(1)
  const done = await jobRow(job.id)
  expect(done).toMatchObject({ status: 'succeeded', progressDone: 4, progressTotal: 4, progressMessage: 'Facturas agregadas al PDF' })
  const stored = await batchRow(batchId)
  const file = await getFile(db, stored.pdfFileId!)
  expect(file).toMatchObject({ contentType: 'application/pdf', ownerType: 'invoice_delivery_batch', ownerId: batchId, name: expect.stringMatching(/^reparto-2026-01-.+\.pdf$/) })
  const doc = await PDFDocument.load(file!.data)
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(4)

  // A second run of the job (a retry after a crash, say) finds the PDF stored and adds no file.
  const again = await deliveryBatchPdfJob.enqueue(db, { batchId })
  await drainJobs({ db })
  expect((await jobRow(again.id)).result).toMatchObject({ skipped: 'already stored', fileId: stored.pdfFileId })
  expect(await db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.ownerId, batchId))).toHaveLength(1)
  // With the PDF stored, asking again queues nothing.
  expect((await requeueBatchPdf(db, { batchId, scope: everywhere })).ok).toBe(true)
  expect((await batchRow(batchId)).pdfJobId).toBe(job.id)
})

test('a batch whose PDF job failed can be queued again; a batch outside the scope cannot', async () => {
  const prepared = await prepareDeliveryBatch(db, { periodId: world.periodIds[0]!, zoneId: world.where.zoneId, userId, scope: everywhere })
  if (!prepared.ok) throw prepared.error
  const batchId = prepared.value.batchId
  const first = (await batchRow(batchId)).pdfJobId!
  await db.update(jobs).set({ status: 'failed', lastError: 'sin memoria', finishedAt: new Date() }).where(eq(jobs.id, first))
  expect((await requeueBatchPdf(db, { batchId, scope: everywhere })).ok).toBe(true)
  const second = (await batchRow(batchId)).pdfJobId!
  expect(second).not.toBe(first)
  expect((await jobRow(second)).status).toBe('queued')
  const elsewhere = await requeueBatchPdf(db, { batchId, scope: { serviceAreaId: '00000000-0000-4000-8000-000000000000' } })
  expect(elsewhere.ok ? null : elsewhere.error.message).toBe('El lote de reparto no existe o no es de su área.')
  await drainJobs({ db })
  expect((await batchRow(batchId)).pdfFileId).not.toBeNull()
})
