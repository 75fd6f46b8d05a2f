import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getBalance } from '~/billing/ledger/balance.server'
import { insertAccount, insertArea, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import { toDb } from '~/billing/money'
import { db, rows, type Db } from '~/db.server'
import * as schema from '../../db/schema'
import { consents } from '../../db/schema/identity'
import { disputeHolds } from '../../db/schema/ledger'
import { pqrAttachments, pqrCaseInvoices, pqrCases, pqrEvents } from '../../db/schema/pqr'
import { storedFiles } from '../../db/schema/storage'
import { emailOutbox } from '../../db/schema/system'
import { describeOnServer } from '../../tests/setup/engine'
import { fileCase, type FileCaseInput } from './file-case.server'
import { insertIssuedInvoice, insertSubscriberUser } from './test-fixtures.server'

// Tuesday 3 March 2026, 10:00 in Bogotá.
const NOW = new Date('2026-03-03T15:00:00Z')
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF')
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

let accountId: string
let accountNumber: string
let otherAccountId: string
let periodId: string
let recent: { invoiceId: string; number: number }
let subscriber: { userId: string; email: string }

beforeAll(async () => {
  const where = await insertArea(db, { band: 'above_2000' })
  periodId = await insertPeriod(db, where.cycleId, '2026-01')
  accountId = await insertAccount(db, where)
  otherAccountId = await insertAccount(db, where)
  accountNumber = (await rows<{ number: string }>(db, sql`select number from accounts where id = ${accountId}`))[0]!.number
  recent = await insertIssuedInvoice(db, { accountId, periodId, issueOn: '2026-02-06', dueOn: '2026-02-21', charges: '80000.00' })
  subscriber = await insertSubscriberUser(db, [accountId])
})

const base = (over: Partial<FileCaseInput> = {}): FileCaseInput => ({
  channel: 'portal',
  typeCode: 'peticion',
  causalCode: 'OTROS',
  subject: 'Solicitud de copia del contrato',
  description: 'Solicito copia del contrato de condiciones uniformes vigente.',
  filer: { name: 'Ana Prueba', documentType: 'CC', documentNumber: '1.020.304.050', email: 'ana@example.com' },
  electronicNotificationConsent: false,
  idempotencyKey: randomUUID(),
  ...over,
})
const asSubscriber = () => ({ kind: 'subscriber' as const, userId: subscriber.userId, accountIds: [accountId] })
const reclamo = (over: Partial<FileCaseInput> = {}) =>
  base({
    typeCode: 'reclamo',
    causalCode: '102',
    subject: 'Consumo facturado muy alto',
    description: 'La factura de enero cobra un consumo que no corresponde a la lectura del medidor.',
    account: { id: accountId },
    claims: [{ invoiceId: recent.invoiceId, disputedAmount: '30000' }],
    ...over,
  })
const caseOf = async (id: string) => (await db.select().from(pqrCases).where(eq(pqrCases.id, id)))[0]!

describe('filing from the portal', () => {
  test('a reclamo gets a radicado at once, 15 business days, its disputed amount held and excluded from overdue', async () => {
    const before = await getBalance(db, accountId, { on: '2026-03-03' })
    expect(toDb(before.overdue)).toBe('80000.00')
    const filed = await fileCase(db, reclamo({ electronicNotificationConsent: true }), { now: NOW, by: asSubscriber(), origin: 'https://v.test' })
    if (!filed.ok) throw filed.error
    expect(filed.value.radicado).toMatch(/^2026-E-\d{6}$/)
    expect(filed.value).toMatchObject({ filedOn: '2026-03-03', dueOn: '2026-03-25', created: true })
    const row = await caseOf(filed.value.caseId)
    expect(row).toMatchObject({ state: 'radicada', channel: 'portal', accountId, disputedAmount: '30000.00', extemporaneous: false, electronicNotificationConsent: true, filerDocumentNumber: '1020304050', filedByUserId: subscriber.userId })
    expect(row.areaId).not.toBeNull()
    const [claim] = await db.select().from(pqrCaseInvoices).where(eq(pqrCaseInvoices.caseId, row.id))
    expect(claim!.holdId).not.toBeNull()
    const [hold] = await db.select().from(disputeHolds).where(eq(disputeHolds.id, claim!.holdId!))
    expect(hold).toMatchObject({ status: 'active', amount: '30000.00', relatedEntityType: 'pqr_case', relatedEntityId: row.id })
    const after = await getBalance(db, accountId, { on: '2026-03-03' })
    expect(toDb(after.total)).toBe('80000.00')
    expect(toDb(after.onHold)).toBe('30000.00')
    expect(toDb(after.overdue)).toBe('50000.00') // art. 155: the undisputed rest is still owed and overdue
    const kinds = (await db.select({ kind: pqrEvents.kind }).from(pqrEvents).where(eq(pqrEvents.caseId, row.id))).map((e) => e.kind)
    expect(kinds.sort()).toEqual(['filed', 'hold_placed'])
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.relatedEntityId, row.id))
    expect(mail).toMatchObject({ toAddress: 'ana@example.com', template: 'pqr-received' })
    expect(mail!.text).toContain(filed.value.radicado)
    expect(mail!.text).toContain('25/03/2026')
    expect(mail!.html).toContain(`/pqr/constancia/${row.id}?clave=`)
    const granted = await db.select().from(consents).where(and(eq(consents.userId, subscriber.userId), eq(consents.kind, 'electronic_notification')))
    expect(granted).toHaveLength(1)
    // Release for the other tests of this account.
    await db.update(disputeHolds).set({ status: 'released' }).where(eq(disputeHolds.id, hold!.id))
  })

  test('a double submission of the same form yields one radicado', async () => {
    const input = base({ account: { id: accountId } })
    const [count] = await rows<{ last: number }>(db, sql`select last from radicado_counters where year = 2026 and direction = 'entrada'`)
    const first = await fileCase(db, input, { now: NOW, by: asSubscriber() })
    const second = await fileCase(db, input, { now: NOW, by: asSubscriber() })
    if (!first.ok || !second.ok) throw new Error('filing failed')
    expect(second.value).toMatchObject({ caseId: first.value.caseId, radicado: first.value.radicado, created: false })
    expect(second.value.receiptToken).toBe(first.value.receiptToken)
    expect(await db.select().from(pqrCases).where(eq(pqrCases.idempotencyKey, input.idempotencyKey!))).toHaveLength(1)
    const [after] = await rows<{ last: number }>(db, sql`select last from radicado_counters where year = 2026 and direction = 'entrada'`)
    expect(Number(after!.last)).toBe(Number(count?.last ?? 0) + 1)
  })

  test("another subscriber's account is refused and nothing is numbered", async () => {
    const [count] = await rows<{ last: number }>(db, sql`select coalesce(max(last), 0) as last from radicado_counters`)
    const refused = await fileCase(db, base({ account: { id: otherAccountId } }), { now: NOW, by: asSubscriber() })
    expect(!refused.ok && refused.error.code).toBe('pqr/account_not_found')
    const otherNumber = (await rows<{ number: string }>(db, sql`select number from accounts where id = ${otherAccountId}`))[0]!.number
    const byNumber = await fileCase(db, base({ account: { number: otherNumber } }), { now: NOW, by: asSubscriber() })
    expect(!byNumber.ok && byNumber.error.code).toBe('pqr/account_not_found')
    const [after] = await rows<{ last: number }>(db, sql`select coalesce(max(last), 0) as last from radicado_counters`)
    expect(after!.last).toBe(count!.last)
  })

  test.each([
    [{ claims: [{ invoiceId: '' as string, invoiceNumber: 1, disputedAmount: '1000' }] }, 'pqr/invoice_not_found'],
    [{ claims: [] }, 'pqr/claims_required'],
    [{ account: null }, 'pqr/account_required'],
    [{ typeCode: 'recurso_reposicion' }, 'pqr/unknown_type'],
    [{ causalCode: '999' }, 'pqr/unknown_causal'],
  ] as const)('a bad claim is refused with a Spanish message (%j → %s)', async (over, code) => {
    const refused = await fileCase(db, reclamo(over as Partial<FileCaseInput>), { now: NOW, by: asSubscriber() })
    expect(!refused.ok && refused.error.code).toBe(code)
  })

  test('a disputed amount above the invoice is refused; the undisputed rest must be paid (art. 155)', async () => {
    const refused = await fileCase(db, reclamo({ claims: [{ invoiceNumber: recent.number, disputedAmount: '80000.01' }] }), { now: NOW, by: asSubscriber() })
    expect(!refused.ok && refused.error.message).toMatch(/no puede superar/)
  })
})

