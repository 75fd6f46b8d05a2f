/**
 * The local mailbox used when RESEND_API_KEY is not set: one JSON file (+ the HTML) per message under .data/mail/
 * (MAIL_DIR overrides it). The dev page lists it and e2e tests read it back with `readLastEmail(to)`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { OutgoingEmail, SendResult } from './transport'

export type MailboxMessage = {
  id: string
  to: string
  from: string
  subject: string
  text: string
  template: string
  idempotencyKey: string
  deliveredAt: string
}

export function mailDir(): string {
  return path.resolve(process.env.MAIL_DIR ?? '.data/mail')
}

const SAFE_ID = /^[0-9a-f-]{36}$/

export async function writeToMailbox(email: OutgoingEmail): Promise<SendResult> {
  const dir = mailDir()
  const message: MailboxMessage = {
    id: email.outboxId,
    to: email.to,
    from: email.from,
    subject: email.subject,
    text: email.text,
    template: email.template,
    idempotencyKey: email.idempotencyKey,
    deliveredAt: new Date().toISOString(),
  }
  try {
    await fs.mkdir(dir, { recursive: true })
    // Same outbox id, same file names: a repeated delivery overwrites instead of duplicating.
    await fs.writeFile(path.join(dir, `${email.outboxId}.html`), email.html)
    await fs.writeFile(path.join(dir, `${email.outboxId}.json`), JSON.stringify(message, null, 2))
  } catch (error) {
    return {
      ok: false,
      error: `No se pudo escribir en el buzón local: ${(error as Error).message}`,
      retryable: true,
    }
  }
  return { ok: true, provider: 'mailbox', providerId: `local-${email.outboxId}` }
}

/** Every message in the local mailbox, newest first. */
export async function listMailbox(): Promise<MailboxMessage[]> {
  let names: string[]
  try {
    names = await fs.readdir(mailDir())
  } catch {
    return []
  }
  const messages = await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map(async (n) => JSON.parse(await fs.readFile(path.join(mailDir(), n), 'utf8')) as MailboxMessage),
  )
  return messages.sort((a, b) => (a.deliveredAt < b.deliveredAt ? 1 : a.deliveredAt > b.deliveredAt ? -1 : 0))
}

/** One message with its HTML, or null (ids are checked so a path can never escape the mailbox). */
export async function readMailboxMessage(id: string): Promise<(MailboxMessage & { html: string }) | null> {
  if (!SAFE_ID.test(id)) return null
  try {
    const meta = JSON.parse(await fs.readFile(path.join(mailDir(), `${id}.json`), 'utf8')) as MailboxMessage
    const html = await fs.readFile(path.join(mailDir(), `${id}.html`), 'utf8')
    return { ...meta, html }
  } catch {
    return null
  }
}

/** The newest message sent to `to`, with its HTML (for tests). */
export async function readLastEmail(to: string): Promise<(MailboxMessage & { html: string }) | null> {
  const wanted = to.trim().toLowerCase()
  const last = (await listMailbox()).find((m) => m.to.toLowerCase() === wanted)
  return last ? readMailboxMessage(last.id) : null
}
