/**
 * Electronic invoice by email (SSPD Concepto 682/2020: only with the subscriber's express consent, keeping the art.
 * 148 content, which the linked page and PDF carry). Issuing a liquidation enqueues one job per run; the job emails
 * every person linked to an invoiced account who holds an active 'electronic_invoice' consent, in keyset batches.
 * Idempotent: one email per invoice and person (outbox idempotency key), so a retried job sends nothing twice.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { defineJob } from '~/jobs/registry.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { formatCOP, formatDate } from '~/utils/format'
import { periodLabel } from './period-label'

const BATCH = 200

type Recipient = {
  invoice_id: string
  user_id: string
  email: string
  full_name: string
  account_number: string
  period_code: string
  frequency: 'monthly' | 'bimonthly'
  total_to_pay: string
  due_on: string
  suspension_on: string
}

function origin(env: NodeJS.ProcessEnv = process.env): string {
  return env.APP_ORIGIN?.replace(/\/+$/, '') || `http://localhost:${env.PORT ?? 3000}`
}

async function recipients(db: DbOrTx, runId: string, after: { invoiceId: string; userId: string } | null): Promise<Recipient[]> {
  const cursor = after ? sql`and (i.id, u.id) > (${after.invoiceId}::uuid, ${after.userId}::uuid)` : sql``
  return rows<Recipient>(
    db,
    sql`select i.id as invoice_id, u.id as user_id, u.email, u.full_name, a.number as account_number, p.code as period_code,
               c.frequency, i.total_to_pay::text, i.due_on::text, i.suspension_on::text
          from invoices i
          join user_accounts ua on ua.account_id = i.account_id
          join users u on u.id = ua.user_id and u.email_verified_at is not null
          join accounts a on a.id = i.account_id
          join billing_periods p on p.id = i.period_id
          join billing_cycles c on c.id = p.cycle_id
         where i.liquidation_run_id = ${runId}::uuid and i.status = 'issued' ${cursor}
           and exists (select 1 from consents k where k.user_id = u.id and k.kind = 'electronic_invoice' and k.withdrawn_at is null)
         order by i.id, u.id
         limit ${BATCH}`,
  )
}

export async function sendInvoiceEmails(db: DbOrTx, runId: string): Promise<number> {
  let sent = 0
  let after: { invoiceId: string; userId: string } | null = null
  for (;;) {
    const batch = await recipients(db, runId, after)
    for (const r of batch) {
      const url = `${origin()}/mi-cuenta/facturas/${r.invoice_id}`
      const created = await enqueueEmail(db, {
        to: r.email,
        template: 'invoice-issued',
        props: {
          fullName: r.full_name,
          accountNumber: r.account_number,
          periodLabel: periodLabel(r.period_code, r.frequency),
          totalToPay: formatCOP(r.total_to_pay),
          dueOn: formatDate(r.due_on),
          suspensionOn: formatDate(r.suspension_on),
          invoiceUrl: url,
          pdfUrl: `${url}/pdf`,
        },
        idempotencyKey: `invoice-issued:${r.invoice_id}:${r.user_id}`,
        related: { entityType: 'invoice', entityId: r.invoice_id },
      })
      if (created.created) sent++
    }
    if (batch.length < BATCH) return sent
    const last = batch[batch.length - 1]!
    after = { invoiceId: last.invoice_id, userId: last.user_id }
  }
}

export const invoiceEmailsJob = defineJob<{ runId: string }>('billing.invoice_emails', async ({ db, payload }) => ({
  sent: await sendInvoiceEmails(db, payload.runId),
}))

/** Called by issueLiquidation inside its transaction: the emails go out only if the issue commits. */
export async function enqueueInvoiceEmails(tx: DbOrTx, runId: string): Promise<void> {
  await invoiceEmailsJob.enqueue(tx, { runId }, { uniqueKey: `billing.invoice_emails:${runId}` })
}
