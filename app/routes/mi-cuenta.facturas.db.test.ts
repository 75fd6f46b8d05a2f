/**
 * The subscriber's invoices on real issued invoices (billing engine): the invoice page shows lines, readings,
 * history and the explanation; another subscriber gets 404; amounts in claim are shown apart; /mi-cuenta links
 * "Pagar" only to the latest invoice with something to pay.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { insertIssuedInvoices, type IssuedWorld } from '~/billing/invoices/test-fixtures.server'
import { placeHold } from '~/billing/ledger/holds.server'
import { postPayment } from '~/billing/ledger/post-payment.server'
import { db } from '~/db.server'
import { eq } from 'drizzle-orm'
import { invoiceLines, userAccounts, users } from '../../db/schema'
import { loader as homeLoader } from './mi-cuenta._index'
import { loader as listLoader } from './mi-cuenta.cuentas.$accountId.facturas'
import { loader as invoiceLoader } from './mi-cuenta.facturas.$invoiceId'

let world: IssuedWorld
const cookies: Record<'a' | 'b', string> = { a: '', b: '' }
const actor = { kind: 'system', label: 'prueba' } as const

async function subscriberWith(email: string, accountIds: string[]) {
  const [u] = await db.insert(users).values({ email, fullName: email, role: 'subscriber', emailVerifiedAt: new Date() }).returning()
  for (const accountId of accountIds) await db.insert(userAccounts).values({ userId: u!.id, accountId })
  return (await createSession(u!.id)).split(';')[0]!
}

const args = (url: string, who: 'a' | 'b', params: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`, { headers: { cookie: cookies[who] } }),
  params,
  context: { requestId: 't', ip: '127.0.0.1' },
})

/** The invoice's lines as stored (the page sends only what it shows, not concepts or ledger ids). */
const storedLines = (invoiceId: string) =>
  db
    .select({ position: invoiceLines.position, concept: invoiceLines.concept, ledgerEntryId: invoiceLines.ledgerEntryId })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(invoiceLines.position)

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p
    return 200
  } catch (e) {
    if (e instanceof Response) return e.status
    throw e
  }
}

beforeAll(async () => {
  // Account 0: 8 months, consumption rising in the last month; account 1 belongs to B.
  world = await insertIssuedInvoices(db, { months: 8, consumptions: [[10, 11, 9, 12, 10, 10, 10, 16], [8, 8, 8, 8, 8, 8, 8, 8]] })
  cookies.a = await subscriberWith('portal.a@example.com', [world.accountIds[0]!])
  cookies.b = await subscriberWith('portal.b@example.com', [world.accountIds[1]!])
})

