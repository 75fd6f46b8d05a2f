/**
 * The readings import as a job, for files too large to apply while the person waits. A rejected file is a finished
 * job whose result lists the line errors (nothing was applied), not a failure to retry.
 */
import { defineJob } from '~/jobs/registry.server'
import { importReadings } from './import.server'

export type ImportReadingsPayload = { periodId: string; csv: string; by: string }

export type ImportReadingsJobResult =
  | { ok: true; applied: number }
  | { ok: false; message: string; lineErrors: Array<{ line: number; message: string }> }

/** Files with more data lines than this go to the queue; smaller ones are applied at once. */
export const SYNC_IMPORT_MAX_LINES = 2000

export const importReadingsJob = defineJob<ImportReadingsPayload>(
  'billing.readings_import',
  async ({ db, payload, progress }): Promise<ImportReadingsJobResult> => {
    await progress(0, 1, 'Validando el archivo')
    const result = await importReadings(db, {
      ...payload,
      onProgress: (done, total) => progress(done, total, 'Aplicando lecturas'),
    })
    if (result.ok) return { ok: true, applied: result.value.applied }
    return { ok: false, message: result.error.message, lineErrors: result.error.lineErrors ?? [] }
  },
  { maxAttempts: 2 },
)
