import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { sum, toDb } from '~/billing/money'
import { invoices, paymentAllocations, payments } from '../../../db/schema/ledger'
import { getBalance } from './balance.server'
import { placeHold, releaseHold } from './holds.server'
import { postCreditNote, postDebitNote } from './notes.server'
import { postPayment } from './post-payment.server'
import { reversePayment } from './reverse-payment.server'
import { insertAccount, insertArea, insertIssuedInvoice, insertPeriod } from './test-fixtures.server'

const actor = { kind: 'system', label: 'prueba' } as const
let where: { zoneId: string; cycleId: string }
let periods: string[]

beforeAll(async () => {
  where = await insertArea(db, { band: 'above_2000' })
  periods = [await insertPeriod(db, where.cycleId, '2026-01'), await insertPeriod(db, where.cycleId, '2026-02')]
})

/** An issued invoice with the given charges (concept, amount) as ledger entries; suspension on the due date. */
const issuedInvoice = (accountId: string, periodId: string, issueOn: string, dueOn: string, charges: Array<[string, string]>) =>
  insertIssuedInvoice(db, { accountId, periodId, issueOn, dueOn, suspensionOn: dueOn, charges })

async function allocationsOf(paymentId: string) {
  const list = await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId))
  return list.map((a) => a.amount).sort()
}

