/**
 * Importing a stored Asobancaria 2001 file (the body of the 'payments.bank_file_import' job). A file whose structure
 * or control totals are wrong (formats.md §1.6) is rejected whole: nothing is applied and the report lists every
 * error with its line. Otherwise each payment is applied by its reference through billing's postPaymentsBulk
 * (channel 'bank_file', external ref `<fileId>:<line>`, so a retried job never applies a line twice), in batches with
 * progress between them; unknown references and wrong check digits go to pagos por identificar, and lines that repeat
 * a gateway payment are recognised and not applied again.
 */
import { eq } from 'drizzle-orm'
import { engine, type Db } from '~/db.server'
import { postPaymentsBulk, type PostPaymentInput } from '~/billing/ledger/post-payment.server'
import { money, toDb } from '~/billing/money'
import { getSetting } from '~/settings/read.server'
import { lanesByKey } from '~/utils/lanes'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { bankFiles } from '../../db/schema/payments'
import { afterPaymentsApplied } from './after-payment.server'
import { parseAsobancaria2001, type AsobancariaFile } from './asobancaria'
import { REPORT_LIST_LIMIT, type BankFileReport } from './bank-file-schema'
import { classifyLines, type BankLine, type CandidateLine } from './bank-lines'
import { accountsByReference, recogniseGatewayPayments } from './bank-match.server'
import { insertUnidentified } from './unidentified-insert.server'

export type ImportProgress = (done: number, total: number, message: string) => Promise<void>
export type ImportOptions = { onProgress?: ImportProgress; batchSize?: number; actor?: TrailActor; timings?: Record<string, number> }

/**
 * Payments per transaction. postPaymentsBulk refreshes the statistics of payments, ledger_entries and
 * payment_allocations before each large batch (about a second on a 100,000-account ledger), so fewer, larger batches
 * cost less; 25,000 still moves the progress bar four times for a 100,000-payment file (tune with the benchmark).
 */
export const DEFAULT_BATCH_SIZE = 25_000
/** Concurrent transactions on the PostgreSQL server (PGlite has one connection): one per core of the 2-core target. */
const LANES = 2
const lanes = () => (engine().kind === 'postgres' ? LANES : 1)

const sum = (amounts: string[]) => toDb(amounts.reduce((s, a) => s.plus(a), money(0)))

function emptyReport(): BankFileReport {
  return { errors: [], applied: 0, appliedAmount: '0.00', duplicates: 0, duplicateAmount: '0.00', unidentified: 0, unidentifiedAmount: '0.00', rejected: 0, duplicateLines: [], rejectedLines: [], channels: {}, lotes: [] }
}

export async function importBankFile(db: Db, fileId: string, opts: ImportOptions = {}): Promise<BankFileReport> {
  const progress: ImportProgress = opts.onProgress ?? (async () => {})
  const actor = opts.actor ?? { kind: 'system', label: 'recaudo bancario' }
  const [file] = await db.select({ status: bankFiles.status, content: bankFiles.content, report: bankFiles.report }).from(bankFiles).where(eq(bankFiles.id, fileId))
  if (!file) throw new Error(`bank file ${fileId} not found`)
  if (file.status === 'applied' || file.status === 'rejected') return file.report as BankFileReport
  await db.update(bankFiles).set({ status: 'running' }).where(eq(bankFiles.id, fileId))
  await progress(0, 1, 'Validando la estructura y los totales de control')
  const time = timer(opts.timings)
  const parsed = parseAsobancaria2001(file.content)
  time('parse')
  if (!parsed.ok) return finish(db, fileId, 'rejected', { ...emptyReport(), errors: parsed.errors }, actor)
  const report = baseReport(parsed.file)
  const lines = classifyLines(parsed.file)
  report.channels = lines.channels
  report.rejected = lines.rejected.length
  report.rejectedLines = lines.rejected.slice(0, REPORT_LIST_LIMIT)
  await progress(0, lines.total, 'Identificando las referencias de pago')
  const { toApply, unidentified } = await identify(db, fileId, parsed.file, lines.candidates, lines.badCheckDigit, report)
  time('identify')
  report.unidentified = unidentified.length
  report.unidentifiedAmount = sum(unidentified.map((u) => u.amount))
  let done = lines.total - toApply.length
  await progress(done, lines.total, 'Aplicando pagos')
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE
  const applyLane = async (lane: PostPaymentInput[]) => {
    for (let i = 0; i < lane.length; i += batchSize) {
      const batch = lane.slice(i, i + batchSize)
      await db.transaction(async (tx) => {
        const posted = await postPaymentsBulk(tx, batch, { actor })
        const applied = posted.flatMap((p, k) => (p.isDuplicate ? [] : [{ paymentId: p.paymentId, accountId: batch[k]!.accountId, amount: batch[k]!.amount, paidOn: batch[k]!.paidOn, channel: 'bank_file' as const }]))
        await afterPaymentsApplied(tx, applied)
      })
      done += batch.length
      await progress(done, lines.total, 'Aplicando pagos')
    }
  }
  // Lanes never share an account (app/utils/lanes.ts): each runs on its own connection, the account's payments in file order.
  await Promise.all(lanesByKey(toApply, (p) => p.accountId, lanes()).map(applyLane))
  time('apply')
  report.applied = toApply.length
  report.appliedAmount = sum(toApply.map((p) => p.amount))
  return finish(db, fileId, 'applied', report, actor)
}

