/**
 * A small flowing-text writer over pdf-lib for printed documents: word-wrapped paragraphs, two-column rows
 * (label … value) and page breaks. The standard fonts only draw WinAnsi (Spanish accents, ñ, ³ and « » are there);
 * anything else becomes '?', so a stray character never breaks a document.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib'

export const LETTER: [number, number] = [612, 792]
export const INK = rgb(0.1, 0.1, 0.1)
export const MUTED = rgb(0.33, 0.33, 0.33)
export const BRAND = rgb(0.04, 0.31, 0.54)

export type Writer = {
  doc: PDFDocument
  page: PDFPage
  y: number
  font: PDFFont
  bold: PDFFont
  margin: number
  /** Called on every new page (e.g. to stamp DUPLICADO). */
  onPage?: (page: PDFPage, w: Writer) => void
}

export async function newWriter(doc: PDFDocument, opts: { margin?: number; onPage?: Writer['onPage'] } = {}): Promise<Writer> {
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const w = { doc, font, bold, margin: opts.margin ?? 40, onPage: opts.onPage } as Writer
  newPage(w)
  return w
}

export function newPage(w: Writer) {
  w.page = w.doc.addPage(LETTER)
  w.y = LETTER[1] - w.margin
  w.onPage?.(w.page, w)
}

export const contentWidth = (w: Writer) => LETTER[0] - 2 * w.margin

export function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet())
  return [...text.replace(/\t/g, ' ')].map((ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?')).join('')
}

export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate
      else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
  }
  return lines
}

/** Makes room for `height` points, starting a new page when the current one is full. */
export function ensure(w: Writer, height: number) {
  if (w.y - height < w.margin) newPage(w)
}

type TextOpts = { size?: number; bold?: boolean; color?: RGB; gapAfter?: number; indent?: number }

export function paragraph(w: Writer, text: string, opts: TextOpts = {}) {
  const size = opts.size ?? 9
  const font = opts.bold ? w.bold : w.font
  const indent = opts.indent ?? 0
  const lineHeight = size * 1.3
  for (const line of wrap(font, drawable(font, text), size, contentWidth(w) - indent)) {
    ensure(w, lineHeight)
    w.y -= lineHeight
    if (line) w.page.drawText(line, { x: w.margin + indent, y: w.y, size, font, color: opts.color ?? INK })
  }
  w.y -= opts.gapAfter ?? 3
}

export function heading(w: Writer, text: string) {
  ensure(w, 30)
  w.y -= 6
  paragraph(w, text, { size: 10.5, bold: true, color: BRAND, gapAfter: 2 })
  w.page.drawLine({ start: { x: w.margin, y: w.y }, end: { x: LETTER[0] - w.margin, y: w.y }, thickness: 0.5, color: BRAND })
  w.y -= 3
}

/** One row: left text wrapped in the first part of the line, right text aligned to the right edge. */
export function row(w: Writer, left: string, right: string, opts: { size?: number; bold?: boolean; sub?: string } = {}) {
  const size = opts.size ?? 9
  const font = opts.bold ? w.bold : w.font
  const rightText = drawable(font, right)
  const rightWidth = font.widthOfTextAtSize(rightText, size)
  const lines = wrap(font, drawable(font, left), size, contentWidth(w) - rightWidth - 12)
  const subLines = opts.sub ? wrap(w.font, drawable(w.font, opts.sub), size - 1.5, contentWidth(w) - rightWidth - 24) : []
  const lineHeight = size * 1.3
  ensure(w, lineHeight * (lines.length + subLines.length))
  lines.forEach((line, i) => {
    w.y -= lineHeight
    w.page.drawText(line, { x: w.margin, y: w.y, size, font, color: INK })
    if (i === 0) w.page.drawText(rightText, { x: LETTER[0] - w.margin - rightWidth, y: w.y, size, font, color: INK })
  })
  for (const sub of subLines) {
    w.y -= (size - 1.5) * 1.3
    w.page.drawText(sub, { x: w.margin + 10, y: w.y, size: size - 1.5, font: w.font, color: MUTED })
  }
  w.y -= 2
}

/** "Label: value" pairs in two columns per line, for the header facts. */
export function facts(w: Writer, pairs: Array<[string, string]>, size = 8.5) {
  const half = contentWidth(w) / 2
  for (let i = 0; i < pairs.length; i += 2) {
    const cells = pairs.slice(i, i + 2).map(([label, value]) => wrap(w.font, drawable(w.font, `${label}: ${value}`), size, half - 8))
    const height = Math.max(...cells.map((c) => c.length)) * size * 1.3
    ensure(w, height)
    cells.forEach((lines, col) =>
      lines.forEach((line, j) => {
        const colon = line.indexOf(':')
        const x = w.margin + col * half
        const y = w.y - (j + 1) * size * 1.3
        if (j === 0 && colon > 0) {
          const label = line.slice(0, colon + 1)
          w.page.drawText(label, { x, y, size, font: w.bold, color: INK })
          w.page.drawText(line.slice(colon + 1), { x: x + w.bold.widthOfTextAtSize(label, size), y, size, font: w.font, color: INK })
        } else w.page.drawText(line, { x, y, size, font: w.font, color: INK })
      }),
    )
    w.y -= height + 1
  }
}
