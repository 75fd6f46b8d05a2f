import { eq, sql } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { makePaymentReference } from '~/billing/payment-reference'
import { db, rows } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { accountWithTwoInvoices, bankFile, insertBillingPlace, insertUser } from '~/payments/bank-test-fixtures.server'
import { payments } from '../../db/schema/ledger'
import { bankFiles, unidentifiedPayments } from '../../db/schema/payments'
import { jobs, settings } from '../../db/schema/system'
import { action as reportAction, loader as reportLoader } from './gestion.pagos.archivos.$fileId'
import { action as uploadAction, loader as filesLoader } from './gestion.pagos.archivos._index'
import { action as returnsAction, loader as returnsLoader } from './gestion.pagos.devoluciones'
import { action as unidentifiedAction, loader as unidentifiedLoader } from './gestion.pagos.por-identificar.$paymentId'
import { loader as queueLoader } from './gestion.pagos.por-identificar._index'

let collections: string
let agent: string
const ctx = { requestId: 'req-pagos', ip: '127.0.0.1' }

async function cookieFor(role: 'collections' | 'agent') {
  const user = await insertUser(db, role)
  return (await createSession(user.id)).split(';')[0]!
}

beforeAll(async () => {
  collections = await cookieFor('collections')
  agent = await cookieFor('agent')
})

