/**
 * The bank-file import as a job ('payments.bank_file_import') with live progress. A rejected file (wrong structure
 * or totals) is a finished job whose report lists the errors, not a failure to retry. A technical failure is retried
 * (the import is idempotent per line); after the last attempt the file is marked failed so staff see it.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { defineJob } from '~/jobs/registry.server'
import { bankFiles } from '../../db/schema/payments'
import { importBankFile } from './bank-import.server'

export type ImportBankFilePayload = { fileId: string }

/** BANK_IMPORT_BATCH_SIZE tunes payments per transaction (the benchmark measures it); default in bank-import. */
function batchSizeFromEnv(): number | undefined {
  const n = Number(process.env.BANK_IMPORT_BATCH_SIZE)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

export const importBankFileJob = defineJob<ImportBankFilePayload>(
  'payments.bank_file_import',
  async ({ db, job, payload, progress }) => {
    try {
      const timings: Record<string, number> = {}
      const report = await importBankFile(db, payload.fileId, {
        onProgress: progress,
        actor: { kind: 'job', jobId: job.id, label: 'importación de recaudo bancario' },
        batchSize: batchSizeFromEnv(),
        timings,
      })
      const ms = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]))
      return { applied: report.applied, duplicates: report.duplicates, unidentified: report.unidentified, rejected: report.rejected, errors: report.errors.length, ms }
    } catch (error) {
      if (job.attempts >= job.maxAttempts)
        await db
          .update(bankFiles)
          .set({ status: 'failed', finishedAt: new Date() })
          .where(and(eq(bankFiles.id, payload.fileId), inArray(bankFiles.status, ['queued', 'running'])))
      throw error
    }
  },
  { maxAttempts: 3 },
)
