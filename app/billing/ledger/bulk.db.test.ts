import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { invoiceLines, invoices, ledgerEntries } from '../../../db/schema/ledger'
import { placeHold } from './holds.server'
import { postPayment, postPaymentsBulk, type PostedPayment, type PostPaymentInput } from './post-payment.server'
import { insertAccount, insertArea, insertPeriod } from './test-fixtures.server'

const actor = { kind: 'system', label: 'prueba' } as const
let where: { zoneId: string; cycleId: string }
let periods: string[]

beforeAll(async () => {
  where = await insertArea(db, { band: 'from_1000_to_2000' })
  periods = [await insertPeriod(db, where.cycleId, '2026-01'), await insertPeriod(db, where.cycleId, '2026-02'), await insertPeriod(db, where.cycleId, '2026-03')]
})

async function issuedInvoice(accountId: string, periodId: string, issueOn: string, dueOn: string, lines: Array<[string, string]>) {
  const [inv] = await db
    .insert(invoices)
    .values({ accountId, periodId, status: 'issued', issueOn, dueOn, suspensionOn: dueOn, previousBalance: '0.00', currentCharges: '0.00', totalToPay: '0.00', paymentReference: randomUUID() })
    .returning({ id: invoices.id })
  const entries = await db
    .insert(ledgerEntries)
    .values(lines.map(([concept, amount]) => ({ accountId, occurredOn: issueOn, kind: 'charge' as const, concept, amount, dueOn, invoiceId: inv!.id, description: concept })))
    .returning({ id: ledgerEntries.id })
  // Lines fix the order of charges that share a due date, as the liquidation writes them.
  await db.insert(invoiceLines).values(lines.map(([concept, amount], i) => ({ invoiceId: inv!.id, position: i + 1, concept, description: concept, amount, ledgerEntryId: entries[i]!.id })))
  return { invoiceId: inv!.id, entryIds: entries.map((e) => e.id) }
}

/** One account with three invoices (a subsidy line, a hold on part of one charge) and its entries by label. */
async function scenario() {
  const account = await insertAccount(db, where)
  const jan = await issuedInvoice(account, periods[0]!, '2026-02-06', '2026-02-21', [['cargo_fijo', '9000.00'], ['consumo_basico', '21000.00'], ['subsidio', '-6000.00']])
  const feb = await issuedInvoice(account, periods[1]!, '2026-03-06', '2026-03-21', [['cargo_fijo', '9000.00'], ['consumo_basico', '15000.00']])
  const mar = await issuedInvoice(account, periods[2]!, '2026-04-06', '2026-04-21', [['cargo_fijo', '9000.00'], ['aseo', '11000.00']])
  const held = await db.transaction((tx) => placeHold(tx, { accountId: account, ledgerEntryId: feb.entryIds[1], amount: '5000', reason: 'Reclamo', actor }))
  expect(held.ok).toBe(true)
  const labels = new Map<string, string>()
  for (const [name, inv] of [['ene', jan], ['feb', feb], ['mar', mar]] as const) inv.entryIds.forEach((id, i) => labels.set(id, `${name}${i}`))
  return { account, labels }
}

const plan = (accountId: string): PostPaymentInput[] => [
  { accountId, amount: '12000', paidOn: '2026-02-15', channel: 'counter' },
  { accountId, amount: '20500.50', paidOn: '2026-03-10', channel: 'bank_file', externalRef: `b1-${accountId}` },
  { accountId, amount: '7000', paidOn: '2026-03-10', channel: 'counter' },
  { accountId, amount: '40000', paidOn: '2026-04-20', channel: 'gateway', externalRef: `g1-${accountId}` },
]

describe('bulk posting', () => {
  test('bulk and one-by-one posting give identical allocations, holds and subsidies included', async () => {
    const single = await scenario()
    const bulk = await scenario()
    const one: PostedPayment[] = []
    for (const p of plan(single.account)) one.push(await db.transaction((tx) => postPayment(tx, { ...p, actor })))
    const many = await db.transaction((tx) => postPaymentsBulk(tx, plan(bulk.account), { actor }))
    const show = (list: typeof one, labels: Map<string, string>) =>
      list.map((p) => p.allocations.map((a) => `${labels.get(a.ledgerEntryId)}=${a.amount}`))
    const expected = show(one, single.labels)
    expect(show(many, bulk.labels)).toEqual(expected)
    // Hand check: the subsidy nets January's first charge; the hold keeps 5,000 of February's
    // consumption open: 8,500.50 + 499.50 = 9,000 and 6,500.50 + 3,499.50 = 15,000 − 5,000.
    expect(expected[0]).toEqual(['ene0=3000.00', 'ene1=9000.00'])
    expect(expected[1]).toEqual(['ene1=12000.00', 'feb0=8500.50'])
    expect(expected[2]).toEqual(['feb0=499.50', 'feb1=6500.50'])
  })

  test('a bank file posted twice in bulk is posted once', async () => {
    const { account } = await scenario()
    const batch = plan(account).filter((p) => p.externalRef)
    const first = await db.transaction((tx) => postPaymentsBulk(tx, batch, { actor }))
    const again = await db.transaction((tx) => postPaymentsBulk(tx, [...batch, batch[0]!], { actor }))
    expect(first.map((p) => p.isDuplicate)).toEqual([false, false])
    expect(again.map((p) => p.isDuplicate)).toEqual([true, true, true])
    expect(again.map((p) => p.paymentId)).toEqual([...first.map((p) => p.paymentId), first[0]!.paymentId])
  })
})
