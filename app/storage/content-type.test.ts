import { describe, expect, test } from 'vitest'
import { attachmentDisposition, detectContentType, safeFileName } from './content-type'

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s))

describe('detectContentType reads the content, not the name', () => {
  test.each([
    ['a PDF', bytes('%PDF-1.7\n...'), 'application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['HTML', bytes('<html><script>alert(1)</script>'), null],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e]), null],
    ['an empty file', bytes([]), null],
    ['a GIF', bytes('GIF89a'), null],
  ])('%s', (_label, data, expected) => {
    expect(detectContentType(data)).toBe(expected)
  })
})

describe('file names', () => {
  test('the extension follows the detected type and paths are dropped', () => {
    expect(safeFileName('../../etc/factura.html', 'application/pdf')).toBe('factura.pdf')
    expect(safeFileName('C:\\fotos\\medidor.JPEG', 'image/jpeg')).toBe('medidor.jpg')
    expect(safeFileName('', 'image/png')).toBe('archivo.png')
  })

  test('Content-Disposition is always an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('recibo año "1".pdf')).toBe(
      `attachment; filename="recibo ano 1.pdf"; filename*=UTF-8''recibo%20a%C3%B1o%20%221%22.pdf`,
    )
  })
})
