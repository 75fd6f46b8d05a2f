/**
 * The filing receipt (page and PDF constancia). Who may open it: the holder of the receipt link's secret (a filer
 * without an account gets it at once and by email), the subscriber who owns the case, and staff with pqr:read.
 */
import { timingSafeEqual } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { can } from '~/auth/permissions'
import { money, sum } from '~/billing/money'
import type { DbOrTx } from '~/db.server'
import { renderConstanciaPdf } from '~/documents/constancia-pdf'
import { getSetting } from '~/settings/read.server'
import { formatCOP, formatDate, formatInstantTime } from '~/utils/format'
import { invoices } from '../../db/schema/ledger'
import type { Role } from '../../db/schema/auth'
import { accounts, userAccounts } from '../../db/schema/premises'
import { pqrAttachments, pqrCaseInvoices, pqrCases, pqrCausales, pqrTypes } from '../../db/schema/pqr'
import { storedFiles } from '../../db/schema/storage'
import { hashReceiptToken } from './file-case.server'
import { CHANNEL_LABELS } from './status'
import { isCaseOwnedBy, type Viewer } from './subscriber-queries.server'

export type ReceiptAccess = { token?: string | null; viewer?: Viewer | null; isStaff?: boolean }

function tokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false
  const a = Buffer.from(hashReceiptToken(token), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The receipt of a case, or null when it does not exist or the caller may not see it (the route answers 404). */
export async function getReceipt(db: DbOrTx, caseId: string, access: ReceiptAccess) {
  const [c] = await db
    .select({
      id: pqrCases.id,
      radicado: pqrCases.radicado,
      receivedAt: pqrCases.receivedAt,
      filedOn: pqrCases.filedOn,
      dueOn: pqrCases.dueOn,
      channel: pqrCases.channel,
      typeName: pqrTypes.name,
      causalName: pqrCausales.name,
      subject: pqrCases.subject,
      filerName: pqrCases.filerName,
      filerDocumentType: pqrCases.filerDocumentType,
      filerDocumentNumber: pqrCases.filerDocumentNumber,
      filerEmail: pqrCases.filerEmail,
      filerPhone: pqrCases.filerPhone,
      filerAddress: pqrCases.filerAddress,
      accountNumber: accounts.number,
      extemporaneous: pqrCases.extemporaneous,
      electronicNotificationConsent: pqrCases.electronicNotificationConsent,
      receiptTokenHash: pqrCases.receiptTokenHash,
    })
    .from(pqrCases)
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .leftJoin(pqrCausales, eq(pqrCausales.code, pqrCases.causalCode))
    .leftJoin(accounts, eq(accounts.id, pqrCases.accountId))
    .where(eq(pqrCases.id, caseId))
  if (!c) return null
  const allowed =
    access.isStaff ||
    (access.token ? tokenMatches(access.token, c.receiptTokenHash) : false) ||
    (access.viewer ? await isCaseOwnedBy(db, access.viewer, caseId) : false)
  if (!allowed) return null
  const [claims, files] = await Promise.all([
    db
      .select({ number: invoices.number, issueOn: invoices.issueOn, disputedAmount: pqrCaseInvoices.disputedAmount })
      .from(pqrCaseInvoices)
      .innerJoin(invoices, eq(invoices.id, pqrCaseInvoices.invoiceId))
      .where(eq(pqrCaseInvoices.caseId, caseId)),
    db
      .select({ name: storedFiles.name })
      .from(pqrAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, pqrAttachments.fileId))
      .where(and(eq(pqrAttachments.caseId, caseId), eq(pqrAttachments.role, 'filer')))
      .orderBy(asc(pqrAttachments.addedAt)),
  ])
  const { receiptTokenHash: _hash, ...rest } = c
  return {
    ...rest,
    receivedAt: rest.receivedAt.toISOString(),
    claims: claims.map((cl) => ({ invoiceNumber: String(cl.number ?? ''), issueOn: cl.issueOn, disputedAmount: cl.disputedAmount })),
    disputedTotal: claims.length ? sum(claims.map((cl) => cl.disputedAmount)).toFixed(2) : null,
    attachments: files.map((f) => f.name),
  }
}

export type Receipt = NonNullable<Awaited<ReturnType<typeof getReceipt>>>

export async function renderReceiptPdf(db: DbOrTx, receipt: Receipt, origin?: string): Promise<Uint8Array> {
  const [name, nit] = await Promise.all([getSetting('company.legal_name', { db }), getSetting('company.nit', { db })])
  return renderConstanciaPdf({
    company: { name, nit },
    radicado: receipt.radicado,
    receivedAt: formatInstantTime(receipt.receivedAt),
    filedOn: formatDate(receipt.filedOn),
    dueOn: formatDate(receipt.dueOn),
    channelLabel: CHANNEL_LABELS[receipt.channel],
    typeName: receipt.typeName,
    causalName: receipt.causalName,
    subject: receipt.subject,
    filer: {
      name: receipt.filerName,
      document: `${receipt.filerDocumentType} ${receipt.filerDocumentNumber}`,
      email: receipt.filerEmail,
      phone: receipt.filerPhone,
      address: receipt.filerAddress,
    },
    accountNumber: receipt.accountNumber,
    claims: receipt.claims.map((c) => ({ ...c, issueOn: formatDate(c.issueOn), disputedAmount: formatCOP(c.disputedAmount) })),
    disputedTotal: receipt.disputedTotal && money(receipt.disputedTotal).gt(0) ? formatCOP(receipt.disputedTotal) : null,
    extemporaneous: receipt.extemporaneous,
    electronicNotificationConsent: receipt.electronicNotificationConsent,
    attachments: receipt.attachments,
    lookupUrl: origin ? `${origin}/pqr/consulta` : null,
  })
}

/** Who is asking for a receipt: the link's secret, the signed-in owner (their linked accounts), or staff. */
export async function receiptAccessFor(
  db: DbOrTx,
  user: { id: string; role: Role } | null,
  token: string | null,
): Promise<ReceiptAccess> {
  if (!user) return { token }
  if (can(user, 'pqr:read')) return { token, isStaff: true }
  if (user.role !== 'subscriber') return { token }
  const links = await db.select({ accountId: userAccounts.accountId }).from(userAccounts).where(eq(userAccounts.userId, user.id))
  return { token, viewer: { userId: user.id, accountIds: links.map((l) => l.accountId) } }
}
