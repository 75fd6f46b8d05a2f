/**
 * Electronic invoice by email: issuing a liquidation enqueues the job; the job emails only people linked to an
 * invoiced account who consented (SSPD Concepto 682/2020), with a link to the invoice; a rerun sends nothing twice.
 */
import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { readLastEmail } from '~/mail/local-mailbox.server'
import { setElectronicInvoice } from '~/portal/electronic-invoice.server'
import { emailOutbox, invoices, jobs, userAccounts, users } from '../../../db/schema'
import { sendInvoiceEmails } from './email-job.server'
import { insertIssuedInvoices, type IssuedWorld } from './test-fixtures.server'

let world: IssuedWorld
let runId: string

async function person(email: string, accountId: string, consents: boolean) {
  const [u] = await db.insert(users).values({ email, fullName: `Persona ${email}`, role: 'subscriber', emailVerifiedAt: new Date() }).returning()
  await db.insert(userAccounts).values({ userId: u!.id, accountId })
  if (consents) await setElectronicInvoice(u!.id, true)
  return u!.id
}

beforeAll(async () => {
  world = await insertIssuedInvoices(db, { months: 1, consumptions: [[10], [12], [14]] })
  const [inv] = await db.select({ runId: invoices.liquidationRunId }).from(invoices).where(eq(invoices.id, world.invoiceIds[0]![0]!))
  runId = inv!.runId!
  await person('consiente@example.com', world.accountIds[0]!, true)
  await person('impresa@example.com', world.accountIds[1]!, false)
  const withdrawn = await person('retiro@example.com', world.accountIds[2]!, true)
  await setElectronicInvoice(withdrawn, false)
})

test('issuing a liquidation enqueued one invoice-email job for its run', async () => {
  const queued = await db.select().from(jobs).where(and(eq(jobs.kind, 'billing.invoice_emails'), eq(jobs.uniqueKey, `billing.invoice_emails:${runId}`)))
  expect(queued).toHaveLength(1)
  expect(queued[0]!.payload).toEqual({ runId })
})

test('only the consenting person gets the email, with a link to the invoice; a rerun sends nothing twice', async () => {
  expect(await sendInvoiceEmails(db, runId)).toBe(1)
  expect(await sendInvoiceEmails(db, runId)).toBe(0)
  const outbox = await rows<{ to_address: string }>(db, sql`select to_address from email_outbox where template = 'invoice-issued' and related_entity_id in (${sql.join(world.invoiceIds.map((r) => sql`${r[0]!}`), sql`, `)})`)
  expect(outbox.map((o) => o.to_address)).toEqual(['consiente@example.com'])
  await drainJobs({ db })
  const email = await readLastEmail('consiente@example.com')
  expect(email?.subject).toMatch(/^Su factura de enero 2026: cuenta /)
  expect(email?.html).toContain(`/mi-cuenta/facturas/${world.invoiceIds[0]![0]}`)
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox).where(eq(emailOutbox.toAddress, 'retiro@example.com'))
  expect(row!.n).toBe(0)
})
