import { and, eq, like, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { getBalance } from '~/billing/ledger/balance.server'
import { postPayment } from '~/billing/ledger/post-payment.server'
import { toDb } from '~/billing/money'
import { makePaymentReference } from '~/billing/payment-reference'
import { db, rows } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { describeOnServer } from '../../tests/setup/engine'
import { paymentAllocations, payments } from '../../db/schema/ledger'
import { bankFiles, unidentifiedPayments } from '../../db/schema/payments'
import { accountsByReference } from './bank-match.server'
import type { BankFileReport } from './bank-file-schema'
import { recordBankReturn } from './bank-return.server'
import { accountWithTwoInvoices, bankFile, insertBillingPlace, insertUser, type BillingPlace } from './bank-test-fixtures.server'
import { uploadBankFile } from './bank-upload.server'
import { assignUnidentifiedPayment } from './unidentified-assign.server'
import { returnUnidentifiedPayment } from './unidentified-return.server'

let place: BillingPlace
let staffId: string

beforeAll(async () => {
  place = await insertBillingPlace(db)
  staffId = (await insertUser(db, 'collections', 'Ana Cartera')).id
})

async function importFile(content: string, fileName = 'recaudo.txt') {
  const uploaded = await uploadBankFile(db, { fileName, content, userId: staffId })
  if (!uploaded.ok) throw uploaded.error
  await drainJobs({ db })
  const [file] = await db.select().from(bankFiles).where(eq(bankFiles.id, uploaded.value.fileId))
  return { fileId: file!.id, status: file!.status, report: file!.report as BankFileReport }
}

async function allocationsOf(paymentId: string) {
  return db.select({ entry: paymentAllocations.ledgerEntryId, amount: paymentAllocations.amount }).from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId))
}

async function filePayments(fileId: string) {
  return db.select().from(payments).where(and(eq(payments.channel, 'bank_file'), like(payments.externalRef, `${fileId}:%`))).orderBy(payments.externalRef)
}

