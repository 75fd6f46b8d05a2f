/** What a transport receives and returns (STYLE.md §8). */
export type OutgoingEmail = {
  outboxId: string
  idempotencyKey: string
  from: string
  to: string
  subject: string
  html: string
  text: string
  template: string
}

export type SendResult =
  | { ok: true; provider: 'resend' | 'mailbox'; providerId: string }
  | { ok: false; error: string; retryable: boolean }
