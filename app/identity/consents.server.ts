/**
 * Consents (Ley 1581 de 2012 art. 9: prior, express and informed authorisation, kept as proof; Decreto 1377 de 2013
 * art. 8). Electronic notification of decisions is a separate consent (CPACA art. 56). Each grant is a row with the
 * policy version and instant; withdrawing stamps it. Both changes go in the audit trail.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { db, type DbOrTx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail } from '~/trail/record.server'
import { consents, type ConsentKind } from '../../db/schema/identity'
import type { RequestMeta } from './password-reset.server'

export async function currentPolicyVersion(kind: ConsentKind, now: Date): Promise<string> {
  return kind === 'data_processing'
    ? getSetting('identity.data_policy_version', { now })
    : getSetting('identity.electronic_notification_policy_version', { now })
}

/** Grants `kind` unless an active grant exists. Runs in the caller's transaction. */
export async function grantConsent(
  tx: DbOrTx,
  input: { userId: string; kind: ConsentKind; policyVersion: string },
  meta: RequestMeta & { now: Date },
): Promise<void> {
  const [active] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, input.userId), eq(consents.kind, input.kind), isNull(consents.withdrawnAt)))
  if (active) return
  await tx.insert(consents).values({ ...input, grantedAt: meta.now })
  await recordTrail(tx, {
    entityType: 'user',
    entityId: input.userId,
    action: 'consent.granted',
    actor: { kind: 'user', userId: input.userId },
    summary: { kind: input.kind, policyVersion: input.policyVersion },
    requestId: meta.requestId,
    ip: meta.ip,
    occurredAt: meta.now,
  })
}

export async function withdrawConsent(
  input: { userId: string; kind: ConsentKind },
  meta: RequestMeta = {},
): Promise<boolean> {
  const now = meta.now ?? new Date()
  return db.transaction(async (tx) => {
    const withdrawn = await tx
      .update(consents)
      .set({ withdrawnAt: now })
      .where(and(eq(consents.userId, input.userId), eq(consents.kind, input.kind), isNull(consents.withdrawnAt)))
      .returning({ policyVersion: consents.policyVersion })
    if (withdrawn.length === 0) return false
    await recordTrail(tx, {
      entityType: 'user',
      entityId: input.userId,
      action: 'consent.withdrawn',
      actor: { kind: 'user', userId: input.userId },
      summary: { kind: input.kind, policyVersion: withdrawn[0]!.policyVersion },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    return true
  })
}

export async function grantConsentNow(input: { userId: string; kind: ConsentKind }, meta: RequestMeta = {}): Promise<void> {
  const now = meta.now ?? new Date()
  const policyVersion = await currentPolicyVersion(input.kind, now)
  await db.transaction((tx) => grantConsent(tx, { ...input, policyVersion }, { ...meta, now }))
}

export type ConsentState = { kind: ConsentKind; policyVersion: string; grantedAt: Date }

/** The active consents of a user. */
export async function listActiveConsents(userId: string): Promise<ConsentState[]> {
  return db
    .select({ kind: consents.kind, policyVersion: consents.policyVersion, grantedAt: consents.grantedAt })
    .from(consents)
    .where(and(eq(consents.userId, userId), isNull(consents.withdrawnAt)))
}
