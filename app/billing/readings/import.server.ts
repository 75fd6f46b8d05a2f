/**
 * Applies a cycle period's readings: all or nothing. Any bad row (format or against the cycle) applies nothing and
 * every error comes back with its line number; a good file upserts every reading (one per meter and period) in one
 * transaction, recording who and when. Large files run as a job (./jobs.server.ts) that reports progress.
 */
import { sql } from 'drizzle-orm'
import { engine, rows, type Db, type DbOrTx } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { readings } from '../../../db/schema/readings'
import {
  checkReadingsAgainstCycle,
  parseReadingsCsv,
  type AccountForReading,
  type LineError,
  type ParsedReading,
  type PeriodWindow,
} from './parse-csv'

export type ImportError = DomainError<'billing/readings_rejected' | 'billing/period_not_found' | 'billing/period_closed'> & {
  lineErrors?: LineError[]
}

type PeriodRow = PeriodWindow & { cycleId: string; status: string }

export async function loadPeriodWindow(db: DbOrTx, periodId: string): Promise<PeriodRow | null> {
  const [p] = await rows<{ code: string; starts_on: string; issue_on: string; cycle_id: string; status: string }>(
    db,
    sql`select code, starts_on::text, issue_on::text, cycle_id, status::text from billing_periods where id = ${periodId}`,
  )
  return p ? { code: p.code, startsOn: p.starts_on, issueOn: p.issue_on, cycleId: p.cycle_id, status: p.status } : null
}

/** The cycle's accounts named in the file, with their meter (the active one if any). */
export async function loadAccountsForReadings(db: DbOrTx, cycleId: string, numbers: string[]): Promise<Map<string, AccountForReading>> {
  if (numbers.length === 0) return new Map()
  const found = await rows<{ number: string; account_id: string; meter_id: string | null; is_active: boolean | null; dial_digits: number | null }>(
    db,
    sql`select a.number, a.id as account_id, m.id as meter_id, m.is_active, m.dial_digits
          from accounts a join premises p on p.id = a.premise_id
          left join lateral (select id, is_active, dial_digits from meters where account_id = a.id
                              order by is_active desc, installed_on desc limit 1) m on true
         where p.cycle_id = ${cycleId} and a.number = any(${toPgArray(numbers)}::text[])`,
  )
  return new Map(
    found.map((r) => [
      r.number,
      { accountId: r.account_id, meterId: r.meter_id, isMeterActive: Boolean(r.is_active), dialDigits: r.dial_digits ?? 5 },
    ]),
  )
}

function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`
}

export type ImportInput = {
  periodId: string
  csv: string
  by: string
  now?: Date
  onProgress?: (done: number, total: number) => Promise<void> | void
  requestId?: string | null
  ip?: string | null
  batchSize?: number
}

/** Parses and checks a readings file without writing anything. */
export async function checkReadingsFile(
  db: DbOrTx,
  periodId: string,
  csv: string,
): Promise<Result<{ period: PeriodRow; rows: ParsedReading[]; accounts: Map<string, AccountForReading> }, ImportError>> {
  const period = await loadPeriodWindow(db, periodId)
  if (!period) return fail(new DomainError('billing/period_not_found', 'El periodo de facturación no existe.'))
  if (!['open', 'read'].includes(period.status)) {
    return fail(new DomainError('billing/period_closed', `El periodo ${period.code} ya pasó la crítica: no admite lecturas.`))
  }
  const parsed = parseReadingsCsv(csv)
  const accounts = await loadAccountsForReadings(db, period.cycleId, parsed.rows.map((r) => r.accountNumber))
  const lineErrors = [...parsed.errors, ...checkReadingsAgainstCycle(parsed.rows, accounts, period)].sort((a, b) => a.line - b.line)
  if (lineErrors.length > 0) {
    const error: ImportError = Object.assign(
      new DomainError(
        'billing/readings_rejected' as const,
        `El archivo tiene ${lineErrors.length} ${lineErrors.length === 1 ? 'error' : 'errores'} y no se aplicó ninguna lectura. ${lineErrors
          .slice(0, 20)
          .map((e) => `Línea ${e.line}: ${e.message}`)
          .join(' ')}`,
      ),
      { lineErrors },
    )
    return fail(error)
  }
  return ok({ period, rows: parsed.rows, accounts })
}

export async function importReadings(db: Db, input: ImportInput): Promise<Result<{ applied: number }, ImportError>> {
  const checked = await checkReadingsFile(db, input.periodId, input.csv)
  if (!checked.ok) return checked
  const { rows: parsedRows, accounts } = checked.value
  const now = input.now ?? new Date()
  const batchSize = input.batchSize ?? 2000
  // Progress is written on another connection while this transaction is open; PGlite has only one connection, so
  // there it is reported once, after the commit.
  const canReportInside = engine().kind === 'postgres'
  await db.transaction(async (tx) => {
    for (let i = 0; i < parsedRows.length; i += batchSize) {
      const batch = parsedRows.slice(i, i + batchSize)
      await upsertReadings(tx, input.periodId, batch, accounts, 'import', input.by, now)
      if (canReportInside) await input.onProgress?.(Math.min(i + batchSize, parsedRows.length), parsedRows.length)
    }
    await recordTrail(tx, {
      entityType: 'billing_period',
      entityId: input.periodId,
      action: 'readings.imported',
      actor: { kind: 'user', userId: input.by },
      summary: { after: { readings: parsedRows.length } },
      requestId: input.requestId,
      ip: input.ip,
      occurredAt: now,
    })
  })
  if (!canReportInside) await input.onProgress?.(parsedRows.length, parsedRows.length)
  return ok({ applied: parsedRows.length })
}

export async function upsertReadings(
  tx: DbOrTx,
  periodId: string,
  batch: ParsedReading[],
  accounts: Map<string, AccountForReading>,
  source: 'import' | 'manual',
  by: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(readings)
    .values(
      batch.map((r) => {
        const account = accounts.get(r.accountNumber)!
        return {
          meterId: account.meterId!,
          accountId: account.accountId,
          periodId,
          value: r.value,
          readOn: r.readOn,
          readerCode: r.readerCode,
          anomalyCode: r.anomalyCode,
          source,
          recordedBy: by,
          recordedAt: now,
        }
      }),
    )
    .onConflictDoUpdate({
      target: [readings.meterId, readings.periodId],
      set: {
        value: sql`excluded.value`,
        readOn: sql`excluded.read_on`,
        readerCode: sql`excluded.reader_code`,
        anomalyCode: sql`excluded.anomaly_code`,
        source: sql`excluded.source`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    })
}