const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { cookie } })
const post = (url: string, cookie: string, body: Record<string, string>) =>
  new Request(`http://localhost${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) })
function upload(cookie: string, content: string, name = 'recaudo.txt') {
  const form = new FormData()
  form.set('archivo', new File([content], name, { type: 'text/plain' }))
  return new Request('http://localhost/gestion/pagos/archivos', { method: 'POST', headers: { cookie }, body: form })
}
const messageOf = (result: unknown) => (result as { data: { message: string } }).data.message
const statusOf = (result: unknown) => (result as { init: { status: number } }).init.status

test('collections staff upload a file, follow the job, read the report; agents may read but not upload', async () => {
  const place = await insertBillingPlace(db)
  const a = await accountWithTwoInvoices(db, place)
  const unknown = makePaymentReference(876_543_210n)
  const content = bankFile([
    { reference: a.jan.paymentReference, amount: '20000' },
    { reference: unknown, amount: '3500', procedencia: '31', medio: '53' },
  ])
  await expect(uploadAction({ request: upload(agent, content), params: {}, context: ctx })).rejects.toMatchObject({ status: 403 })
  const empty = await uploadAction({ request: upload(collections, ''), params: {}, context: ctx })
  expect([statusOf(empty), messageOf(empty)]).toEqual([400, 'Elija el archivo de recaudo (Asobancaria 2001).'])

  const uploaded = (await uploadAction({ request: upload(collections, content, 'bancolombia.txt'), params: {}, context: ctx })) as Response
  expect(uploaded.status).toBe(302)
  const fileId = uploaded.headers.get('location')!.split('/').pop()!
  const queued = await reportLoader({ request: get(`/gestion/pagos/archivos/${fileId}`, agent), params: { fileId }, context: ctx })
  expect(queued.file).toMatchObject({ status: 'queued', fileName: 'bancolombia.txt', bankName: 'Bancolombia', fileDate: '2026-03-16', modifier: 'A', report: null })
  expect(queued.file.job?.status).toBe('queued')

  await drainJobs({ db })
  const done = await reportLoader({ request: get(`/gestion/pagos/archivos/${fileId}`, agent), params: { fileId }, context: ctx })
  expect(done.file.status).toBe('applied')
  expect(done.file.job).toMatchObject({ status: 'succeeded', progressDone: 2, progressTotal: 2 })
  expect(done.file.report).toMatchObject({ applied: 1, appliedAmount: '20000.00', unidentified: 1, unidentifiedAmount: '3500.00', duplicates: 0, rejected: 0 })
  expect(done.channels).toEqual([
    { code: '01-01', count: 1, procedencia: 'Bancos', medio: 'Ventanilla – efectivo' },
    { code: '31-53', count: 1, procedencia: 'Otro (31)', medio: 'Otro (53)' },
  ])
  const list = await filesLoader({ request: get('/gestion/pagos/archivos', agent), params: {}, context: ctx })
  expect(list.canOperate).toBe(false)
  expect(list.files.rows.map((f) => [f.id, f.status, f.recordCount, f.totalAmount])).toEqual([[fileId, 'applied', 2, '23500.00']])

  const again = await uploadAction({ request: upload(collections, content, 'repetido.txt'), params: {}, context: ctx })
  expect(statusOf(again)).toBe(409)
  expect(messageOf(again)).toMatch(/ya fue cargado .*«bancolombia\.txt»/)
  await expect(reportLoader({ request: get('/gestion/pagos/archivos/nada', agent), params: { fileId: 'nada' }, context: ctx })).rejects.toMatchObject({ status: 404 })
})

test('a file larger than the size setting is refused before it is read', async () => {
  await db.insert(settings).values({ key: 'payments.bank_file_max_mb', value: 1, effectiveFrom: '2020-01-01', note: 'prueba' })
  const big = 'x'.repeat(1024 * 1024 + 10)
  const refused = await uploadAction({ request: upload(collections, big), params: {}, context: ctx })
  expect([statusOf(refused), messageOf(refused)]).toEqual([413, 'El archivo supera el máximo de 1 MB. Pida al banco el archivo del día o divídalo por lotes.'])
  await db.delete(settings).where(eq(settings.key, 'payments.bank_file_max_mb'))
})

test('a pago por identificar is looked up, confirmed and assigned from its page; another is returned with a reason', async () => {
  const place = await insertBillingPlace(db)
  const a = await accountWithTwoInvoices(db, place)
  const [{ number } = { number: '' }] = await rows<{ number: string }>(db, sql`select number from accounts where id = ${a.accountId}::uuid`)
  const uploaded = (await uploadAction({
    request: upload(collections, bankFile([{ reference: makePaymentReference(765_432_109n), amount: '15000' }, { reference: makePaymentReference(765_432_108n), amount: '900' }], { modifier: 'Q' })),
    params: {},
    context: ctx,
  })) as Response
  expect(uploaded.status).toBe(302)
  const fileId = uploaded.headers.get('location')!.split('/').pop()!
  await drainJobs({ db })
  const queue = await queueLoader({ request: get('/gestion/pagos/por-identificar', agent), params: {}, context: ctx })
  const ofFile = queue.list.rows.filter((r) => r.bankFileId === fileId)
  expect(ofFile.map((r) => [r.amount, r.status, r.reason, r.lineNo])).toEqual([['15000.00', 'pending', 'unknown_reference', 3], ['900.00', 'pending', 'unknown_reference', 4]])
  const [first, second] = ofFile
  const url = `/gestion/pagos/por-identificar/${first!.id}`
  const params = { paymentId: first!.id }
  const page = await unidentifiedLoader({ request: get(url, collections), params, context: ctx })
  expect(page).toMatchObject({ canOperate: true, payment: { channel: 'Bancos · Ventanilla – efectivo', status: 'pending' } })

  const lookup = await unidentifiedAction({ request: post(url, collections, { intent: 'lookup', accountNumber: number }), params, context: ctx })
  expect((lookup as { data: { account: { number: string; holder: string } } }).data.account).toMatchObject({ number, status: 'active' })
  const unconfirmed = await unidentifiedAction({ request: post(url, collections, { intent: 'assign', accountNumber: number }), params, context: ctx })
  expect([statusOf(unconfirmed), messageOf(unconfirmed)]).toEqual([400, 'Marque la casilla para confirmar.'])
  expect(await db.select().from(payments).where(eq(payments.accountId, a.accountId))).toEqual([])
  await expect(unidentifiedAction({ request: post(url, agent, { intent: 'assign', accountNumber: number, confirm: 'si' }), params, context: ctx })).rejects.toMatchObject({ status: 403 })
  const assigned = (await unidentifiedAction({ request: post(url, collections, { intent: 'assign', accountNumber: number, confirm: 'si' }), params, context: ctx })) as Response
  expect(assigned.status).toBe(302)
  const [payment] = await db.select().from(payments).where(eq(payments.accountId, a.accountId))
  expect(payment).toMatchObject({ amount: '15000.00', channel: 'bank_file', status: 'applied' })

  const returnUrl = `/gestion/pagos/por-identificar/${second!.id}`
  const noReason = await unidentifiedAction({ request: post(returnUrl, collections, { intent: 'return', reason: '', confirm: 'si' }), params: { paymentId: second!.id }, context: ctx })
  expect(messageOf(noReason)).toBe('Escriba el motivo de la devolución (al menos 5 caracteres).')
  const returned = (await unidentifiedAction({ request: post(returnUrl, collections, { intent: 'return', reason: 'Reintegro solicitado por el pagador', confirm: 'si' }), params: { paymentId: second!.id }, context: ctx })) as Response
  expect(returned.status).toBe(302)
  const [row] = await db.select({ status: unidentifiedPayments.status }).from(unidentifiedPayments).where(eq(unidentifiedPayments.id, second!.id))
  expect(row!.status).toBe('returned')
  const assignedTab = await queueLoader({ request: get('/gestion/pagos/por-identificar?estado=assigned', agent), params: {}, context: ctx })
  expect(assignedTab.list.rows.map((r) => [r.accountNumber, r.status])).toEqual([[number, 'assigned']])
})

test('a bank return is recorded from the returns page with its causal and confirmation', async () => {
  const place = await insertBillingPlace(db)
  const a = await accountWithTwoInvoices(db, place)
  const uploaded = (await uploadAction({ request: upload(collections, bankFile([{ reference: a.feb.paymentReference, amount: '10000' }], { modifier: 'R' })), params: {}, context: ctx })) as Response
  const fileId = uploaded.headers.get('location')!.split('/').pop()!
  await drainJobs({ db })
  const found = await returnsLoader({ request: get(`/gestion/pagos/devoluciones?archivo=${fileId}`, agent), params: {}, context: ctx })
  expect(found.found.rows.map((p) => [p.amount, p.status, p.line])).toEqual([['10000.00', 'applied', '3']])
  const paymentId = found.found.rows[0]!.id
  const byReference = await returnsLoader({ request: get(`/gestion/pagos/devoluciones?q=000${a.feb.paymentReference}`, agent), params: {}, context: ctx })
  expect(byReference.found.rows.map((p) => p.id)).toEqual([paymentId])
  const [account] = await rows<{ number: string }>(db, sql`select number from accounts where id = ${a.accountId}::uuid`)
  const byAccount = await returnsLoader({ request: get(`/gestion/pagos/devoluciones?q=${account!.number}`, agent), params: {}, context: ctx })
  expect(byAccount.found.rows.map((p) => p.id)).toEqual([paymentId])
  const noCause = await returnsAction({ request: post('/gestion/pagos/devoluciones', collections, { paymentId, confirm: 'si' }), params: {}, context: ctx })
  expect(messageOf(noCause)).toBe('Elija la causal de devolución.')
  const done = (await returnsAction({ request: post('/gestion/pagos/devoluciones', collections, { paymentId, cause: 'R01', confirm: 'si' }), params: {}, context: ctx })) as Response
  expect([done.status, done.headers.get('location')]).toEqual([302, '/gestion/pagos/devoluciones?hecho=0'])
  const after = await returnsLoader({ request: get('/gestion/pagos/devoluciones', agent), params: {}, context: ctx })
  expect(after.recent.map((r) => [r.id, r.reason])).toEqual([[paymentId, 'Devolución bancaria R01 (Fondos insuficientes)']])
  const twice = await returnsAction({ request: post('/gestion/pagos/devoluciones', collections, { paymentId, cause: 'R01', confirm: 'si' }), params: {}, context: ctx })
  expect([statusOf(twice), messageOf(twice)]).toEqual([409, 'El pago ya había sido reversado.'])
})

test('a file whose import failed is retried from its report page and applied once', async () => {
  const place = await insertBillingPlace(db)
  const a = await accountWithTwoInvoices(db, place)
  const uploaded = (await uploadAction({ request: upload(collections, bankFile([{ reference: a.jan.paymentReference, amount: '8000' }], { modifier: 'S' })), params: {}, context: ctx })) as Response
  const fileId = uploaded.headers.get('location')!.split('/').pop()!
  const url = `/gestion/pagos/archivos/${fileId}`
  const notFailed = await reportAction({ request: post(url, collections, { intent: 'retry' }), params: { fileId }, context: ctx })
  expect([statusOf(notFailed), messageOf(notFailed)]).toEqual([409, 'Solo se puede reintentar la importación de un archivo que falló.'])
  // As if every attempt had failed: the job is spent and the file marked failed.
  const [file] = await db.update(bankFiles).set({ status: 'failed' }).where(eq(bankFiles.id, fileId)).returning({ jobId: bankFiles.jobId })
  await db.update(jobs).set({ status: 'failed', lastError: 'conexión perdida' }).where(eq(jobs.id, file!.jobId!))
  const failed = await reportLoader({ request: get(url, collections), params: { fileId }, context: ctx })
  expect([failed.file.status, failed.file.job?.status, failed.canOperate]).toEqual(['failed', 'failed', true])
  await expect(reportAction({ request: post(url, agent, { intent: 'retry' }), params: { fileId }, context: ctx })).rejects.toMatchObject({ status: 403 })
  const retried = (await reportAction({ request: post(url, collections, { intent: 'retry' }), params: { fileId }, context: ctx })) as Response
  expect(retried.status).toBe(302)
  await drainJobs({ db })
  const done = await reportLoader({ request: get(url, collections), params: { fileId }, context: ctx })
  expect([done.file.status, done.file.report?.applied, done.file.job?.status]).toEqual(['applied', 1, 'succeeded'])
  const posted = await db.select().from(payments).where(eq(payments.accountId, a.accountId))
  expect(posted.map((p) => [p.amount, p.externalRef])).toEqual([['8000.00', `${fileId}:3`]])
})
