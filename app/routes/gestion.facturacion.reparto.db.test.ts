/**
 * Printed invoices per route: a batch of a period and zone in route order, its PDF (rendered by a job), and the delivery results
 * (entregada / devuelta) recorded per invoice; a bad date saves nothing; a delivered invoice's copy is a DUPLICADO.
 */
import { eq } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { wasDelivered } from '~/billing/invoices/pdf-download.server'
import { insertIssuedInvoices, type IssuedWorld } from '~/billing/invoices/test-fixtures.server'
import { db } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { invoiceDeliveries, invoiceDeliveryBatches, users } from '../../db/schema'
import { action as batchAction, loader as batchLoader } from './gestion.facturacion.reparto.$batchId'
import { loader as pdfLoader } from './gestion.facturacion.reparto.$batchId_.pdf'
import { action as createAction, loader as listLoader } from './gestion.facturacion.reparto._index'

let world: IssuedWorld
let cookie: string
let batchId: string

const ctx = { requestId: 't', ip: '127.0.0.1' }
const get = (url: string, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${url}`, { headers: { cookie } }), params, context: ctx })
const post = (url: string, form: Record<string, string>, params: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams(form) }),
  params,
  context: ctx,
})

beforeAll(async () => {
  world = await insertIssuedInvoices(db, { months: 1, consumptions: [[10], [12], [14]] })
  const [u] = await db.insert(users).values({ email: 'reparto@example.com', fullName: 'Coordinadora de reparto', role: 'coordinator' }).returning()
  cookie = (await createSession(u!.id)).split(';')[0]!
})

describe('delivery batches', () => {
  test('a batch takes every issued invoice of the period and zone, in route order', async () => {
    const list = await listLoader(get('/gestion/facturacion/reparto'))
    expect(list.options).toContainEqual(expect.objectContaining({ periodId: world.periodIds[0], zoneId: world.where.zoneId }))
    const res = (await createAction(post('/gestion/facturacion/reparto', { choice: `${world.periodIds[0]}:${world.where.zoneId}` }))) as Response
    expect(res.status).toBe(302)
    batchId = res.headers.get('location')!.split('/').pop()!
    const [batch] = await db.select().from(invoiceDeliveryBatches).where(eq(invoiceDeliveryBatches.id, batchId))
    expect(batch!.invoiceCount).toBe(3)
    const page = await batchLoader(get(`/gestion/facturacion/reparto/${batchId}`, { batchId }))
    const orders = page.rows.map((r) => r.routeOrder)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(page.rows.map((r) => r.invoiceId).sort()).toEqual(world.invoiceIds.map((r) => r[0]!).sort())
  })

  test('an empty zone or a malformed form is refused', async () => {
    const bad = await createAction(post('/gestion/facturacion/reparto', { choice: `x:${world.where.zoneId}` }))
    expect((bad as { init?: { status?: number } }).init?.status).toBe(400)
  })

  test('the batch PDF is prepared by a job the page follows, then served as an attachment with every invoice', async () => {
    const queued = await batchLoader(get(`/gestion/facturacion/reparto/${batchId}`, { batchId }))
    expect(queued.pdf).toMatchObject({ isReady: false, job: { status: 'queued' } })
    await expect(pdfLoader(get(`/gestion/facturacion/reparto/${batchId}/pdf`, { batchId }))).rejects.toMatchObject({ status: 404 })
    await drainJobs({ db })
    const ready = await batchLoader(get(`/gestion/facturacion/reparto/${batchId}`, { batchId }))
    expect(ready.pdf).toMatchObject({ isReady: true, job: { status: 'succeeded', progressDone: 3, progressTotal: 3 } })
    const res = (await pdfLoader(get(`/gestion/facturacion/reparto/${batchId}/pdf`, { batchId }))) as Response
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="reparto-2026-01-/)
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()))
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3)
  })

  test('results per invoice are recorded; a future date saves nothing; a delivered invoice prints as DUPLICADO', async () => {
    const [a, b, c] = world.invoiceIds.map((r) => r[0]!)
    const future = await batchAction(
      post(`/gestion/facturacion/reparto/${batchId}`, { [`resultado.${a}`]: 'delivered', [`fecha.${a}`]: '2026-02-08', [`resultado.${b}`]: 'returned', [`fecha.${b}`]: '2999-01-01' }, { batchId }),
    )
    expect((future as { init?: { status?: number } }).init?.status).toBe(400)
    expect(await db.select().from(invoiceDeliveries)).toHaveLength(0)

    const ok = (await batchAction(
      post(`/gestion/facturacion/reparto/${batchId}`, { [`resultado.${a}`]: 'delivered', [`fecha.${a}`]: '2026-02-08', [`resultado.${b}`]: 'returned', [`fecha.${b}`]: '2026-02-09', [`nota.${b}`]: 'Predio desocupado', [`resultado.${c}`]: '' }, { batchId }),
    )) as Response
    expect(ok.status).toBe(302)
    const rows = await db.select().from(invoiceDeliveries)
    expect(rows.map((r) => [r.invoiceId, r.result, r.deliveredOn, r.note]).sort()).toEqual(
      [[a, 'delivered', '2026-02-08', null], [b, 'returned', '2026-02-09', 'Predio desocupado']].sort(),
    )
    expect(await wasDelivered(db, a!)).toBe(true)
    expect(await wasDelivered(db, b!)).toBe(false)

    // Corrected in place; a delivery 1 day before pago oportuno (2026-02-21) is flagged late (setting: 5 days).
    await batchAction(post(`/gestion/facturacion/reparto/${batchId}`, { [`resultado.${c}`]: 'delivered', [`fecha.${c}`]: '2026-02-20' }, { batchId }))
    const page = await batchLoader(get(`/gestion/facturacion/reparto/${batchId}`, { batchId }))
    expect(page.recorded).toBe(3)
    expect(page.rows.filter((r) => r.late).map((r) => r.invoiceId)).toEqual([c])
  })
})
