/**
 * Checks an email and password. Throttling (a later issue) goes in the login action, before this call, keyed by
 * email and IP; this function stays a pure credential check.
 */
import { sql } from 'drizzle-orm'
import { db } from '~/db.server'
import { DomainError, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { hashPassword, verifyPassword } from './password.server'
import type { SessionUser } from './session.server'

export type LoginErrorCode = 'auth/invalid_credentials' | 'auth/inactive'

export const INVALID_CREDENTIALS = 'Correo o contraseña incorrectos.'
export const INACTIVE_ACCOUNT = 'Su usuario está desactivado. Comuníquese con la empresa para reactivarlo.'

// Unknown emails are verified against this hash so the answer takes about as long as for a known email.
let dummyHash: Promise<string> | undefined
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('ventanilla-dummy-password-for-timing')
  return dummyHash
}

export async function verifyLogin(input: {
  email: string
  password: string
}): Promise<Result<SessionUser, DomainError<LoginErrorCode>>> {
  const email = input.email.trim().toLowerCase()
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      serviceAreaId: users.serviceAreaId,
      isActive: users.isActive,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1)

  const isValid = await verifyPassword(row?.passwordHash ?? (await getDummyHash()), input.password)
  if (!row || !row.passwordHash || !isValid) {
    return { ok: false, error: new DomainError('auth/invalid_credentials', INVALID_CREDENTIALS) }
  }
  // Told only after a correct password, so it reveals nothing to someone guessing.
  if (!row.isActive) return { ok: false, error: new DomainError('auth/inactive', INACTIVE_ACCOUNT) }
  const { isActive: _a, passwordHash: _p, ...user } = row
  return { ok: true, value: user }
}
