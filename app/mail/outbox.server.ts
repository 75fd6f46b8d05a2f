/**
 * Puts an email in the outbox inside the caller's transaction: the email exists if and only if the change that
 * caused it committed. The rendered HTML and text are stored as proof of what was sent. A 'mail.deliver' job is
 * enqueued in the same transaction; the scheduled sweep picks up anything that job misses.
 */
import { randomUUID } from 'node:crypto'
import { render } from '@react-email/components'
import { sql } from 'drizzle-orm'
import { createElement } from 'react'
import type { DbOrTx } from '~/db.server'
import { enqueueJob } from '~/jobs/enqueue.server'
import { emailOutbox } from '../../db/schema/system'
import { TEMPLATES, type TemplateName, type TemplateProps } from './templates'

export type EnqueueEmailInput<T extends TemplateName> = {
  to: string
  template: T
  props: TemplateProps<T>
  /** Overrides the template's subject. */
  subject?: string
  /** Same key, same email: a repeated call (a retried job, a double submit) adds nothing. Default: a new uuid. */
  idempotencyKey?: string
  related?: { entityType: string; entityId: string }
}

export async function renderEmail<T extends TemplateName>(
  template: T,
  props: TemplateProps<T>,
): Promise<{ html: string; text: string; subject: string }> {
  const entry = TEMPLATES[template] as unknown as {
    component: Parameters<typeof createElement>[0]
    subject: (p: unknown) => string
  }
  const element = createElement(entry.component, props as Record<string, unknown>)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  // react-dom 18's renderToReadableStream pads some chunks with NUL bytes (@react-email/render strips them only on its
  // pipeable-stream path); PostgreSQL text refuses NUL, so an email with a long enough body failed to enqueue.
  return { html: html.replaceAll('\u0000', ''), text: text.replaceAll('\u0000', ''), subject: entry.subject(props) }
}

export async function enqueueEmail<T extends TemplateName>(
  tx: DbOrTx,
  input: EnqueueEmailInput<T>,
): Promise<{ id: string; created: boolean }> {
  const rendered = await renderEmail(input.template, input.props)
  const idempotencyKey = input.idempotencyKey ?? randomUUID()
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      idempotencyKey,
      toAddress: input.to.trim().toLowerCase(),
      subject: input.subject ?? rendered.subject,
      html: rendered.html,
      text: rendered.text,
      template: input.template,
      relatedEntityType: input.related?.entityType ?? null,
      relatedEntityId: input.related?.entityId ?? null,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .returning({ id: emailOutbox.id })
  if (!row) {
    const [existing] = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(sql`${emailOutbox.idempotencyKey} = ${idempotencyKey}`)
    return { id: existing!.id, created: false }
  }
  await enqueueJob(tx, {
    kind: 'mail.deliver',
    payload: { outboxId: row.id },
    uniqueKey: `mail.deliver:${row.id}`,
    priority: 10,
  })
  return { id: row.id, created: true }
}