describe('importing an Asobancaria 2001 file', () => {
  test('a clean file (CRLF, unpadded last line, an unknown channel code) applies every payment to its account, oldest charges first', async () => {
    const a = await accountWithTwoInvoices(db, place)
    const b = await accountWithTwoInvoices(db, place)
    // Leading zeros are stripped and the reference still matches; b pays with its older invoice's reference too.
    const content = bankFile(
      [
        { reference: `000${a.feb.paymentReference}`, amount: '35000.00', procedencia: '03', medio: '15' },
        { reference: b.jan.paymentReference, amount: '12000.50', procedencia: '31', medio: '53' },
      ],
      { modifier: 'A' },
      { lineEnding: '\r\n', padding: 'all-but-last', finalNewline: false },
    )
    const { fileId, status, report } = await importFile(content)
    expect(status).toBe('applied')
    expect(report).toMatchObject({ errors: [], applied: 2, appliedAmount: '47000.50', duplicates: 0, unidentified: 0, rejected: 0 })
    expect(report.channels).toEqual({ '03-15': 1, '31-53': 1 })
    expect(report.lotes).toEqual([{ number: 1, line: 2, count: 2, amount: '47000.50' }])
    const posted = await filePayments(fileId)
    expect(posted.map((p) => [p.accountId, p.amount, p.paidOn, p.externalRef, p.reference])).toEqual([
      [a.accountId, '35000.00', '2026-03-16', `${fileId}:3`, a.feb.paymentReference],
      [b.accountId, '12000.50', '2026-03-16', `${fileId}:4`, b.jan.paymentReference],
    ])
    // a paid with February's reference, but the oldest charge (January) is covered first.
    expect(await allocationsOf(posted[0]!.id)).toEqual(
      expect.arrayContaining([
        { entry: a.jan.entryIds[0], amount: '20000.00' },
        { entry: a.feb.entryIds[0], amount: '15000.00' },
      ]),
    )
    expect(await allocationsOf(posted[1]!.id)).toEqual([{ entry: b.jan.entryIds[0], amount: '12000.50' }])
  })

  test('a wrong lote total applies nothing and the report names the lote and its line', async () => {
    const a = await accountWithTwoInvoices(db, place)
    const good = bankFile(
      [[{ reference: a.jan.paymentReference, amount: '1000' }], [{ reference: a.feb.paymentReference, amount: '2000' }]],
      { modifier: 'B' },
      { lineEnding: '\n' },
    )
    const lines = good.split('\n')
    // Line 7 is lote 0002's control (01, 05, 06, 08, 05, 06, 08, 09): declare 3,000 instead of 2,000.
    lines[6] = lines[6]!.slice(0, 11) + '000000000000300000' + lines[6]!.slice(29)
    const { fileId, status, report } = await importFile(lines.join('\n'))
    expect(status).toBe('rejected')
    expect(report.errors).toEqual([{ line: 7, message: expect.stringMatching(/^El lote 0002 declara un total de \$ 3\.000,00, pero sus pagos suman \$ 2\.000,00/) }])
    expect(report.applied).toBe(0)
    expect(await filePayments(fileId)).toEqual([])
    expect(await db.select().from(unidentifiedPayments).where(eq(unidentifiedPayments.bankFileId, fileId))).toEqual([])
    // A rejected file does not block the corrected one.
    expect((await importFile(good)).status).toBe('applied')
  })

  test('the same file twice is refused, naming the earlier upload', async () => {
    const a = await accountWithTwoInvoices(db, place)
    const content = bankFile([{ reference: a.jan.paymentReference, amount: '5000' }], { modifier: 'C' })
    const first = await importFile(content, 'bancolombia-16-03.txt')
    expect(first.status).toBe('applied')
    // The same content with other line ends and padding is still the same file.
    const again = await uploadBankFile(db, { fileName: 'otra-vez.txt', content: content.replaceAll('\r\n', '\n').replace(/ +\n/g, '\n'), userId: staffId })
    expect(again.ok).toBe(false)
    if (again.ok) return
    expect(again.error.message).toMatch(/^Este archivo ya fue cargado el \d\d\/\d\d\/\d{4} .* por Ana Cartera \(«bancolombia-16-03\.txt»\): tiene el mismo contenido/)
    expect(await filePayments(first.fileId)).toHaveLength(1)
  })

  test('another file with the same bank, date and modifier is refused', async () => {
    const a = await accountWithTwoInvoices(db, place)
    expect((await importFile(bankFile([{ reference: a.jan.paymentReference, amount: '5000' }], { modifier: 'D' }), 'primero.txt')).status).toBe('applied')
    const other = await uploadBankFile(db, { fileName: 'segundo.txt', content: bankFile([{ reference: a.feb.paymentReference, amount: '7000' }], { modifier: 'D' }), userId: staffId })
    expect(other.ok).toBe(false)
    if (other.ok) return
    expect(other.error.message).toMatch(/^Ya se cargó un archivo de Bancolombia con fecha de recaudo 16\/03\/2026 y modificador «D» el .* \(«primero\.txt»\)/)
    const modifierE = await uploadBankFile(db, { fileName: 'segundo.txt', content: bankFile([{ reference: a.feb.paymentReference, amount: '7000' }], { modifier: 'E' }), userId: staffId })
    expect(modifierE.ok).toBe(true)
    await drainJobs({ db })
  })

  test('unknown references and wrong check digits wait in pagos por identificar; one is assigned later and reaches the ledger', async () => {
    const a = await accountWithTwoInvoices(db, place)
    const wrongDigit = a.jan.paymentReference.slice(0, -1) + String((Number(a.jan.paymentReference.slice(-1)) + 1) % 10)
    const unknown = makePaymentReference(987_654_321n)
    const { fileId, report } = await importFile(
      bankFile(
        [
          { reference: wrongDigit, amount: '20000', procedencia: '01', medio: '01' },
          { reference: unknown, amount: '4000', procedencia: '31', medio: '53' },
          { reference: a.feb.paymentReference, amount: '1000', returnCause: 'R01' },
        ],
        { modifier: 'F' },
      ),
    )
    expect(report).toMatchObject({ applied: 0, unidentified: 2, unidentifiedAmount: '24000.00', rejected: 1 })
    expect(report.rejectedLines).toEqual([{ line: 5, reason: 'El banco informó la causal de devolución «R01»; el pago no se aplica.' }])
    const queue = await db.select().from(unidentifiedPayments).where(eq(unidentifiedPayments.bankFileId, fileId)).orderBy(unidentifiedPayments.lineNo)
    expect(queue.map((u) => [u.lineNo, u.referenceRaw, u.amount, u.reason, u.channelRaw, u.status])).toEqual([
      [3, wrongDigit.replace(/^0+/, ''), '20000.00', 'check_digit', '01-01', 'pending'],
      [4, unknown.replace(/^0+/, ''), '4000.00', 'unknown_reference', '31-53', 'pending'],
    ])
    const [accountRow] = await rows<{ number: string }>(db, sql`select number from accounts where id = ${a.accountId}::uuid`)
    const missing = await assignUnidentifiedPayment(db, { id: queue[0]!.id, accountNumber: 'NO-EXISTE', userId: staffId })
    expect(missing.ok || missing.error.message).toBe('No existe la cuenta NO-EXISTE. Revise el número.')
    const assigned = await assignUnidentifiedPayment(db, { id: queue[0]!.id, accountNumber: accountRow!.number, userId: staffId })
    if (!assigned.ok) throw assigned.error
    const [payment] = await db.select().from(payments).where(eq(payments.id, assigned.value.paymentId))
    expect(payment).toMatchObject({ accountId: a.accountId, amount: '20000.00', paidOn: '2026-03-16', channel: 'bank_file', externalRef: `${fileId}:3` })
    expect(await allocationsOf(payment!.id)).toEqual([{ entry: a.jan.entryIds[0], amount: '20000.00' }])
    const [row] = await db.select().from(unidentifiedPayments).where(eq(unidentifiedPayments.id, queue[0]!.id))
    expect(row).toMatchObject({ status: 'assigned', assignedAccountId: a.accountId, paymentId: payment!.id, assignedBy: staffId })
    expect(row!.assignedAt).toBeInstanceOf(Date)
    const twice = await assignUnidentifiedPayment(db, { id: queue[0]!.id, accountNumber: accountRow!.number, userId: staffId })
    expect(twice.ok || twice.error.message).toBe('Este pago ya fue asignado a una cuenta.')
    const returned = await returnUnidentifiedPayment(db, { id: queue[1]!.id, reason: 'El banco lo reintegra al pagador', userId: staffId })
    expect(returned.ok).toBe(true)
    const [gone] = await db.select().from(unidentifiedPayments).where(eq(unidentifiedPayments.id, queue[1]!.id))
    expect(gone).toMatchObject({ status: 'returned', note: 'El banco lo reintegra al pagador', paymentId: null })
  })

  test('a payment the gateway already reported is recognised in the bank file and applied once; a second real payment is applied', async () => {
    const a = await accountWithTwoInvoices(db, place)
    const gateway = await db.transaction((tx) =>
      postPayment(tx, { accountId: a.accountId, amount: '20000', paidOn: '2026-03-14', channel: 'gateway', externalRef: `wompi-${a.accountId}`, reference: a.jan.paymentReference }),
    )
    const { fileId, report } = await importFile(
      bankFile(
        [
          { reference: a.jan.paymentReference, amount: '20000', procedencia: '03', medio: '15' },
          { reference: a.jan.paymentReference, amount: '20000', procedencia: '01', medio: '01' },
        ],
        { modifier: 'G' },
      ),
    )
    expect(report).toMatchObject({ applied: 1, duplicates: 1, duplicateAmount: '20000.00' })
    expect(report.duplicateLines).toEqual([{ line: 3, reference: a.jan.paymentReference, amount: '20000.00', paymentId: gateway.paymentId }])
    expect((await filePayments(fileId)).map((p) => p.externalRef)).toEqual([`${fileId}:4`])
    const balance = await getBalance(db, a.accountId, { on: '2026-03-31' })
    expect(toDb(balance.total)).toBe('10000.00') // 50,000 billed − 20,000 online − 20,000 at the bank
    // Outside the window the same reference and amount is a new payment.
    const later = await importFile(bankFile([{ reference: a.jan.paymentReference, amount: '20000' }], { modifier: 'H', collectionDate: '2026-03-30' }))
    expect(later.report).toMatchObject({ applied: 1, duplicates: 0 })
  })

  test('the reference lookup split over several connections finds what one lookup finds', async () => {
    const [a, b] = [await accountWithTwoInvoices(db, place), await accountWithTwoInvoices(db, place)]
    const references = [a.jan.paymentReference, b.feb.paymentReference, makePaymentReference(8_800_000_001n), a.feb.paymentReference, b.jan.paymentReference]
    const one = await accountsByReference(db, references)
    expect(one).toEqual(new Map([[a.jan.paymentReference, a.accountId], [a.feb.paymentReference, a.accountId], [b.jan.paymentReference, b.accountId], [b.feb.paymentReference, b.accountId]]))
    for (const lanes of [2, 3, 7]) expect(await accountsByReference(db, references, lanes)).toEqual(one)
  })

  test('a bank return reverses the payment: its allocations stop counting, a reversal entry restores the balance, the subscriber gets a note', async () => {
    const a = await accountWithTwoInvoices(db, place)
    await db.execute(sql`update subscribers set email = 'titular.devolucion@example.com' where id = (select subscriber_id from accounts where id = ${a.accountId}::uuid)`)
    const { fileId } = await importFile(bankFile([{ reference: a.jan.paymentReference, amount: '25000' }], { modifier: 'I' }))
    const [payment] = await filePayments(fileId)
    expect(toDb((await getBalance(db, a.accountId, { on: '2026-03-31' })).total)).toBe('25000.00')
    const result = await recordBankReturn(db, { paymentId: payment!.id, cause: 'CHD', note: 'Cheque sin fondos', userId: staffId, origin: 'https://ventanilla.example', now: new Date('2026-03-20T15:00:00Z') })
    expect(result).toEqual({ ok: true, value: { notified: 1 } })
    const [after] = await db.select().from(payments).where(eq(payments.id, payment!.id))
    expect(after).toMatchObject({ status: 'reversed', reversalReason: 'Devolución bancaria CHD (Cheque devuelto): Cheque sin fondos' })
    expect(await allocationsOf(payment!.id)).toHaveLength(2) // kept, no longer counted
    expect(toDb((await getBalance(db, a.accountId, { on: '2026-03-31' })).total)).toBe('50000.00')
    const [entry] = await rows<{ kind: string; amount: string; occurred_on: string }>(db, sql`select kind::text, amount::text, occurred_on::text from ledger_entries where payment_id = ${payment!.id}::uuid and kind = 'reversal'`)
    expect(entry).toEqual({ kind: 'reversal', amount: '25000.00', occurred_on: '2026-03-20' })
    const [mail] = await rows<{ to_address: string; subject: string; text: string }>(db, sql`select to_address, subject, text from email_outbox where template = 'bank-return-notice' and related_entity_id = ${payment!.id}`)
    expect(mail).toMatchObject({ to_address: 'titular.devolucion@example.com', subject: 'Su pago fue devuelto por el banco' })
    expect(mail!.text).toContain('Causal de devolución: Cheque devuelto')
    expect(mail!.text).toMatch(/Saldo actual de la cuenta: \$\s50\.000\./)
    const again = await recordBankReturn(db, { paymentId: payment!.id, cause: 'CHD', userId: staffId, origin: 'https://ventanilla.example' })
    expect(again.ok || again.error.message).toBe('El pago ya había sido reversado.')
  })
})

describeOnServer('concurrent uploads', () => {
  test('the same file uploaded five times at once is stored once; the others are refused', async () => {
    const a = await accountWithTwoInvoices(db, place)
    const content = bankFile([{ reference: a.jan.paymentReference, amount: '3000' }], { modifier: 'Z', bankCode: '051' })
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => uploadBankFile(db, { fileName: `copia-${i}.txt`, content, userId: staffId })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(4).fill('payments/duplicate_file'))
    await drainJobs({ db })
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from payments where account_id = ${a.accountId}::uuid`)
    expect(n).toBe(1)
  })
})
