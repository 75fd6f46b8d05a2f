/**
 * The PQR filing and subscriber pages through their loaders and actions: public filing (honeypot, rate limit,
 * receipt link and PDF), the public lookup (no personal data), the portal filing with an attachment, "Mis PQR",
 * the file download (attachment only, owner or staff) and the counter.
 */
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { insertAccount, insertArea, insertPeriod } from '~/billing/ledger/test-fixtures.server'
import { db, rows } from '~/db.server'
import { insertIssuedInvoice, insertSubscriberUser } from '~/pqr/test-fixtures.server'
import { users } from '../../db/schema/auth'
import { pqrAttachments, pqrCases } from '../../db/schema/pqr'
import { action as counterAction } from './gestion.casos.radicar'
import { loader as fileLoader } from './archivos.$fileId'
import { loader as myCaseLoader } from './mi-cuenta.pqr.$caseId'
import { loader as myCasesLoader } from './mi-cuenta.pqr._index'
import { action as portalAction, loader as portalLoader } from './mi-cuenta.pqr.nueva'
import { loader as receiptLoader } from './pqr.constancia.$caseId'
import { loader as receiptPdfLoader } from './pqr.constancia.$caseId_.pdf'
import { action as lookupAction } from './pqr.consulta'
import { action as publicAction } from './pqr.radicar'

const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF')
let accountId: string
let invoice: { invoiceId: string; number: number }
let cookieA: string
let cookieB: string
let cookieAgent: string

beforeAll(async () => {
  const where = await insertArea(db, { band: 'above_2000' })
  const periodId = await insertPeriod(db, where.cycleId, '2026-01')
  accountId = await insertAccount(db, where)
  const other = await insertAccount(db, where)
  invoice = await insertIssuedInvoice(db, { accountId, periodId, issueOn: todayMinus(20), dueOn: todayMinus(5), charges: '60000.00' })
  const a = await insertSubscriberUser(db, [accountId])
  const b = await insertSubscriberUser(db, [other])
  const [agent] = await db.insert(users).values({ email: `agente-${randomUUID().slice(0, 6)}@example.com`, fullName: 'Agente', role: 'agent' }).returning()
  cookieA = (await createSession(a.userId)).split(';')[0]!
  cookieB = (await createSession(b.userId)).split(';')[0]!
  cookieAgent = (await createSession(agent!.id)).split(';')[0]!
})

function todayMinus(days: number): string {
  return new Date(Date.now() - 5 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10)
}

const args = (request: Request, params: Record<string, string> = {}, ip = '10.0.0.1') => ({ request, params, context: { requestId: 't', ip } })
const get = (url: string, cookie?: string) => new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} })
const post = (url: string, body: FormData, cookie?: string) =>
  new Request(`http://localhost${url}`, { method: 'POST', body, headers: cookie ? { cookie } : {} })

function form(values: Record<string, string>, files: File[] = []): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(values)) fd.append(k, v)
  for (const f of files) fd.append('attachments', f)
  return fd
}

const publicForm = (over: Record<string, string> = {}) =>
  form({
    idempotencyKey: randomUUID(),
    filerName: 'Luisa Gómez',
    filerDocumentType: 'CC',
    filerDocumentNumber: '52.123.456',
    filerEmail: 'luisa@example.com',
    typeCode: 'peticion',
    causalCode: 'OTROS',
    subject: 'Copia del contrato',
    description: 'Solicito una copia del contrato de condiciones uniformes.',
    website: '',
    ...over,
  })

async function thrown(fn: () => unknown): Promise<Response> {
  try {
    const result = await fn()
    return result as Response
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const parts: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) for (const item of (await (await pdf.getPage(i)).getTextContent()).items) if ('str' in item) parts.push(item.str)
  return parts.join(' ').replace(/[\s\u00a0]+/g, ' ')
}

