/** Read models of the bank-collection pages: uploaded files (paginated), one file's report, bank payments to return. */
import { and, count, desc, eq, like, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { getJobProgress, type JobView } from '~/jobs/queries.server'
import { users } from '../../db/schema/auth'
import { payments } from '../../db/schema/ledger'
import { bankFiles } from '../../db/schema/payments'
import { accounts } from '../../db/schema/premises'
import { describeBank } from './asobancaria'
import type { BankFileReport } from './bank-file-schema'
import { canonicalReference } from './bank-lines'
import { pageWindow } from '~/utils/pagination'

export const PAGE_SIZE = 25

/** What both the list and one file's page show of a file (the uploader by name). */
const fileColumns = {
  id: bankFiles.id,
  fileName: bankFiles.fileName,
  bankCode: bankFiles.bankCode,
  fileDate: bankFiles.fileDate,
  modifier: bankFiles.modifier,
  status: bankFiles.status,
  recordCount: bankFiles.recordCount,
  totalAmount: bankFiles.totalAmount,
  uploadedAt: bankFiles.uploadedAt,
  uploadedBy: users.fullName,
}

export async function listBankFiles(db: DbOrTx, opts: { page: number }) {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(bankFiles)
  const { page, pageCount, offset } = pageWindow(total, opts.page, PAGE_SIZE)
  const found = await db
    .select(fileColumns)
    .from(bankFiles)
    .leftJoin(users, eq(users.id, bankFiles.uploadedBy))
    .orderBy(desc(bankFiles.uploadedAt), desc(bankFiles.id))
    .limit(PAGE_SIZE)
    .offset(offset)
  const rows = found.map((f) => ({ ...f, bankName: f.bankCode ? describeBank(f.bankCode).label : null, uploadedAt: f.uploadedAt.toISOString() }))
  return { rows, total, page, pageCount }
}

export type BankFileView = {
  id: string
  fileName: string
  bankName: string | null
  fileDate: string | null
  modifier: string | null
  status: string
  recordCount: number | null
  totalAmount: string | null
  uploadedAt: string
  uploadedBy: string | null
  finishedAt: string | null
  report: BankFileReport | null
  job: JobView | null
}

export async function getBankFile(db: DbOrTx, id: string): Promise<BankFileView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [f] = await db
    .select({
      ...fileColumns,
      finishedAt: bankFiles.finishedAt,
      report: bankFiles.report,
      jobId: bankFiles.jobId,
    })
    .from(bankFiles)
    .leftJoin(users, eq(users.id, bankFiles.uploadedBy))
    .where(eq(bankFiles.id, id))
  if (!f) return null
  const { jobId, bankCode, ...rest } = f
  return {
    ...rest,
    bankName: bankCode ? describeBank(bankCode).label : null,
    uploadedAt: f.uploadedAt.toISOString(),
    finishedAt: f.finishedAt?.toISOString() ?? null,
    report: (f.report as BankFileReport | null) ?? null,
    job: jobId ? await getJobProgress(db, jobId) : null,
  }
}

/**
 * Bank-file payments found by payment reference, account number or file (for the returns page), newest first.
 * A file's payments carry the external reference `<fileId>:<line>`.
 */
export async function searchBankPayments(db: DbOrTx, opts: { q?: string; fileId?: string; page: number }) {
  const q = opts.q?.trim() ?? ''
  const reference = q ? (canonicalReference(q.replace(/^0+/, '')) ?? q) : null
  const filters = [
    eq(payments.channel, 'bank_file'),
    // Both arms on payments (its reference index, its account index): an OR that spanned the join read every payment.
    q ? or(eq(payments.reference, reference!), eq(payments.accountId, sql`(select id from accounts where number = ${q})`)) : undefined,
    opts.fileId ? like(payments.externalRef, `${opts.fileId}:%`) : undefined,
  ]
  if (!q && !opts.fileId) return { rows: [], total: 0, page: 1, pageCount: 1 }
  const where = and(...filters)
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(payments).innerJoin(accounts, eq(accounts.id, payments.accountId)).where(where)
  const { page, pageCount, offset } = pageWindow(total, opts.page, PAGE_SIZE)
  const rows = await db
    .select({
      id: payments.id,
      accountNumber: accounts.number,
      amount: payments.amount,
      paidOn: payments.paidOn,
      reference: payments.reference,
      status: payments.status,
      reversalReason: payments.reversalReason,
      line: sql<string>`split_part(${payments.externalRef}, ':', 2)`,
    })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(where)
    .orderBy(desc(payments.paidOn), desc(payments.createdAt))
    .limit(PAGE_SIZE)
    .offset(offset)
  return { rows, total, page, pageCount }
}

/** The latest bank returns (reversed bank-file payments). */
export async function listRecentBankReturns(db: DbOrTx, limit = 20) {
  const rows = await db
    .select({ id: payments.id, accountNumber: accounts.number, amount: payments.amount, paidOn: payments.paidOn, reason: payments.reversalReason, reversedAt: payments.reversedAt })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(and(eq(payments.channel, 'bank_file'), eq(payments.status, 'reversed')))
    .orderBy(desc(payments.reversedAt))
    .limit(limit)
  return rows.map((r) => ({ ...r, reversedAt: r.reversedAt?.toISOString() ?? null }))
}
