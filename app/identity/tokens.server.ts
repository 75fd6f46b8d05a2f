/**
 * Single-use tokens sent by email (password reset, email verification). 256 random bits, base64url; only the
 * SHA-256 is stored, so a database leak does not hand out working links. Issuing a token revokes the user's earlier
 * unused tokens of the same purpose; consuming one is a guarded UPDATE, so it works at most once.
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { userTokens, type UserTokenPurpose } from '../../db/schema/identity'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function issueUserToken(
  tx: DbOrTx,
  input: { userId: string; purpose: UserTokenPurpose; ttlMinutes: number; now: Date },
): Promise<string> {
  await tx
    .update(userTokens)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(userTokens.userId, input.userId),
        eq(userTokens.purpose, input.purpose),
        isNull(userTokens.usedAt),
        isNull(userTokens.revokedAt),
      ),
    )
  const token = randomBytes(32).toString('base64url')
  await tx.insert(userTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(input.now.getTime() + input.ttlMinutes * 60_000),
    createdAt: input.now,
  })
  return token
}

/** The token's user id if it was valid (and is now used), else null. */
export async function consumeUserToken(
  tx: DbOrTx,
  input: { token: string; purpose: UserTokenPurpose; now: Date },
): Promise<string | null> {
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: input.now })
    .where(and(...validTokenWhere(input)))
    .returning({ userId: userTokens.userId })
  return row?.userId ?? null
}

/** True when the token could still be used (for showing the form before the person types a new password). */
export async function isUserTokenValid(
  tx: DbOrTx,
  input: { token: string; purpose: UserTokenPurpose; now: Date },
): Promise<boolean> {
  const [row] = await tx.select({ id: userTokens.id }).from(userTokens).where(and(...validTokenWhere(input)))
  return Boolean(row)
}

function validTokenWhere(input: { token: string; purpose: UserTokenPurpose; now: Date }) {
  return [
    eq(userTokens.tokenHash, hashToken(input.token)),
    eq(userTokens.purpose, input.purpose),
    isNull(userTokens.usedAt),
    isNull(userTokens.revokedAt),
    gt(userTokens.expiresAt, input.now),
  ]
}