describe('public filing', () => {
  test('files, redirects to the receipt with its secret; the receipt and its PDF open only with it', async () => {
    const response = await thrown(() => publicAction(args(post('/pqr/radicar', publicForm()), {}, '10.1.0.1')))
    expect(response.status).toBe(302)
    const location = response.headers.get('location')!
    const [, caseId, clave] = /^\/pqr\/constancia\/([0-9a-f-]+)\?clave=(.+)$/.exec(location)!
    const receipt = (await receiptLoader(args(get(location), { caseId: caseId! }))) as { receipt: { radicado: string; dueOn: string } }
    expect(receipt.receipt.radicado).toMatch(/^\d{4}-E-\d{6}$/)
    expect((await thrown(() => receiptLoader(args(get(`/pqr/constancia/${caseId}`), { caseId: caseId! })))).status).toBe(404)
    expect((await thrown(() => receiptLoader(args(get(`/pqr/constancia/${caseId}?clave=otra`), { caseId: caseId! })))).status).toBe(404)
    const pdf = await thrown(() => receiptPdfLoader(args(get(`/pqr/constancia/${caseId}/pdf?clave=${clave}`), { caseId: caseId! })))
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment;/)
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()))
    expect(text).toContain(receipt.receipt.radicado)
    expect(text).toContain('CONSTANCIA DE RADICACIÓN')
    expect(text).toContain('Luisa Gómez')
  })

  test('a filled honeypot is refused and nothing is filed', async () => {
    const fd = publicForm({ website: 'http://spam.example' })
    const key = fd.get('idempotencyKey') as string
    const response = (await publicAction(args(post('/pqr/radicar', fd), {}, '10.1.0.2'))) as { init: { status: number } }
    expect(response.init.status).toBe(400)
    expect(await db.select().from(pqrCases).where(eq(pqrCases.idempotencyKey, key))).toHaveLength(0)
  })

  test('no contact at all is refused with a Spanish message', async () => {
    const response = (await publicAction(args(post('/pqr/radicar', publicForm({ filerEmail: '' }))))) as { data: { result: { error: Record<string, string[]> } } }
    expect(JSON.stringify(response.data.result.error)).toContain('al menos un medio de contacto')
  })

  test('the sixth filing from one IP within the hour is refused (rate limit in PostgreSQL)', async () => {
    const ip = `10.9.${Math.floor(Math.random() * 200)}.1`
    for (let i = 0; i < 5; i++) expect((await thrown(() => publicAction(args(post('/pqr/radicar', publicForm()), {}, ip)))).status).toBe(302)
    const refused = (await publicAction(args(post('/pqr/radicar', publicForm()), {}, ip))) as { init: { status: number } }
    expect(refused.init.status).toBe(429)
  })
})

describe('public lookup', () => {
  test('radicado + document show the state and dates, never the name or texts; a wrong document finds nothing', async () => {
    const response = await thrown(() => publicAction(args(post('/pqr/radicar', publicForm({ filerDocumentNumber: '1015' })), {}, '10.1.0.3')))
    const caseId = /constancia\/([0-9a-f-]+)/.exec(response.headers.get('location')!)![1]!
    const [{ radicado }] = await rows<{ radicado: string }>(db, sql`select radicado from pqr_cases where id = ${caseId}`) as [{ radicado: string }]
    const found = (await lookupAction(args(post('/pqr/consulta', form({ radicado: radicado.toLowerCase(), documentNumber: '1015' })), {}, '10.2.0.1'))) as { found: Record<string, string> }
    expect(found.found).toMatchObject({ radicado, stateLabel: 'Radicada' })
    expect(JSON.stringify(found)).not.toContain('Luisa')
    expect(JSON.stringify(found)).not.toContain('luisa@example.com')
    const wrong = (await lookupAction(args(post('/pqr/consulta', form({ radicado, documentNumber: '9999' })), {}, '10.2.0.1'))) as { init: { status: number } }
    expect(wrong.init.status).toBe(404)
  })
})

