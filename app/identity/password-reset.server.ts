/**
 * Password reset by an emailed single-use token (OWASP Forgot Password cheat sheet): the answer is the same whether or
 * not the email is registered; the token expires (`identity.password_reset_minutes`, 30 by default), works once and
 * is revoked by a newer one; a reset ends every session of the user. Each step is in the audit trail.
 */
import { eq, sql } from 'drizzle-orm'
import { db, type DbOrTx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { hashPassword } from '~/auth/password.server'
import { sessions, users } from '../../db/schema/auth'
import { RESET_LINK_INVALID } from './messages'
import { passwordProblem } from './password-rules'
import { consumeUserToken, isUserTokenValid, issueUserToken } from './tokens.server'

export type RequestMeta = { requestId?: string | null; ip?: string | null; now?: Date }

export { RESET_LINK_INVALID, RESET_REQUESTED_MESSAGE } from './messages'

/** Always resolves the same way; emails a link only to an active, registered user. */
export async function requestPasswordReset(
  input: { email: string; origin: string },
  meta: RequestMeta = {},
): Promise<void> {
  const now = meta.now ?? new Date()
  const email = input.email.trim().toLowerCase()
  const [user] = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email, isActive: users.isActive })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
  if (!user || !user.isActive) return
  const ttlMinutes = await getSetting('identity.password_reset_minutes', { now })
  await db.transaction(async (tx) => {
    const token = await issueUserToken(tx, { userId: user.id, purpose: 'password_reset', ttlMinutes, now })
    await enqueueEmail(tx, {
      to: user.email,
      template: 'password-reset',
      props: {
        fullName: user.fullName,
        url: `${input.origin}/recuperar-clave/nueva?token=${encodeURIComponent(token)}`,
        validMinutes: ttlMinutes,
      },
      related: { entityType: 'user', entityId: user.id },
    })
    await recordTrail(tx, {
      entityType: 'user',
      entityId: user.id,
      action: 'password.reset_requested',
      actor: { kind: 'system', label: 'Solicitud pública de recuperación' },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
  })
}

export type ResetErrorCode = 'identity/invalid_token' | 'identity/weak_password'

/** Sets the new password if the token is valid, and ends every session of the user in the same transaction. */
export async function resetPassword(
  input: { token: string; password: string },
  meta: RequestMeta = {},
): Promise<Result<{ userId: string }, DomainError<ResetErrorCode>>> {
  const now = meta.now ?? new Date()
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, { token: input.token, purpose: 'password_reset', now })
    if (!userId) return fail(new DomainError('identity/invalid_token', RESET_LINK_INVALID))
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
    const problem = passwordProblem(input.password, { email: user?.email })
    if (problem) {
      // Throwing rolls back the token's use, so the person can try another password with the same link.
      throw new WeakPasswordError(problem)
    }
    await setPasswordHash(tx, userId, passwordHash, now)
    await tx.delete(sessions).where(eq(sessions.userId, userId))
    await recordTrail(tx, {
      entityType: 'user',
      entityId: userId,
      action: 'password.reset',
      actor: { kind: 'user', userId },
      summary: { sessionsEnded: true },
      requestId: meta.requestId,
      ip: meta.ip,
      occurredAt: now,
    })
    return ok({ userId })
  }).catch((error: unknown) => {
    if (error instanceof WeakPasswordError) return fail(new DomainError('identity/weak_password', error.message))
    throw error
  })
}

class WeakPasswordError extends Error {}

async function setPasswordHash(tx: DbOrTx, userId: string, passwordHash: string, now: Date) {
  await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId))
}

/** Whether the link can still be used (the page shows the form, or says the link expired). */
export async function isResetTokenUsable(token: string, opts: { now?: Date } = {}): Promise<boolean> {
  return isUserTokenValid(db, { token, purpose: 'password_reset', now: opts.now ?? new Date() })
}
