/**
 * Builders for bank-collection db tests: accounts with issued invoices that carry real payment references, staff
 * users, and Asobancaria files written with the same writer banks' files are checked against.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { rows, type Db } from '~/db.server'
import { insertAccount, insertArea, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import { makePaymentReference } from '~/billing/payment-reference'
import { users, type Role } from '../../db/schema/auth'
import { invoiceLines, invoices, ledgerEntries } from '../../db/schema/ledger'
import { buildAsobancaria2001, type AsobancariaBuildOptions, type AsobancariaBuildPayment } from './asobancaria-writer'

export async function insertUser(db: Db, role: Role, name = 'Persona de cartera') {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${randomUUID().slice(0, 8)}@example.com`, fullName: name, role })
    .returning({ id: users.id, email: users.email })
  return user!
}

export type BillingPlace = { zoneId: string; cycleId: string; periods: string[] }

export async function insertBillingPlace(db: Db): Promise<BillingPlace> {
  const where = await insertArea(db, { band: 'from_1000_to_2000' })
  const periods = [await insertPeriod(db, where.cycleId, '2026-01'), await insertPeriod(db, where.cycleId, '2026-02')]
  return { ...where, periods }
}

/** An issued invoice of one charge per amount; returns its payment reference and its entries. */
export async function issueInvoice(db: Db, accountId: string, periodId: string, dates: { issueOn: string; dueOn: string }, amounts: string[]) {
  const [seq] = await rows<{ n: string }>(db, sql`select nextval('payment_reference_seq')::text as n`)
  const paymentReference = makePaymentReference(BigInt(seq!.n))
  const total = amounts.reduce((s, a) => s + Number(a), 0).toFixed(2)
  const [inv] = await db
    .insert(invoices)
    .values({ accountId, periodId, status: 'issued', ...dates, suspensionOn: dates.dueOn, previousBalance: '0.00', currentCharges: total, totalToPay: total, paymentReference })
    .returning({ id: invoices.id })
  const entries = await db
    .insert(ledgerEntries)
    .values(amounts.map((amount, i) => ({ accountId, occurredOn: dates.issueOn, kind: 'charge' as const, concept: `cargo_${i}`, amount, dueOn: dates.dueOn, invoiceId: inv!.id, description: `Cargo ${i}` })))
    .returning({ id: ledgerEntries.id })
  await db.insert(invoiceLines).values(amounts.map((amount, i) => ({ invoiceId: inv!.id, position: i + 1, concept: `cargo_${i}`, description: `Cargo ${i}`, amount, ledgerEntryId: entries[i]!.id })))
  return { invoiceId: inv!.id, paymentReference, entryIds: entries.map((e) => e.id) }
}

/** An account with a January invoice (20,000) and a February one (30,000). */
export async function accountWithTwoInvoices(db: Db, place: BillingPlace) {
  const accountId = await insertAccount(db, place)
  const jan = await issueInvoice(db, accountId, place.periods[0]!, { issueOn: '2026-02-06', dueOn: '2026-02-21' }, ['20000.00'])
  const feb = await issueInvoice(db, accountId, place.periods[1]!, { issueOn: '2026-03-06', dueOn: '2026-03-21' }, ['30000.00'])
  return { accountId, jan, feb }
}

export function bankFile(
  payments: AsobancariaBuildPayment[] | AsobancariaBuildPayment[][],
  header: { collectionDate?: string; modifier?: string; bankCode?: string } = {},
  options: AsobancariaBuildOptions = {},
): string {
  const lotes = (Array.isArray(payments[0]) ? payments : [payments]) as AsobancariaBuildPayment[][]
  return buildAsobancaria2001(
    {
      header: {
        nit: '9004567894',
        collectionDate: header.collectionDate ?? '2026-03-16',
        bankCode: header.bankCode ?? '007',
        account: '00000012345678901',
        generatedOn: header.collectionDate ?? '2026-03-16',
        generatedAt: '06:30',
        modifier: header.modifier ?? 'A',
        accountType: '01',
      },
      lotes: lotes.map((list, i) => ({ number: i + 1, serviceCode: '7709998001013', payments: list })),
    },
    options,
  )
}