describe('portal filing and Mis PQR', () => {
  test('a subscriber files a reclamo with a PDF attachment; it is listed, downloadable by them and staff only', async () => {
    const page = await portalLoader(args(get('/mi-cuenta/pqr/nueva', cookieA)))
    expect(page.invoices.map((i) => i.id)).toContain(invoice.invoiceId)
    const fd = form(
      {
        idempotencyKey: page.idempotencyKey,
        accountId,
        typeCode: 'reclamo',
        causalCode: '102',
        subject: 'Consumo muy alto en la factura',
        description: 'La lectura del medidor no corresponde con el consumo facturado este mes.',
        'claims[0].invoiceId': invoice.invoiceId,
        'claims[0].disputedAmount': '20.000',
        filerDocumentType: 'CC',
        filerDocumentNumber: '1020304050',
        electronicNotificationConsent: 'on',
      },
      [new File([PDF_BYTES], 'soporte.pdf', { type: 'text/html' })],
    )
    const response = await thrown(() => portalAction(args(post('/mi-cuenta/pqr/nueva', fd, cookieA))))
    expect(response.status).toBe(302)
    const caseId = /constancia\/([0-9a-f-]+)/.exec(response.headers.get('location')!)![1]!
    const c = (await db.select().from(pqrCases).where(eq(pqrCases.id, caseId)))[0]!
    expect(c).toMatchObject({ channel: 'portal', disputedAmount: '20000.00', electronicNotificationConsent: true })
    const list = await myCasesLoader(args(get('/mi-cuenta/pqr', cookieA)))
    expect(list.rows.map((r) => r.id)).toContain(caseId)
    expect((await myCasesLoader(args(get('/mi-cuenta/pqr', cookieB)))).rows.map((r) => r.id)).not.toContain(caseId)
    // The receipt opens without the link's secret for the owner and staff, not for another subscriber.
    expect(((await receiptLoader(args(get(`/pqr/constancia/${caseId}`, cookieA), { caseId }))) as { receipt: { id: string } }).receipt.id).toBe(caseId)
    expect(((await receiptLoader(args(get(`/pqr/constancia/${caseId}`, cookieAgent), { caseId }))) as { receipt: { id: string } }).receipt.id).toBe(caseId)
    expect((await thrown(() => receiptLoader(args(get(`/pqr/constancia/${caseId}`, cookieB), { caseId })))).status).toBe(404)
    const detail = await myCaseLoader(args(get(`/mi-cuenta/pqr/${caseId}`, cookieA), { caseId }))
    expect(detail.c.files.map((f) => f.name)).toEqual(['soporte.pdf'])
    expect(detail.nextStep).toContain('debe responder a más tardar')
    const [file] = await db.select().from(pqrAttachments).where(eq(pqrAttachments.caseId, caseId))
    const download = await thrown(() => fileLoader(args(get(`/archivos/${file!.fileId}`, cookieA), { fileId: file!.fileId })))
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf') // from the bytes, not the browser's claim
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="soporte.pdf"/)
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await thrown(() => fileLoader(args(get(`/archivos/${file!.fileId}`, cookieB), { fileId: file!.fileId })))).status).toBe(404)
    expect((await thrown(() => fileLoader(args(get(`/archivos/${file!.fileId}`, cookieAgent), { fileId: file!.fileId })))).status).toBe(200)
  })

  test('an image that is really HTML is refused with a message next to the form', async () => {
    const page = await portalLoader(args(get('/mi-cuenta/pqr/nueva', cookieA)))
    const fd = form(
      { idempotencyKey: page.idempotencyKey, accountId, typeCode: 'queja', causalCode: '315', subject: 'Mala atención', description: 'En la oficina no me atendieron a pesar de tener turno asignado.', filerDocumentType: 'CC', filerDocumentNumber: '1020304050' },
      [new File(['<script>alert(1)</script>'], 'foto.png', { type: 'image/png' })],
    )
    const response = (await portalAction(args(post('/mi-cuenta/pqr/nueva', fd, cookieA)))) as { init: { status: number }; data: { result: { error: Record<string, string[]> } } }
    expect(response.init.status).toBe(422)
    expect(JSON.stringify(response.data.result.error)).toContain('no es un PDF, JPG o PNG')
  })
})

describe('counter filing', () => {
  test('a written filing keeps its reception date', async () => {
    const fd = form({
      idempotencyKey: randomUUID(),
      channel: 'escrito',
      receivedOn: todayMinus(3),
      filerName: 'Jorge Ruiz',
      filerDocumentType: 'CC',
      filerDocumentNumber: '80111222',
      filerAddress: 'Carrera 5 # 4-10',
      typeCode: 'peticion',
      causalCode: 'OTROS',
      subject: 'Solicitud de visita técnica',
      description: 'Solicito una visita para revisar una posible fuga en el andén.',
    })
    const response = await thrown(() => counterAction(args(post('/gestion/casos/radicar', fd, cookieAgent))))
    expect(response.status).toBe(302)
    const caseId = /constancia\/([0-9a-f-]+)/.exec(response.headers.get('location')!)![1]!
    const c = (await db.select().from(pqrCases).where(eq(pqrCases.id, caseId)))[0]!
    expect(c).toMatchObject({ channel: 'escrito', filedOn: todayMinus(3) })
    expect(c.createdBy).not.toBeNull()
  })
})