describe('invoice page', () => {
  test('shows every line, readings, the last 6 periods plus this one, and why it changed', async () => {
    const id = world.invoiceIds[0]![7]!
    const detail = await invoiceLoader(args(`/mi-cuenta/facturas/${id}`, 'a', { invoiceId: id }))
    const { canPay, payable } = detail
    expect(detail.invoice.id).toBe(id)
    expect(canPay).toBe(true) // the latest issued invoice, with a balance owed
    expect(Number(payable)).toBeGreaterThan(0)
    const older = world.invoiceIds[0]![6]!
    expect((await invoiceLoader(args(`/mi-cuenta/facturas/${older}`, 'a', { invoiceId: older }))).canPay).toBe(false)
    expect(detail.periodLabel).toBe('agosto 2026')
    const stored = await storedLines(id)
    expect(detail.lines.map((l) => l.position)).toEqual(stored.map((l) => l.position))
    expect(stored.map((l) => l.concept)).toEqual(expect.arrayContaining(['cargo_fijo', 'consumo_basico', 'subsidio', 'aseo']))
    const sum = detail.lines.reduce((s, l) => s + Number(l.amount), 0)
    expect(sum.toFixed(2)).toBe(Number(detail.invoice.currentCharges).toFixed(2))
    expect(detail.consumption).toMatchObject({ previousReading: 1000, currentReading: 1016, basis: 'measured' })
    expect(detail.history.map((h) => h.label)).toEqual(['febrero 2026', 'marzo 2026', 'abril 2026', 'mayo 2026', 'junio 2026', 'julio 2026', 'agosto 2026'])
    expect(detail.history.at(-1)!.isCurrent).toBe(true)
    expect(detail.explanation.join(' ')).toContain('Su consumo subió 6 m³ (60 %)')
    expect(detail.invoice.dueOn).toBe('2026-09-21')
    expect(detail.invoice.suspensionOn).toBe('2026-09-26')
  })

  test('subscriber B asking for A’s invoice or account gets 404; a malformed id too', async () => {
    const id = world.invoiceIds[0]![7]!
    expect(await status(invoiceLoader(args(`/mi-cuenta/facturas/${id}`, 'b', { invoiceId: id })))).toBe(404)
    expect(await status(invoiceLoader(args('/mi-cuenta/facturas/x', 'a', { invoiceId: 'x' })))).toBe(404)
    const accountId = world.accountIds[0]!
    expect(await status(listLoader(args(`/mi-cuenta/cuentas/${accountId}/facturas`, 'b', { accountId })))).toBe(404)
  })

  test('the list shows the account’s invoices newest first', async () => {
    const accountId = world.accountIds[0]!
    const list = await listLoader(args(`/mi-cuenta/cuentas/${accountId}/facturas?page=9`, 'a', { accountId }))
    expect(list.invoices.map((i) => i.periodCode)).toEqual(['2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01'])
    expect(list.page).toBe(1)
    expect(list.pageCount).toBe(1)
  })

  test('an amount in claim is shown as such on the invoice and apart on /mi-cuenta', async () => {
    const accountId = world.accountIds[0]!
    const id = world.invoiceIds[0]![7]!
    const held = await db.transaction((tx) => placeHold(tx, { accountId, amount: '5000.00', invoiceId: id, reason: 'Reclamo por consumo', actor }))
    expect(held.ok).toBe(true)
    const detail = await invoiceLoader(args(`/mi-cuenta/facturas/${id}`, 'a', { invoiceId: id }))
    expect(detail.onHold).toBe('5000.00')
    expect(detail.holdReasons[0]).toBe('Reclamo por consumo')
    const basic = (await storedLines(id)).find((l) => l.concept === 'consumo_basico')!
    await db.transaction((tx) => placeHold(tx, { accountId, amount: '1000.00', ledgerEntryId: basic.ledgerEntryId, reason: 'Reclamo por lectura', actor }))
    // The issued part comes from the cache now; holds are read again on every request.
    const again = await invoiceLoader(args(`/mi-cuenta/facturas/${id}`, 'a', { invoiceId: id }))
    expect(again.onHold).toBe('6000.00')
    expect(again.lines.find((l) => l.position === basic.position)!.onHold).toBe('1000.00')
    expect(again.lines.filter((l) => l.onHold !== null)).toHaveLength(1)
    const home = await homeLoader(args('/mi-cuenta', 'a'))
    expect(home.accounts[0]!.money.onHold).toBe('6000.00')
  })
})

describe('/mi-cuenta money and calls to action', () => {
  test('balance from the ledger, next due date, and Pagar on the latest invoice only while something is owed', async () => {
    const accountId = world.accountIds[0]!
    const latest = world.invoiceIds[0]![7]!
    const home = await homeLoader(args('/mi-cuenta', 'a'))
    const m = home.accounts[0]!.money
    expect(m.latestInvoice!.id).toBe(latest)
    expect(m.latestInvoice!.dueOn).toBe('2026-09-21')
    expect(Number(m.balance)).toBeGreaterThan(0)
    expect(m.payInvoiceId).toBe(latest)
    expect(Number(m.payable)).toBe(Number(m.balance) - Number(m.onHold))

    await db.transaction((tx) => postPayment(tx, { accountId, amount: m.payable, paidOn: '2026-09-10', channel: 'counter', externalRef: 'portal-test-1', actor }))
    const after = (await homeLoader(args('/mi-cuenta', 'a'))).accounts[0]!.money
    expect(after.payable).toBe('0.00')
    expect(after.payInvoiceId).toBeNull()
    expect(after.latestInvoice!.id).toBe(latest)
  })
})
