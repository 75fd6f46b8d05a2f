import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { gs1CheckDigit } from '~/utils/check-digits'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import {
  checkAiPairs,
  humanReadable,
  invoiceBarcode,
  isValidGln,
  renderGs1128Png,
  renderGs1128Svg,
  scannerData,
} from './gs1-128'

// formats.md §2.2 worked example.
const EXAMPLE = {
  gln: '7709998039933',
  paymentReference: '0000123456',
  amount: '85400.00',
  dueDate: '2025-03-15',
}
const HRI = '(415)7709998039933(8020)0000123456(3900)000000085400(96)20250315'
const SCANNED = '415770999803993380200000123456\u001d3900000000085400\u001d9620250315'

// Load the decoder's wasm from node_modules: no network during tests.
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
void prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(wasm).buffer }, fireImmediately: true })

describe('GLN check digit (GS1 mod-10)', () => {
  it.each(['7709998039933', '7709998776913', '7709998454712'])('accepts the real GLN %s (§2.1)', (gln) => {
    expect(gs1CheckDigit(gln.slice(0, 12))).toBe(gln[12])
    expect(isValidGln(gln)).toBe(true)
  })

  it('refuses a wrong check digit, a short GLN and letters', () => {
    expect(isValidGln('7709998039934')).toBe(false)
    expect(isValidGln('770999803993')).toBe(false)
    expect(isValidGln('770999803993A')).toBe(false)
  })
})

describe('invoiceBarcode', () => {
  it('builds the §2.2 human-readable text and scanner data exactly', () => {
    const barcode = invoiceBarcode(EXAMPLE)
    expect(barcode.hri).toBe(HRI)
    expect(barcode.scanned).toBe(SCANNED)
    expect(barcode.elements.map((e) => e.ai)).toEqual(['415', '8020', '3900', '96'])
  })

  it('accepts whole pesos written with or without decimals', () => {
    expect(invoiceBarcode({ ...EXAMPLE, amount: '85400' }).hri).toBe(HRI)
    expect(invoiceBarcode({ ...EXAMPLE, amount: '0' }).elements[2]!.data).toBe('000000000000')
  })

  it('refuses a bad GLN, centavos, a bad due date and a non-numeric reference', () => {
    expect(() => invoiceBarcode({ ...EXAMPLE, gln: '7709998039934' })).toThrow(
      /El GLN «7709998039934» no es válido/,
    )
    expect(() => invoiceBarcode({ ...EXAMPLE, amount: '85400.50' })).toThrow(/sin centavos/)
    expect(() => invoiceBarcode({ ...EXAMPLE, amount: '-1' })).toThrow()
    expect(() => invoiceBarcode({ ...EXAMPLE, amount: '1000000000000' })).toThrow(/excede 12 dígitos/)
    expect(() => invoiceBarcode({ ...EXAMPLE, dueDate: '2025-02-30' })).toThrow(/fecha de vencimiento/)
    expect(() => invoiceBarcode({ ...EXAMPLE, paymentReference: 'FAC-1' })).toThrow(/referencia de pago/)
  })

  it('requires (415) and (8020) together', () => {
    expect(() => checkAiPairs([{ ai: '8020', data: '1' }])).toThrow(/\(415\) y \(8020\)/)
    expect(() => checkAiPairs([{ ai: '415', data: EXAMPLE.gln }])).toThrow()
    expect(() => checkAiPairs([{ ai: '3900', data: '1' }])).not.toThrow()
  })

  it('puts no separator after the fixed-length (415) nor at the end', () => {
    const els = [
      { ai: '8020', data: '12' },
      { ai: '415', data: EXAMPLE.gln },
      { ai: '96', data: '20250315' },
    ]
    expect(humanReadable(els)).toBe('(8020)12(415)7709998039933(96)20250315')
    expect(scannerData(els)).toBe('802012\u001d4157709998039933' + '9620250315')
  })
})

describe('rendering with bwip-js', () => {
  it('renders an SVG', () => {
    const svg = renderGs1128Svg(HRI)
    expect(svg).toMatch(/^<svg [^>]*viewBox=/)
    expect(svg).toContain('<path')
  })

  it('bwip-js itself refuses a bad GLN checksum', async () => {
    await expect(renderGs1128Png(HRI.replace('7709998039933', '7709998039934'))).rejects.toThrow(
      /GS1badChecksum/,
    )
  })

  it('renders a PNG that decodes back to the §2.2 element string (zxing-wasm)', async () => {
    const png = await renderGs1128Png(invoiceBarcode(EXAMPLE).hri, { scale: 3 })
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
    const [result, ...rest] = await readBarcodes(new Uint8Array(png), {
      formats: ['Code128'],
      textMode: 'Plain',
    })
    expect(rest).toHaveLength(0)
    expect(result!.symbologyIdentifier).toBe(']C1')
    expect(result!.text).toBe(SCANNED)
  })
})