describe('filing from the public form and the counter', () => {
  test('a non-subscriber files a petición with name, document and a phone', async () => {
    const filed = await fileCase(db, base({ channel: 'web_publico', filer: { name: 'Pedro Paz', documentType: 'CC', documentNumber: '79000111', phone: '3001234567' } }), { now: NOW, by: { kind: 'public' } })
    if (!filed.ok) throw filed.error
    const row = await caseOf(filed.value.caseId)
    expect(row).toMatchObject({ channel: 'web_publico', accountId: null, filedByUserId: null, filerEmail: null })
    const [event] = await db.select().from(pqrEvents).where(eq(pqrEvents.caseId, row.id))
    expect(event!.actorLabel).toBe('Formulario público')
  })

  test('a written filing keeps its reception date: the clock runs from it', async () => {
    const staff = await insertSubscriberUser(db, []) // any user id works as the staff actor here
    const filed = await fileCase(db, base({ channel: 'escrito', receivedOn: '2026-02-27' }), { now: NOW, by: { kind: 'staff', userId: staff.userId } })
    if (!filed.ok) throw filed.error
    expect(filed.value).toMatchObject({ filedOn: '2026-02-27', dueOn: '2026-03-20' })
    const future = await fileCase(db, base({ channel: 'escrito', receivedOn: '2026-03-04' }), { now: NOW, by: { kind: 'staff', userId: staff.userId } })
    expect(!future.ok && future.error.code).toBe('pqr/invalid_reception_date')
  })

  test('a verbal filing at the counter after 19:00 Bogotá is filed on that Bogotá day', async () => {
    const staff = await insertSubscriberUser(db, [])
    const late = new Date('2026-03-04T00:30:00Z') // 3 March 19:30 in Bogotá
    const filed = await fileCase(db, base({ channel: 'presencial', account: { number: accountNumber } }), { now: late, by: { kind: 'staff', userId: staff.userId } })
    if (!filed.ok) throw filed.error
    expect(filed.value.filedOn).toBe('2026-03-03')
    expect((await caseOf(filed.value.caseId)).accountId).toBe(accountId)
  })

  test('a claim against an invoice issued more than 5 calendar months earlier is received, flagged and not held (art. 154)', async () => {
    const old = await insertIssuedInvoice(db, { accountId: otherAccountId, periodId, issueOn: '2025-10-02', dueOn: '2025-10-20', charges: '50000.00' })
    const otherNumber = (await rows<{ number: string }>(db, sql`select number from accounts where id = ${otherAccountId}`))[0]!.number
    const filed = await fileCase(
      db,
      reclamo({ channel: 'web_publico', account: { number: otherNumber }, claims: [{ invoiceNumber: old.number, disputedAmount: '50000' }] }),
      { now: NOW, by: { kind: 'public' } },
    )
    if (!filed.ok) throw filed.error
    const row = await caseOf(filed.value.caseId)
    expect(row.extemporaneous).toBe(true)
    const [claim] = await db.select().from(pqrCaseInvoices).where(eq(pqrCaseInvoices.caseId, row.id))
    expect(claim).toMatchObject({ disputedAmount: '50000.00', holdId: null })
  })
})

