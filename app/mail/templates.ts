/**
 * The email templates the outbox can render, by name, with their subject line. One entry per file in emails/.
 * Later issues add their templates here.
 */
import type { ComponentType } from 'react'
import GenericNotice, { type GenericNoticeProps } from '../../emails/generic-notice'

type TemplateEntry<P> = { component: ComponentType<P>; subject: (props: P) => string }

function template<P>(entry: TemplateEntry<P>): TemplateEntry<P> {
  return entry
}

export const TEMPLATES = {
  'generic-notice': template<GenericNoticeProps>({ component: GenericNotice, subject: (p) => p.title }),
}

export type TemplateName = keyof typeof TEMPLATES
export type TemplateProps<T extends TemplateName> =
  (typeof TEMPLATES)[T] extends TemplateEntry<infer P> ? P : never
