/** Read models of pagos por identificar: the paginated queue, one payment, and the account staff want to assign it to. */
import { count, desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { users } from '../../db/schema/auth'
import { bankFiles, unidentifiedPayments } from '../../db/schema/payments'
import { accounts, premises, subscribers } from '../../db/schema/premises'
import { describeMedio, describeProcedencia } from './asobancaria-layout'
import { PAGE_SIZE } from './bank-queries.server'

import type { UnidentifiedFilter } from './bank-file-schema'
import { pageWindow } from '~/utils/pagination'

const columns = {
  id: unidentifiedPayments.id,
  referenceRaw: unidentifiedPayments.referenceRaw,
  amount: unidentifiedPayments.amount,
  paidOn: unidentifiedPayments.paidOn,
  channelRaw: unidentifiedPayments.channelRaw,
  reason: unidentifiedPayments.reason,
  status: unidentifiedPayments.status,
  lineNo: unidentifiedPayments.lineNo,
  bankFileId: unidentifiedPayments.bankFileId,
  fileName: bankFiles.fileName,
  note: unidentifiedPayments.note,
  assignedAt: unidentifiedPayments.assignedAt,
  assignedBy: users.fullName,
  accountNumber: accounts.number,
  createdAt: unidentifiedPayments.createdAt,
}

function toView<R extends { channelRaw: string | null; assignedAt: Date | null; createdAt: Date }>(r: R) {
  const [procedencia = '', medio = ''] = (r.channelRaw ?? '').split('-')
  return {
    ...r,
    channel: r.channelRaw ? `${describeProcedencia(procedencia).label} · ${describeMedio(medio).label}` : '—',
    assignedAt: r.assignedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }
}

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(unidentifiedPayments)
    .leftJoin(bankFiles, eq(bankFiles.id, unidentifiedPayments.bankFileId))
    .leftJoin(users, eq(users.id, unidentifiedPayments.assignedBy))
    .leftJoin(accounts, eq(accounts.id, unidentifiedPayments.assignedAccountId))
}

export async function listUnidentified(db: DbOrTx, opts: { status: UnidentifiedFilter; page: number }) {
  const where = eq(unidentifiedPayments.status, opts.status)
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(unidentifiedPayments).where(where)
  const { page, pageCount, offset } = pageWindow(total, opts.page, PAGE_SIZE)
  const found = await base(db)
    .where(where)
    .orderBy(opts.status === 'pending' ? unidentifiedPayments.createdAt : desc(unidentifiedPayments.assignedAt), unidentifiedPayments.lineNo)
    .limit(PAGE_SIZE)
    .offset(offset)
  return { rows: found.map((r) => toView(r)), total, page, pageCount }
}

export async function getUnidentified(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [found] = await base(db).where(eq(unidentifiedPayments.id, id))
  return found ? toView(found) : null
}

/** What staff check before confirming an assignment: whose account it is and where. */
export async function findAccountForAssignment(db: DbOrTx, accountNumber: string) {
  const [found] = await db
    .select({ number: accounts.number, status: accounts.status, holder: subscribers.fullName, address: premises.address })
    .from(accounts)
    .innerJoin(subscribers, eq(subscribers.id, accounts.subscriberId))
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .where(eq(accounts.number, accountNumber.trim()))
  return found ?? null
}
