/**
 * The email templates the outbox can render, by name, with their subject line. One entry per file in emails/.
 * Later issues add their templates here.
 */
import type { ComponentType } from 'react'
import GenericNotice, { type GenericNoticeProps } from '../../emails/generic-notice'
import PasswordReset, { type PasswordResetProps } from '../../emails/password-reset'
import VerifyEmail, { type VerifyEmailProps } from '../../emails/verify-email'

type TemplateEntry<P> = { component: ComponentType<P>; subject: (props: P) => string }

function template<P>(entry: TemplateEntry<P>): TemplateEntry<P> {
  return entry
}

export const TEMPLATES = {
  'generic-notice': template<GenericNoticeProps>({ component: GenericNotice, subject: (p) => p.title }),
  'password-reset': template<PasswordResetProps>({ component: PasswordReset, subject: () => 'Restablezca su contraseña' }),
  'verify-email': template<VerifyEmailProps>({ component: VerifyEmail, subject: () => 'Confirme su correo electrónico' }),
}

export type TemplateName = keyof typeof TEMPLATES
export type TemplateProps<T extends TemplateName> =
  (typeof TEMPLATES)[T] extends TemplateEntry<infer P> ? P : never
