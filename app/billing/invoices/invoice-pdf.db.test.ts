/**
 * The invoice PDF on a real issued invoice: its text (pdfjs-dist) carries every item of the minimum content
 * (colombia-rules.md §6.1), and the barcode image placed in it, pulled back out of the PDF and decoded with
 * zxing-wasm, is exactly the GS1-128 element string (formats.md §2.2).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, test } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { invoiceBarcode } from '~/documents/gs1-128'
import { db } from '~/db.server'
import { formatDate } from '~/utils/format'
import { meters, subscribers, accounts } from '../../../db/schema'
import { barcodeAmount, invoicePdf } from './document.server'
import { getInvoiceDetail, type InvoiceDetail } from './queries.server'
import { insertIssuedInvoices } from './test-fixtures.server'

const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
void prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(wasm).buffer }, fireImmediately: true })

/** All the text of a PDF, whitespace (including no-break spaces) collapsed. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const parts: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    for (const item of content.items) if ('str' in item) parts.push(item.str)
  }
  return parts.join(' ').replace(/[\s\u00a0]+/g, ' ')
}

/** The first RGB image XObject of the PDF as RGBA pixels (pdf-lib writes PNGs as Flate-compressed 8-bit RGB). */
async function extractImage(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const doc = await PDFDocument.load(bytes)
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue
    const dict: PDFDict = obj.dict
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image') || dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue
    const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber()
    const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber()
    const rgb = inflateSync(obj.contents)
    expect(rgb.length).toBe(width * height * 3)
    const data = new Uint8ClampedArray(width * height * 4)
    for (let p = 0; p < width * height; p++) {
      data[p * 4] = rgb[p * 3]!
      data[p * 4 + 1] = rgb[p * 3 + 1]!
      data[p * 4 + 2] = rgb[p * 3 + 2]!
      data[p * 4 + 3] = 255
    }
    return { width, height, data }
  }
  throw new Error('no image in the PDF')
}

let detail: InvoiceDetail
let text: string
let bytes: Uint8Array

beforeAll(async () => {
  const world = await insertIssuedInvoices(db, { months: 7, consumptions: [[12, 11, 13, 10, 12, 11, 17]] })
  const accountId = world.accountIds[0]!
  const [acc] = await db.select({ subscriberId: accounts.subscriberId }).from(accounts).where(eq(accounts.id, accountId))
  await db.update(subscribers).set({ correspondenceAddress: 'Apartado aéreo 4521, Zipaquirá' }).where(eq(subscribers.id, acc!.subscriberId))
  await db.insert(meters).values({ accountId, serial: 'MED-PDF-0042', brand: 'Itron', diameterIn: '1/2', installedOn: '2021-03-01' })
  detail = (await getInvoiceDetail(db, { accountIds: [accountId], invoiceId: world.invoiceIds[0]![6]! }))!
  bytes = await invoicePdf(detail)
  text = await pdfText(bytes)
})

describe('invoice PDF content (Ley 142 art. 148; CRA model CCU cl. 17)', () => {
  test('1–5: company and NIT; subscriber, account, meter, addresses, units; estrato and use; period and issue date', () => {
    for (const s of [
      'Aguas de la Sabana S.A. E.S.P.',
      'NIT 900.456.789-4',
      detail.subscriber.fullName,
      detail.account.number,
      'MED-PDF-0042',
      detail.premise.address,
      'Apartado aéreo 4521, Zipaquirá',
      'Unidades residenciales: 1',
      'Unidades no residenciales: 0',
      'Residencial, estrato 2',
      'julio 2026',
      `Fecha de expedición: ${formatDate(detail.invoice.issueOn)}`,
    ])
      expect(text).toContain(s)
  })

  test('6 and 8: every line with its unit charge per range, cargo fijo, subsidy; connection charges stated', () => {
    for (const l of detail.lines) expect(text).toContain(l.description)
    expect(text).toMatch(/Acueducto: cargo fijo/)
    expect(text).toMatch(/11 m³ × \$ [\d.]+/) // the basic range at its unit price
    expect(text).toMatch(/subsidio/)
    expect(text).toContain('Cargos de conexión, suspensión, reconexión o reinstalación: no hay en este periodo.')
  })

  test('7, 9, 10: payment places, readings and basis, the last 6 periods; due, suspension, previous balance', () => {
    expect(text).toContain('Lugares y medios de pago')
    expect(text).toContain('bancos y corresponsales bancarios')
    expect(text).toContain('Lectura anterior: 1000')
    expect(text).toContain('Lectura actual: 1017')
    expect(text).toContain('Medido: diferencia entre las lecturas del medidor')
    expect(text).toContain('Comparación con los últimos 6 periodos')
    for (const month of ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio']) expect(text).toContain(`${month} 2026`)
    expect(text).toContain(`Pago oportuno hasta: ${formatDate(detail.invoice.dueOn)}`)
    expect(text).toContain(`Fecha de suspensión: ${formatDate(detail.invoice.suspensionOn)}`)
    expect(text).toContain('Saldo anterior')
    expect(text).toContain('TOTAL A PAGAR')
    expect(text).toContain('Su consumo subió 6 m³')
  })

  test('the barcode in the PDF decodes to exactly the invoice’s GS1-128 element string, printed under it', async () => {
    const expected = invoiceBarcode({ gln: detail.area.gln, paymentReference: detail.invoice.paymentReference, amount: barcodeAmount(detail.invoice.totalToPay), dueDate: detail.invoice.dueOn })
    expect(expected.hri).toMatch(/^\(415\)\d{13}\(8020\)\d{10}\(3900\)\d{12}\(96\)20260821$/) // the shape of the §2.2 worked example
    expect(text).toContain(expected.hri)
    const [result, ...rest] = await readBarcodes((await extractImage(bytes)) as unknown as ImageData, { formats: ['Code128'], textMode: 'Plain' })
    expect(rest).toHaveLength(0)
    expect(result!.symbologyIdentifier).toBe(']C1')
    expect(result!.text).toBe(expected.scanned)
  })

  test('the DUPLICADO variant says so', async () => {
    const copy = await pdfText(await invoicePdf(detail, { duplicate: true }))
    expect(copy).toContain('DUPLICADO')
    expect(text).not.toContain('DUPLICADO')
  })
})
