import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { db } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { emailOutbox, jobs } from '../../db/schema'
import { startResendFake, type ResendFake } from '../../tests/fakes/resend-fake'
import { deliverPendingEmails } from './deliver.server'
import { readLastEmail } from './local-mailbox.server'
import { enqueueEmail } from './outbox.server'

let fake: ResendFake
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-mail-'))
const later = (hours: number) => new Date(Date.now() + hours * 3600_000)
const props = {
  title: 'Recibimos su petición',
  paragraphs: ['Su petición quedó radicada con el número 2026-000123.'],
  button: { label: 'Consultar', url: 'https://example.test/pqr' },
}

beforeAll(async () => {
  fake = await startResendFake()
  process.env.MAIL_DIR = mailDir
})
afterAll(async () => {
  await fake.close()
  fs.rmSync(mailDir, { recursive: true, force: true })
})
beforeEach(async () => {
  await db.execute(sql`truncate email_outbox, jobs cascade`)
})
afterEach(() => {
  delete process.env.RESEND_API_KEY
  delete process.env.RESEND_BASE_URL
  fake.recover()
})

const useResend = () => {
  process.env.RESEND_API_KEY = fake.apiKey
  process.env.RESEND_BASE_URL = fake.url
}
const outboxRow = async (id: string) =>
  (await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!

test('an email enqueued in a transaction keeps its rendered HTML and text, and exists only if the transaction commits', async () => {
  const { id } = await db.transaction((tx) =>
    enqueueEmail(tx, {
      to: 'Maria@Example.com',
      template: 'generic-notice',
      props,
      related: { entityType: 'pqr_case', entityId: 'c1' },
    }),
  )
  const row = await outboxRow(id)
  expect(row).toMatchObject({
    toAddress: 'maria@example.com',
    subject: 'Recibimos su petición',
    status: 'pending',
  })
  expect(row.html).toContain('Aguas de la Sabana S.A. E.S.P.')
  expect(row.html).toContain('Vigilada por la Superintendencia de Servicios Públicos Domiciliarios')
  expect(row.html).toContain('lang="es-CO"')
  expect(row.text).toContain('2026-000123')
  expect(row.text).not.toContain('<')
  const delivery = await db.select().from(jobs).where(eq(jobs.kind, 'mail.deliver'))
  expect(delivery).toHaveLength(1)

  await db
    .transaction(async (tx) => {
      await enqueueEmail(tx, { to: 'otra@example.com', template: 'generic-notice', props })
      throw new Error('rollback')
    })
    .catch(() => {})
  expect(await db.select().from(emailOutbox)).toHaveLength(1)
})

test('the same idempotency key adds one email only', async () => {
  const a = await enqueueEmail(db, {
    to: 'a@example.com',
    template: 'generic-notice',
    props,
    idempotencyKey: 'pqr:c1:ack',
  })
  const b = await enqueueEmail(db, {
    to: 'a@example.com',
    template: 'generic-notice',
    props,
    idempotencyKey: 'pqr:c1:ack',
  })
  expect(b).toEqual({ id: a.id, created: false })
})

test('without RESEND_API_KEY the delivery job writes the message to the local mailbox', async () => {
  const { id } = await enqueueEmail(db, { to: 'buzon@example.com', template: 'generic-notice', props })
  await drainJobs()
  expect(await outboxRow(id)).toMatchObject({
    status: 'sent',
    provider: 'mailbox',
    providerId: `local-${id}`,
    attempts: 1,
  })
  const message = await readLastEmail('buzon@example.com')
  expect(message).toMatchObject({ id, subject: 'Recibimos su petición' })
  expect(message?.html).toContain('2026-000123')
  expect(fs.existsSync(path.join(mailDir, `${id}.json`))).toBe(true)
})

test('a row survives a provider outage and is delivered exactly once afterwards', async () => {
  useResend()
  const { id } = await enqueueEmail(db, {
    to: 'caida@example.com',
    template: 'generic-notice',
    props,
    idempotencyKey: 'outage-1',
  })
  fake.fail(500)
  expect(await deliverPendingEmails()).toEqual({ sent: 0, retrying: 1, failed: 0 })
  const afterFirst = await outboxRow(id)
  expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, sentAt: null })
  expect(afterFirst.lastError).toContain('500')
  fake.fail(429, 1)
  await deliverPendingEmails({ now: later(1) })
  expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 2 })

  await deliverPendingEmails({ now: later(2) })
  await deliverPendingEmails({ now: later(48) })
  const sent = await outboxRow(id)
  expect(sent).toMatchObject({ status: 'sent', attempts: 3, provider: 'resend', lastError: null })
  const accepted = fake.requests.filter((r) => r.idempotencyKey === 'outage-1' && r.status === 200)
  expect(accepted).toHaveLength(1)
  expect(fake.emails.filter((e) => e.idempotencyKey === 'outage-1')).toHaveLength(1)
  expect(sent.providerId).toBe(fake.emails[fake.emails.length - 1]!.id)
  expect(fake.requests.filter((r) => r.idempotencyKey === 'outage-1').map((r) => r.status)).toEqual([
    500, 429, 200,
  ])
})

test('a repeated send with the same idempotency key gets the first id back from the provider', async () => {
  useResend()
  const { id } = await enqueueEmail(db, {
    to: 'doble@example.com',
    template: 'generic-notice',
    props,
    idempotencyKey: 'dup-1',
  })
  await deliverPendingEmails()
  // The process died after the provider accepted but before the outcome was recorded: the row is sent again.
  await db.update(emailOutbox).set({ status: 'pending' }).where(eq(emailOutbox.id, id))
  await deliverPendingEmails()
  expect(fake.emails.filter((e) => e.idempotencyKey === 'dup-1')).toHaveLength(1)
  expect((await outboxRow(id)).providerId).toBe(fake.emails.find((e) => e.idempotencyKey === 'dup-1')!.id)
})

test('a request the provider rejects as invalid is marked failed without retrying', async () => {
  process.env.RESEND_API_KEY = 'wrong-key'
  process.env.RESEND_BASE_URL = fake.url
  const { id } = await enqueueEmail(db, { to: 'x@example.com', template: 'generic-notice', props })
  expect(await deliverPendingEmails()).toEqual({ sent: 0, retrying: 0, failed: 1 })
  expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 1 })
})
