/**
 * Manual entry of one reading (a reader's correction, a late reading), with the same validation as the file import.
 */
import type { Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { checkReadingsFile, upsertReadings, type ImportError } from './import.server'
import { READING_COLUMNS } from './parse-csv'

export type ManualReadingInput = {
  periodId: string
  accountNumber: string
  /** Whole m³ as typed; empty with an anomaly code when the meter could not be read. */
  value: string
  /** dd/mm/aaaa, as on the import file. */
  readOn: string
  readerCode: string
  anomalyCode?: string
  by: string
  now?: Date
  requestId?: string | null
  ip?: string | null
}

export async function recordManualReading(db: Db, input: ManualReadingInput): Promise<Result<{ accountId: string }, ImportError>> {
  const cells = [input.accountNumber, input.value, input.readOn, input.readerCode, input.anomalyCode ?? ''].map((c) => c.trim())
  if (cells.some((c) => /[,;\n\r"]/.test(c))) {
    return fail(new DomainError('billing/readings_rejected', 'Los datos no pueden contener comas, punto y coma ni comillas.'))
  }
  // One-line file: the same parser and cycle checks as the import, so both paths accept exactly the same readings.
  const checked = await checkReadingsFile(db, input.periodId, `${READING_COLUMNS.join(',')}\n${cells.join(',')}`)
  if (!checked.ok) {
    const first = checked.error.lineErrors?.[0]
    if (!first) return checked
    return fail(Object.assign(new DomainError('billing/readings_rejected' as const, first.message), { lineErrors: checked.error.lineErrors }))
  }
  const { rows: parsed, accounts } = checked.value
  const now = input.now ?? new Date()
  const accountId = accounts.get(parsed[0]!.accountNumber)!.accountId
  await db.transaction(async (tx) => {
    await upsertReadings(tx, input.periodId, parsed, accounts, 'manual', input.by, now)
    await recordTrail(tx, {
      entityType: 'account',
      entityId: accountId,
      action: 'reading.recorded',
      actor: { kind: 'user', userId: input.by },
      summary: { after: { periodId: input.periodId, value: parsed[0]!.value, anomalyCode: parsed[0]!.anomalyCode } },
      requestId: input.requestId,
      ip: input.ip,
      occurredAt: now,
    })
  })
  return ok({ accountId })
}
