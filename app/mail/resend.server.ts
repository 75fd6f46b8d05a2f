/**
 * Resend over its documented HTTP contract: POST /emails with `Authorization: Bearer <key>` and an
 * `Idempotency-Key` header (Resend returns the first email's id for a repeated key, so a retry after a lost
 * response never sends twice). RESEND_BASE_URL points it at the local fake in tests.
 */
import type { OutgoingEmail, SendResult } from './transport'

export async function sendWithResend(email: OutgoingEmail, apiKey: string): Promise<SendResult> {
  const base = (process.env.RESEND_BASE_URL ?? 'https://api.resend.com').replace(/\/$/, '')
  let response: Response
  try {
    response = await fetch(`${base}/emails`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': email.idempotencyKey,
        'User-Agent': 'ventanilla',
      },
      body: JSON.stringify({
        from: email.from,
        to: [email.to],
        subject: email.subject,
        html: email.html,
        text: email.text,
      }),
      signal: AbortSignal.timeout(15_000),
    })
  } catch (error) {
    return { ok: false, error: `Resend no respondió: ${(error as Error).message}`, retryable: true }
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string; name?: string }
  if (response.ok && body.id) return { ok: true, provider: 'resend', providerId: body.id }
  // 429 (rate limit), 409 (same key still in flight) and 5xx are temporary; other 4xx will not improve by retrying.
  const retryable = response.status === 429 || response.status === 409 || response.status >= 500
  return {
    ok: false,
    error: `Resend respondió ${response.status}: ${body.name ?? ''} ${body.message ?? ''}`.trim(),
    retryable,
  }
}