describe('posting and allocation', () => {
  test('a payment is allocated to the oldest open charges first and the rest stays open', async () => {
    const account = await insertAccount(db, where)
    const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '10000.00'], ['consumo_basico', '20000.00']])
    const feb = await issuedInvoice(account, periods[1]!, '2026-03-06', '2026-03-21', [['cargo_fijo', '10000.00']])
    const paid = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '35000', paidOn: '2026-03-10', channel: 'counter' }))
    // January's two charges are paid in full (in either order: they share a due date), then February's in part.
    const byEntry = (list: Array<{ ledgerEntryId: string; amount: string }>) => list.map((a) => `${a.ledgerEntryId}=${a.amount}`)
    expect(byEntry(paid.allocations.slice(0, 2)).sort()).toEqual([`${jan.entryIds[0]}=10000.00`, `${jan.entryIds[1]}=20000.00`].sort())
    expect(byEntry(paid.allocations.slice(2))).toEqual([`${feb.entryIds[0]}=5000.00`])
    const balance = await getBalance(db, account, { on: '2026-03-15' })
    expect(toDb(balance.total)).toBe('5000.00')
    expect(toDb(balance.overdue)).toBe('0.00') // the rest is February's charge, still within its term
    expect(toDb((await getBalance(db, account, { on: '2026-03-22' })).overdue)).toBe('5000.00')
  })

  test('subsidy lines reduce their invoice first: paying the net total closes every charge', async () => {
    const account = await insertAccount(db, where, { estrato: 1 })
    await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '1000.00'], ['consumo_basico', '2000.00'], ['subsidio', '-1800.00']])
    const paid = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '1200', paidOn: '2026-02-20', channel: 'gateway', externalRef: `w-${account}` }))
    expect(toDb(sum(paid.allocations.map((a) => a.amount)))).toBe('1200.00')
    const balance = await getBalance(db, account, { on: '2026-03-30' })
    expect(toDb(balance.total)).toBe('0.00')
    expect(toDb(balance.overdue)).toBe('0.00')
  })

  test('an overpayment stays as a credit that the next issued charges consume', async () => {
    const account = await insertAccount(db, where)
    await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '10000.00']])
    const paid = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '15000', paidOn: '2026-02-10', channel: 'counter' }))
    expect(toDb((await getBalance(db, account, { on: '2026-02-10' })).credit)).toBe('5000.00')
    await issuedInvoice(account, periods[1]!, '2026-03-06', '2026-03-21', [['cargo_fijo', '8000.00']])
    await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '1000', paidOn: '2026-03-07', channel: 'counter' }))
    expect(await allocationsOf(paid.paymentId)).toEqual(['10000.00', '5000.00'])
    expect(toDb((await getBalance(db, account, { on: '2026-03-30' })).total)).toBe('2000.00')
  })

  test('the same gateway reference posted twice is one payment', async () => {
    const account = await insertAccount(db, where)
    const input = { accountId: account, amount: '5000', paidOn: '2026-02-10', channel: 'gateway' as const, externalRef: `dup-${account}` }
    const first = await db.transaction((tx) => postPayment(tx, input))
    const second = await db.transaction((tx) => postPayment(tx, input))
    expect(second).toMatchObject({ paymentId: first.paymentId, isDuplicate: true })
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from payments where account_id = ${account}::uuid`)
    expect(n!.n).toBe(1)
  })
})

describe('holds', () => {
  test('an amount on hold is skipped by allocation and is neither overdue nor lost once released', async () => {
    const account = await insertAccount(db, where)
    const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['consumo_basico', '30000.00']])
    const feb = await issuedInvoice(account, periods[1]!, '2026-03-06', '2026-03-21', [['cargo_fijo', '10000.00']])
    const hold = await db.transaction((tx) => placeHold(tx, { accountId: account, invoiceId: jan.invoiceId, amount: '30000', reason: 'Reclamo por consumo', actor }))
    expect(hold.ok).toBe(true)
    const paid = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '10000', paidOn: '2026-03-10', channel: 'counter' }))
    expect(paid.allocations.map((a) => a.ledgerEntryId)).toEqual([feb.entryIds[0]])
    const during = await getBalance(db, account, { on: '2026-04-01' })
    expect([toDb(during.total), toDb(during.onHold), toDb(during.overdue)]).toEqual(['30000.00', '30000.00', '0.00'])
    if (!hold.ok) return
    await db.transaction((tx) => releaseHold(tx, { holdId: hold.value.holdId, outcome: 'released', on: '2026-04-01', actor }))
    expect(toDb((await getBalance(db, account, { on: '2026-04-01' })).overdue)).toBe('30000.00')
  })

  test('a hold decided in favour of the subscriber becomes a credit note on the invoice', async () => {
    const account = await insertAccount(db, where)
    const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['consumo_basico', '30000.00']])
    const hold = await db.transaction((tx) => placeHold(tx, { accountId: account, ledgerEntryId: jan.entryIds[0], amount: '12000', reason: 'Reclamo', actor }))
    if (!hold.ok) throw hold.error
    const released = await db.transaction((tx) => releaseHold(tx, { holdId: hold.value.holdId, outcome: 'credited', on: '2026-03-01', actor }))
    expect(released.ok && released.value.creditNoteEntryId).toBeTruthy()
    const balance = await getBalance(db, account, { on: '2026-03-01' })
    expect([toDb(balance.total), toDb(balance.onHold)]).toEqual(['18000.00', '0.00'])
  })
})

describe('reversals and notes', () => {
  test('reversing a payment reopens its charges with a reversal entry; nothing is deleted', async () => {
    const account = await insertAccount(db, where)
    await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '10000.00']])
    const paid = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '10000', paidOn: '2026-02-10', channel: 'bank_file', externalRef: `b-${account}` }))
    const reversed = await db.transaction((tx) => reversePayment(tx, { paymentId: paid.paymentId, reason: 'Cheque devuelto', on: '2026-02-12' }))
    expect(reversed.ok).toBe(true)
    expect(toDb((await getBalance(db, account, { on: '2026-02-12' })).total)).toBe('10000.00')
    expect(await allocationsOf(paid.paymentId)).toEqual(['10000.00'])
    const [p] = await db.select().from(payments).where(eq(payments.id, paid.paymentId))
    expect(p!.status).toBe('reversed')
    const again = await db.transaction((tx) => reversePayment(tx, { paymentId: paid.paymentId, reason: 'otra vez', on: '2026-02-12' }))
    expect(again.ok).toBe(false)
    // The reopened charge takes the next payment.
    const next = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '10000', paidOn: '2026-02-13', channel: 'counter' }))
    expect(next.allocations.map((a) => a.amount)).toEqual(['10000.00'])
  })

  test('an issued invoice is open until paid, then skipped; a debit note on it reopens it for the next payment', async () => {
    const account = await insertAccount(db, where)
    const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '10000.00']])
    const open = async () => (await rows<{ invoice_id: string }>(db, sql`select invoice_id from open_invoices where account_id = ${account}`)).map((r) => r.invoice_id)
    expect(await open()).toEqual([jan.invoiceId])
    const paid = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '10000', paidOn: '2026-02-10', channel: 'counter' }))
    expect(await open()).toEqual([])
    const [p] = await db.select().from(payments).where(eq(payments.id, paid.paymentId))
    expect(p!.fullyAllocated).toBe(true)
    const debit = await db.transaction((tx) => postDebitNote(tx, { invoiceId: jan.invoiceId, amount: '2500', on: '2026-02-16', description: 'Consumo recuperado', dueOn: '2026-02-26', actor }))
    expect(debit.ok).toBe(true)
    expect(await open()).toEqual([jan.invoiceId])
    const next = await db.transaction((tx) => postPayment(tx, { accountId: account, amount: '2500', paidOn: '2026-02-20', channel: 'counter' }))
    expect(next.allocations.map((a) => a.amount)).toEqual(['2500.00'])
    expect(await open()).toEqual([])
  })

  test('credit and debit notes are linked to an issued invoice and move the balance', async () => {
    const account = await insertAccount(db, where)
    const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['consumo_basico', '30000.00']])
    const credit = await db.transaction((tx) => postCreditNote(tx, { invoiceId: jan.invoiceId, amount: '4000', on: '2026-02-15', description: 'Ajuste por desviación', actor }))
    const debit = await db.transaction((tx) => postDebitNote(tx, { invoiceId: jan.invoiceId, amount: '1500.50', on: '2026-02-16', description: 'Consumo recuperado', actor }))
    expect(credit.ok && debit.ok).toBe(true)
    expect(toDb((await getBalance(db, account, { on: '2026-02-16' })).total)).toBe('27500.50')
    const bad = await db.transaction((tx) => postCreditNote(tx, { invoiceId: jan.invoiceId, amount: '0', on: '2026-02-16', description: 'x', actor }))
    expect(bad.ok).toBe(false)
  })

  test('an issued invoice cannot be changed in the database', async () => {
    const account = await insertAccount(db, where)
    const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '1.00']])
    await expect(db.update(invoices).set({ totalToPay: '0.00' }).where(eq(invoices.id, jan.invoiceId))).rejects.toThrow()
  })
})
