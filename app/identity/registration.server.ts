/**
 * Subscriber registration with proof of ownership, email verification, and linking more accounts. The proven account
 * waits in pending_account_links until the email is verified, so nothing about it is shown to an unverified address.
 * An email already registered gets the same answer (and a notice to its owner), so registration never reveals it.
 */
import { and, eq, sql } from 'drizzle-orm'
import { hashPassword } from '~/auth/password.server'
import { db, type DbOrTx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { pendingAccountLinks } from '../../db/schema/identity'
import { userAccounts } from '../../db/schema/premises'
import { currentPolicyVersion, grantConsent } from './consents.server'
import { findProvenAccount, OWNERSHIP_NOT_PROVEN, type OwnershipProof } from './ownership.server'
import type { RequestMeta } from './password-reset.server'
import { passwordProblem } from './password-rules'
import { consumeUserToken, issueUserToken } from './tokens.server'

export const VERIFICATION_HOURS = 48

export type RegistrationErrorCode = 'identity/ownership_not_proven' | 'identity/weak_password'

export type RegistrationInput = OwnershipProof & {
  fullName: string
  email: string
  password: string
  acceptsElectronicNotification: boolean
  origin: string
}

export async function registerSubscriber(
  input: RegistrationInput,
  meta: RequestMeta = {},
): Promise<Result<{ emailSent: true }, DomainError<RegistrationErrorCode>>> {
  const now = meta.now ?? new Date()
  const email = input.email.trim().toLowerCase()
  const problem = passwordProblem(input.password, { email })
  if (problem) return fail(new DomainError('identity/weak_password', problem))
  const accountId = await findProvenAccount(db, input)
  if (!accountId) return fail(new DomainError('identity/ownership_not_proven', OWNERSHIP_NOT_PROVEN))
  const passwordHash = await hashPassword(input.password)
  const [dataVersion, noticeVersion] = await Promise.all([
    currentPolicyVersion('data_processing', now),
    currentPolicyVersion('electronic_notification', now),
  ])
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, fullName: input.fullName.trim(), role: 'subscriber', passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id })
    if (!created) {
      await enqueueEmail(tx, {
        to: email,
        template: 'generic-notice',
        props: {
          title: 'Ya tiene un usuario en la ventanilla virtual',
          paragraphs: [
            'Alguien intentó registrarse con este correo, que ya tiene un usuario.',
            'Si fue usted, ingrese con su contraseña o pida un enlace para cambiarla. Si no fue usted, ignore este mensaje.',
          ],
          button: { label: 'Recuperar la contraseña', url: `${input.origin}/recuperar-clave` },
        },
      })
      return
    }
    const userId = created.id
    await tx.insert(pendingAccountLinks).values({ userId, accountId, provenAt: now })
    await recordTrail(tx, {
      entityType: 'user',
      entityId: userId,
      action: 'registration',
      actor: { kind: 'user', userId },
      summary: { accountId },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    const consentMeta = { ...meta, now }
    await grantConsent(tx, { userId, kind: 'data_processing', policyVersion: dataVersion }, consentMeta)
    if (input.acceptsElectronicNotification) {
      await grantConsent(tx, { userId, kind: 'electronic_notification', policyVersion: noticeVersion }, consentMeta)
    }
    await sendVerificationEmail(tx, { userId, email, fullName: input.fullName.trim(), origin: input.origin, now })
  })
  return ok({ emailSent: true })
}

async function sendVerificationEmail(
  tx: DbOrTx,
  input: { userId: string; email: string; fullName: string; origin: string; now: Date },
) {
  const token = await issueUserToken(tx, {
    userId: input.userId,
    purpose: 'email_verification',
    ttlMinutes: VERIFICATION_HOURS * 60,
    now: input.now,
  })
  await enqueueEmail(tx, {
    to: input.email,
    template: 'verify-email',
    props: {
      fullName: input.fullName,
      url: `${input.origin}/verificar-correo?token=${encodeURIComponent(token)}`,
      validHours: VERIFICATION_HOURS,
    },
    related: { entityType: 'user', entityId: input.userId },
  })
}

/** Marks the email verified and turns the pending links into real ones. */
export async function verifyEmail(
  input: { token: string },
  meta: RequestMeta = {},
): Promise<Result<{ userId: string }, DomainError<'identity/invalid_token'>>> {
  const now = meta.now ?? new Date()
  return db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, { token: input.token, purpose: 'email_verification', now })
    if (!userId) {
      return fail(
        new DomainError('identity/invalid_token', 'El enlace no es válido o ya se usó. Si ya confirmó su correo, ingrese normalmente.'),
      )
    }
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId))
    const pending = await tx.delete(pendingAccountLinks).where(eq(pendingAccountLinks.userId, userId)).returning()
    await recordTrail(tx, {
      entityType: 'user',
      entityId: userId,
      action: 'email.verified',
      actor: { kind: 'user', userId },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    for (const link of pending) await insertLink(tx, { userId, accountId: link.accountId }, { ...meta, now })
    return ok({ userId })
  })
}

export type LinkErrorCode = 'identity/ownership_not_proven' | 'identity/already_linked' | 'identity/unverified'

/** Links another account to a verified subscriber after the same proof of ownership. */
export async function linkAccount(
  input: OwnershipProof & { userId: string },
  meta: RequestMeta = {},
): Promise<Result<{ accountId: string }, DomainError<LinkErrorCode>>> {
  const now = meta.now ?? new Date()
  return db.transaction(async (tx) => {
    const [me] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, input.userId))
    if (!me?.verifiedAt) {
      return fail(new DomainError('identity/unverified', 'Confirme primero su correo electrónico con el enlace que le enviamos.'))
    }
    const accountId = await findProvenAccount(tx, input)
    if (!accountId) return fail(new DomainError('identity/ownership_not_proven', OWNERSHIP_NOT_PROVEN))
    const isNew = await insertLink(tx, { userId: input.userId, accountId }, { ...meta, now })
    if (!isNew) return fail(new DomainError('identity/already_linked', 'Esa cuenta ya está vinculada a su usuario.'))
    return ok({ accountId })
  })
}

async function insertLink(tx: DbOrTx, link: { userId: string; accountId: string }, meta: RequestMeta & { now: Date }) {
  const inserted = await tx
    .insert(userAccounts)
    .values({ ...link, linkedAt: meta.now })
    .onConflictDoNothing()
    .returning({ accountId: userAccounts.accountId })
  if (inserted.length === 0) return false
  await recordTrail(tx, {
    entityType: 'account',
    entityId: link.accountId,
    action: 'account.linked',
    actor: { kind: 'user', userId: link.userId },
    summary: { userId: link.userId },
    requestId: meta.requestId,
    ip: meta.ip,
    occurredAt: meta.now,
  })
  return true
}

/** Whether a user still has to verify their email (the profile shows a notice). */
export async function isEmailPending(userId: string): Promise<boolean> {
  const [row] = await db
    .select({ pending: sql<boolean>`${users.emailVerifiedAt} is null` })
    .from(users)
    .where(and(eq(users.id, userId)))
  return Boolean(row?.pending)
}