function baseReport(file: AsobancariaFile): BankFileReport {
  return { ...emptyReport(), lotes: file.lotes.map((l) => ({ number: l.number, line: l.line, count: l.totals.count, amount: l.totals.amount })) }
}

/**
 * Resolves references to accounts, records recognised gateway payments and the pagos por identificar (one
 * transaction, idempotent), and returns the payments to post.
 */
async function identify(db: Db, fileId: string, file: AsobancariaFile, candidates: CandidateLine[], badCheckDigit: BankLine[], report: BankFileReport) {
  const paidOn = file.header.collectionDate
  const windowDays = await getSetting('payments.gateway_bank_match_days', { on: paidOn, db })
  // A read of issued invoices only: it runs before the transaction, split over as many connections as the lanes.
  const accounts = await accountsByReference(db, candidates.map((c) => c.reference), lanes())
  return db.transaction(async (tx) => {
    const known = candidates.filter((c) => accounts.has(c.reference))
    const matches = await recogniseGatewayPayments(tx, { fileId, collectionDate: paidOn, windowDays, candidates: known.map(({ line, reference, amount }) => ({ line, reference, amount })) })
    const duplicates = known.filter((c) => matches.has(c.line))
    report.duplicates = duplicates.length
    report.duplicateAmount = sum(duplicates.map((d) => d.amount))
    report.duplicateLines = duplicates.slice(0, REPORT_LIST_LIMIT).map((d) => ({ line: d.line, reference: d.reference, amount: d.amount, paymentId: matches.get(d.line)! }))
    const unidentified = [
      ...badCheckDigit.map((l) => ({ ...l, reason: 'check_digit' })),
      ...candidates.filter((c) => !accounts.has(c.reference)).map((l) => ({ ...l, reason: 'unknown_reference' })),
    ].sort((a, b) => a.line - b.line)
    await insertUnidentified(tx, { fileId, paidOn, lines: unidentified })
    const toApply: PostPaymentInput[] = known
      .filter((c) => !matches.has(c.line))
      .map((c) => ({ accountId: accounts.get(c.reference)!, amount: c.amount, paidOn, channel: 'bank_file', externalRef: `${fileId}:${c.line}`, reference: c.reference }))
    return { toApply, unidentified }
  })
}

async function finish(db: Db, fileId: string, status: 'applied' | 'rejected', report: BankFileReport, actor: TrailActor): Promise<BankFileReport> {
  const counted = report.applied + report.duplicates + report.unidentified + report.rejected
  await db.transaction(async (tx) => {
    await tx
      .update(bankFiles)
      .set({ status, report, finishedAt: new Date(), recordCount: status === 'applied' ? counted : null, totalAmount: status === 'applied' ? sum(report.lotes.map((l) => l.amount)) : null })
      .where(eq(bankFiles.id, fileId))
    await recordTrail(tx, {
      entityType: 'bank_file',
      entityId: fileId,
      action: status === 'applied' ? 'bank_file.imported' : 'bank_file.rejected',
      actor,
      summary: { status, applied: report.applied, duplicates: report.duplicates, unidentified: report.unidentified, rejected: report.rejected, errors: report.errors.length },
    })
  })
  return report
}

function timer(timings?: Record<string, number>) {
  let last = performance.now()
  return (phase: string) => {
    const now = performance.now()
    if (timings) timings[phase] = (timings[phase] ?? 0) + (now - last)
    last = now
  }
}
