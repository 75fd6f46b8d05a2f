/**
 * Password rules (client-safe): length over composition (NIST SP 800-63B §5.1.1.2 — at least 12 characters, no
 * forced mix of symbols), and no password from the common list or built from the person's email.
 */
import { COMMON_PASSWORDS } from './common-passwords'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200

/** The Spanish message for a password that breaks a rule, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) {
    return `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres. Una frase fácil de recordar sirve.`
  }
  if (length > PASSWORD_MAX_LENGTH) return `La contraseña no puede tener más de ${PASSWORD_MAX_LENGTH} caracteres.`
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size <= 2) {
    return 'Esa contraseña es muy común y fácil de adivinar. Elija otra.'
  }
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'La contraseña no debe contener su correo electrónico.'
  }
  return null
}
