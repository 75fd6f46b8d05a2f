/**
 * Habeas data (Ley 1581 de 2012): a subscriber downloads their personal data, and files a query (art. 14: answered
 * within 10 business days) or a claim to correct or delete data (art. 15: 15 business days). Terms are settings.
 */
import { and, asc, desc, eq } from 'drizzle-orm'
import { addBusinessDays, addCalendarDays } from '~/calendar/business-days'
import { loadHolidaySet } from '~/calendar/non-working-days.server'
import { db, type DbOrTx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail } from '~/trail/record.server'
import { todayInBogota, type IsoDate } from '~/utils/format'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { consents, dataRightsRequests, type DataRightsKind } from '../../db/schema/identity'
import { accounts, userAccounts } from '../../db/schema/premises'
import type { RequestMeta } from './password-reset.server'

/**
 * Business days after the filing date (Ley 1581 arts. 14–15 count días hábiles), skipping national holidays and the
 * company's non-working days (the same holiday set every PQR deadline uses).
 */
export async function dataRightsDueOn(dbOrTx: DbOrTx, filedOn: IsoDate, businessDays: number): Promise<IsoDate> {
  const holidays = await loadHolidaySet(dbOrTx, { from: filedOn, to: addCalendarDays(filedOn, businessDays * 2 + 30) })
  return addBusinessDays(filedOn, businessDays, holidays)
}

export async function fileDataRightsRequest(
  input: { userId: string; kind: DataRightsKind; description: string },
  meta: RequestMeta = {},
): Promise<Result<{ id: string; dueOn: string }, DomainError<'identity/empty_request'>>> {
  const now = meta.now ?? new Date()
  const description = input.description.trim()
  if (description.length < 10) {
    return fail(new DomainError('identity/empty_request', 'Describa su solicitud con al menos 10 caracteres.'))
  }
  const termKey =
    input.kind === 'query' ? 'identity.data_rights_query_business_days' : 'identity.data_rights_claim_business_days'
  const days = await getSetting(termKey, { now })
  const dueOn = await dataRightsDueOn(db, todayInBogota(now), days)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dataRightsRequests)
      .values({ userId: input.userId, kind: input.kind, description, filedAt: now, dueOn })
      .returning({ id: dataRightsRequests.id })
    await recordTrail(tx, {
      entityType: 'data_rights_request',
      entityId: row!.id,
      action: 'data_rights.filed',
      actor: { kind: 'user', userId: input.userId },
      summary: { kind: input.kind, dueOn },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    return ok({ id: row!.id, dueOn })
  })
}

export async function answerDataRightsRequest(
  input: { requestId: string; answer: string; staffUserId: string },
  meta: RequestMeta = {},
): Promise<boolean> {
  const now = meta.now ?? new Date()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(dataRightsRequests)
      .set({ status: 'answered', answer: input.answer.trim(), answeredAt: now, answeredBy: input.staffUserId })
      .where(and(eq(dataRightsRequests.id, input.requestId), eq(dataRightsRequests.status, 'pending')))
      .returning({ id: dataRightsRequests.id })
    if (!row) return false
    await recordTrail(tx, {
      entityType: 'data_rights_request',
      entityId: row.id,
      action: 'data_rights.answered',
      actor: { kind: 'user', userId: input.staffUserId },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    return true
  })
}

/** The staff queue: pending first, by due date. */
export async function listDataRightsQueue() {
  return db
    .select({
      id: dataRightsRequests.id,
      kind: dataRightsRequests.kind,
      description: dataRightsRequests.description,
      status: dataRightsRequests.status,
      filedAt: dataRightsRequests.filedAt,
      dueOn: dataRightsRequests.dueOn,
      answer: dataRightsRequests.answer,
      fullName: users.fullName,
      email: users.email,
    })
    .from(dataRightsRequests)
    .innerJoin(users, eq(users.id, dataRightsRequests.userId))
    .orderBy(desc(eq(dataRightsRequests.status, 'pending')), asc(dataRightsRequests.dueOn))
    .limit(200)
}

export async function listMyDataRightsRequests(userId: string) {
  return db
    .select({
      id: dataRightsRequests.id,
      kind: dataRightsRequests.kind,
      status: dataRightsRequests.status,
      filedAt: dataRightsRequests.filedAt,
      dueOn: dataRightsRequests.dueOn,
      answer: dataRightsRequests.answer,
    })
    .from(dataRightsRequests)
    .where(eq(dataRightsRequests.userId, userId))
    .orderBy(desc(dataRightsRequests.filedAt))
}

/** Everything we hold about the person as a user of the portal (Ley 1581 art. 8 lit. a: right to know). */
export async function exportMyData(userId: string) {
  const [user] = await db
    .select({ email: users.email, fullName: users.fullName, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
  const [myConsents, myAccounts, myRequests] = await Promise.all([
    db
      .select({ kind: consents.kind, policyVersion: consents.policyVersion, grantedAt: consents.grantedAt, withdrawnAt: consents.withdrawnAt })
      .from(consents)
      .where(eq(consents.userId, userId)),
    db
      .select({ number: accounts.number, linkedAt: userAccounts.linkedAt })
      .from(userAccounts)
      .innerJoin(accounts, eq(accounts.id, userAccounts.accountId))
      .where(eq(userAccounts.userId, userId)),
    listMyDataRightsRequests(userId),
  ])
  return { generatedAt: new Date().toISOString(), user, consents: myConsents, accounts: myAccounts, dataRightsRequests: myRequests }
}
