/**
 * Delivers pending outbox rows. Each row is claimed with `FOR UPDATE SKIP LOCKED` (status pending → sending) so two
 * workers never send the same row, and is marked sent only from 'sending' (exactly once). Failures go back to
 * pending with a growing delay; a row left in 'sending' by a dead process is retried with the same idempotency
 * key, which Resend deduplicates.
 */
import { sql } from 'drizzle-orm'
import { db as defaultDb, type Db } from '~/db.server'
import { emailOutbox, type OutboxEmail } from '../../db/schema/system'
import { writeToMailbox } from './local-mailbox.server'
import { sendWithResend } from './resend.server'
import type { OutgoingEmail, SendResult } from './transport'

const MAX_ATTEMPTS = 10
const SENDING_LEASE_MINUTES = 10

/** 30 s, 1 min, 2 min… capped at 6 hours. */
export function emailBackoffSeconds(attempts: number): number {
  return Math.min(6 * 3600, 30 * 2 ** Math.max(0, attempts - 1))
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Aguas de la Sabana <notificaciones@aguasdelasabana.example>'
}

/** One transport: Resend when RESEND_API_KEY is set, the local mailbox otherwise (read at call time). */
export async function deliverEmail(email: OutgoingEmail): Promise<SendResult> {
  const apiKey = process.env.RESEND_API_KEY
  return apiKey ? sendWithResend(email, apiKey) : writeToMailbox(email)
}

export type DeliveryReport = { sent: number; retrying: number; failed: number }

export async function deliverPendingEmails(
  opts: { db?: Db; now?: Date; limit?: number; outboxId?: string } = {},
): Promise<DeliveryReport> {
  const db = opts.db ?? defaultDb
  await releaseAbandoned(db)
  const claimed = await claimPending(db, opts)
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 }
  for (const row of claimed) {
    const result = await deliverEmail(toOutgoing(row))
    await recordOutcome(db, row, result)
    if (result.ok) report.sent++
    else if (result.retryable && row.attempts < MAX_ATTEMPTS) report.retrying++
    else report.failed++
  }
  return report
}

async function claimPending(db: Db, opts: { now?: Date; limit?: number; outboxId?: string }) {
  const now = opts.now ? sql`${opts.now.toISOString()}::timestamptz` : sql`now()`
  const onlyOne = opts.outboxId ? sql`and id = ${opts.outboxId}` : sql``
  return db
    .update(emailOutbox)
    .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1`, lockedAt: sql`now()` })
    .where(
      sql`${emailOutbox.id} in (select id from email_outbox where status = 'pending' and next_attempt_at <= ${now}
          ${onlyOne} order by next_attempt_at limit ${opts.limit ?? 50} for update skip locked)`,
    )
    .returning()
}

async function recordOutcome(db: Db, row: OutboxEmail, result: SendResult) {
  const guard = sql`${emailOutbox.id} = ${row.id} and ${emailOutbox.status} = 'sending'`
  if (result.ok) {
    await db
      .update(emailOutbox)
      .set({
        status: 'sent',
        provider: result.provider,
        providerId: result.providerId,
        sentAt: sql`now()`,
        lastError: null,
        lockedAt: null,
      })
      .where(guard)
    return
  }
  const isFinal = !result.retryable || row.attempts >= MAX_ATTEMPTS
  console.error(`[mail] envío ${row.id} falló (intento ${row.attempts}): ${result.error}`)
  await db
    .update(emailOutbox)
    .set({
      status: isFinal ? 'failed' : 'pending',
      lastError: result.error.slice(0, 2000),
      lockedAt: null,
      nextAttemptAt: sql`now() + (${emailBackoffSeconds(row.attempts)}::int * interval '1 second')`,
    })
    .where(guard)
}

async function releaseAbandoned(db: Db) {
  await db
    .update(emailOutbox)
    .set({ status: 'pending', lockedAt: null })
    .where(
      sql`${emailOutbox.status} = 'sending' and ${emailOutbox.lockedAt} < now() - interval '${sql.raw(String(SENDING_LEASE_MINUTES))} minutes'`,
    )
}

function toOutgoing(row: OutboxEmail): OutgoingEmail {
  return {
    outboxId: row.id,
    idempotencyKey: row.idempotencyKey,
    from: mailFrom(),
    to: row.toAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    template: row.template,
  }
}
