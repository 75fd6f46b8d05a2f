/**
 * Builders for PQR db tests: a case inserted directly (its radicado from the real counter, its clocks from
 * refreshCaseClocks). Tests of the filing itself use fileCase; the others only need a case in some state.
 */
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { users } from '../../db/schema/auth'
import { invoices, ledgerEntries } from '../../db/schema/ledger'
import { userAccounts } from '../../db/schema/premises'
import { pqrCases, type PqrCase } from '../../db/schema/pqr'
import { refreshCaseClocks } from './clock-refresh.server'
import { nextRadicado } from './radicado.server'

export type TestCaseInput = Partial<Omit<typeof pqrCases.$inferInsert, 'radicado' | 'radicadoYear' | 'radicadoSeq'>>

export async function insertTestCase(db: DbOrTx, overrides: TestCaseInput = {}, now = new Date()): Promise<PqrCase> {
  const { radicado, year, seq } = await nextRadicado(db, 'entrada', { now })
  const filedOn = overrides.filedOn ?? now.toISOString().slice(0, 10)
  const [row] = await db
    .insert(pqrCases)
    .values({
      typeCode: 'peticion',
      causalCode: 'OTROS',
      channel: 'presencial',
      filerName: 'Ana Prueba',
      filerDocumentType: 'CC',
      filerDocumentNumber: '1020304050',
      subject: 'Solicitud de prueba',
      description: 'Descripción de prueba',
      receivedAt: now,
      dueOn: filedOn,
      ...overrides,
      filedOn,
      radicado,
      radicadoYear: year,
      radicadoSeq: seq,
    })
    .returning()
  await refreshCaseClocks(db, row!.id, { now })
  const [fresh] = await db.select().from(pqrCases).where(eq(pqrCases.id, row!.id))
  return fresh!
}

let invoiceCounter = 0

/** An issued invoice with its charges as ledger entries (as the billing engine leaves them). */
export async function insertIssuedInvoice(
  db: DbOrTx,
  input: { accountId: string; periodId: string; issueOn: string; dueOn: string; charges: string },
): Promise<{ invoiceId: string; number: number }> {
  invoiceCounter++
  const number = 900_000_000 + Math.floor(Math.random() * 90_000_000) + invoiceCounter
  const [inv] = await db
    .insert(invoices)
    .values({
      accountId: input.accountId,
      periodId: input.periodId,
      number,
      status: 'issued',
      issueOn: input.issueOn,
      dueOn: input.dueOn,
      suspensionOn: input.dueOn,
      previousBalance: '0.00',
      currentCharges: input.charges,
      totalToPay: input.charges,
      paymentReference: randomUUID(),
    })
    .returning({ id: invoices.id })
  await db.insert(ledgerEntries).values({
    accountId: input.accountId,
    occurredOn: input.issueOn,
    kind: 'charge',
    concept: 'consumo_basico',
    amount: input.charges,
    dueOn: input.dueOn,
    invoiceId: inv!.id,
    description: 'Consumo básico',
  })
  return { invoiceId: inv!.id, number }
}

/** A subscriber user linked to the given accounts (what requireSubscriber reads). */
export async function insertSubscriberUser(db: DbOrTx, accountIds: string[], email = `s-${randomUUID().slice(0, 8)}@example.com`) {
  const [user] = await db.insert(users).values({ email, fullName: 'Suscriptora de Prueba', role: 'subscriber' }).returning({ id: users.id })
  for (const accountId of accountIds) await db.insert(userAccounts).values({ userId: user!.id, accountId })
  return { userId: user!.id, email }
}