describe('attachments', () => {
  test('PDF and PNG are stored with the type read from their content', async () => {
    const filed = await fileCase(db, base({ attachments: [{ name: 'factura.pdf', data: PDF }, { name: 'foto', data: PNG }] }), { now: NOW, by: { kind: 'public' } })
    if (!filed.ok) throw filed.error
    const files = await db
      .select({ name: storedFiles.name, type: storedFiles.contentType, owner: storedFiles.ownerId })
      .from(pqrAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, pqrAttachments.fileId))
      .where(eq(pqrAttachments.caseId, filed.value.caseId))
    expect(files.map((f) => `${f.name} ${f.type}`).sort()).toEqual(['factura.pdf application/pdf', 'foto.png image/png'])
    expect(files.every((f) => f.owner === filed.value.caseId)).toBe(true)
  })

  test('an HTML page named .pdf is refused and nothing is filed', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const input = base({ attachments: [{ name: 'factura.pdf', data: html }] })
    const refused = await fileCase(db, input, { now: NOW, by: { kind: 'public' } })
    expect(!refused.ok && refused.error.code).toBe('pqr/attachment_invalid')
    expect(await db.select().from(pqrCases).where(eq(pqrCases.idempotencyKey, input.idempotencyKey!))).toHaveLength(0)
  })
})

describeOnServer('concurrent filings on separate connections', () => {
  const client = postgres(process.env.DATABASE_URL ?? 'postgres://unused', { max: 20, onnotice: () => {} })
  afterAll(async () => {
    await client.end({ timeout: 5 })
  })

  test('100 concurrent filings get 100 distinct, consecutive radicados', async () => {
    const other = drizzle({ client, schema }) as unknown as Db
    const now = new Date('2034-06-10T15:00:00Z')
    const results = await Promise.all(
      Array.from({ length: 100 }, () => fileCase(other, base({ channel: 'web_publico' }), { now, by: { kind: 'public' } })),
    )
    const seqs = results.map((r) => {
      if (!r.ok) throw r.error
      return Number(r.value.radicado.slice(-6))
    })
    expect(new Set(results.map((r) => r.ok && r.value.radicado)).size).toBe(100)
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
  })
})
