/**
 * The GS1-128 collection barcode printed on every invoice, as Colombian banks and corresponsales read it
 * (../shared/domain/formats.md §2): (415) GLN of the biller · (8020) payment reference · (3900) amount in pesos ·
 * (96) due date AAAAMMDD. Builds the element string, its human-readable text (HRI) and the data a scanner
 * transmits, and renders PNG/SVG with bwip-js (bcid 'gs1-128').
 *
 * Choices (to confirm with each bank's convenio spec, §2.1 [U]):
 * - (3900) is zero-padded to 12 digits (pesos up to 999 999 999 999; the §2.2 worked example uses 12). GS1 allows up to
 *   15 digits, so padding is legal. Only whole pesos: 3900 means no decimals, and invoices are rounded to the peso.
 * - Every value is numeric and even-length per segment, so the symbol stays in Code Set C (§2.2, shortest bars).
 * - documents sits before billing in the dependency order (STYLE.md §1), so it takes plain strings and has its own
 *   GS1 mod-10 check.
 */
// The Node build explicitly: PNG output needs it, and it keeps this module out of browser bundles.
import { toBuffer, toSVG } from 'bwip-js/node'
import { DomainError } from '~/utils/errors'
import { gs1CheckDigit } from '~/utils/check-digits'

export type BarcodeErrorCode = 'documents/invalid_barcode'
const invalid = (message: string) => new DomainError<BarcodeErrorCode>('documents/invalid_barcode', message)

export const AMOUNT_DIGITS = 12

export function isValidGln(gln: string): boolean {
  return /^\d{13}$/.test(gln) && gs1CheckDigit(gln.slice(0, 12)) === gln[12]
}

export interface Gs1Element {
  ai: string
  data: string
}

/** AIs with a pre-defined length take no FNC1 separator after them (GS1 General Specifications, table 7.8-1). */
const FIXED_LENGTH_AIS = new Set(['415'])

/**
 * Our own pairing check: bwip-js validates the GLN checksum but accepts (8020) without (415) (§2.3), and GS1 says
 * each requires the other.
 */
export function checkAiPairs(elements: readonly Gs1Element[]): void {
  const ais = new Set(elements.map((e) => e.ai))
  if (ais.has('415') !== ais.has('8020'))
    throw invalid('Los identificadores (415) y (8020) del código de barras deben ir juntos')
}

/** `(415)7709998039933(8020)…`: AIs in parentheses, FNC1 never printed. */
export function humanReadable(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.data}`).join('')
}

/** What a scanner transmits after the `]C1` symbology identifier: GS (0x1D) after each variable field but the last. */
export function scannerData(elements: readonly Gs1Element[]): string {
  return elements
    .map((e, i) => e.ai + e.data + (i < elements.length - 1 && !FIXED_LENGTH_AIS.has(e.ai) ? '\u001d' : ''))
    .join('')
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export interface InvoiceBarcodeInput {
  /** GLN of the biller (13 digits with a valid GS1 check digit). */
  gln: string
  /** The invoice's payment reference (digits, up to 25: AI 8020 is X..25). */
  paymentReference: string
  /** Amount to pay as a decimal string; must be whole pesos ('85400' or '85400.00'). */
  amount: string
  /** Pago oportuno date, IsoDate 'YYYY-MM-DD'. */
  dueDate: string
}

/** The four elements of the invoice barcode, validated; throws DomainError with a Spanish message. */
export function invoiceBarcodeElements(input: InvoiceBarcodeInput): Gs1Element[] {
  if (!isValidGln(input.gln))
    throw invalid(
      `El GLN «${input.gln}» no es válido: debe tener 13 dígitos y un dígito de control GS1 correcto`,
    )
  if (!/^\d{1,25}$/.test(input.paymentReference))
    throw invalid(`La referencia de pago «${input.paymentReference}» debe tener entre 1 y 25 dígitos`)
  const amount = /^(\d+)(?:\.0+)?$/.exec(input.amount.trim())
  if (!amount) throw invalid(`El valor «${input.amount}» debe ser un número entero de pesos, sin centavos`)
  const pesos = amount[1]!.replace(/^0+(?=\d)/, '')
  if (pesos.length > AMOUNT_DIGITS)
    throw invalid(`El valor «${input.amount}» excede ${AMOUNT_DIGITS} dígitos`)
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.dueDate)
  if (!date || !isRealDate(Number(date[1]), Number(date[2]), Number(date[3])))
    throw invalid(`La fecha de vencimiento «${input.dueDate}» no es válida (AAAA-MM-DD)`)
  const elements = [
    { ai: '415', data: input.gln },
    { ai: '8020', data: input.paymentReference },
    { ai: '3900', data: pesos.padStart(AMOUNT_DIGITS, '0') },
    // AI 96 is company-internal in GS1; the due date in it is a Colombian banking convention (§2.1).
    { ai: '96', data: date[1]! + date[2]! + date[3]! },
  ]
  checkAiPairs(elements)
  return elements
}

export interface InvoiceBarcode {
  elements: Gs1Element[]
  hri: string
  scanned: string
}

export function invoiceBarcode(input: InvoiceBarcodeInput): InvoiceBarcode {
  const elements = invoiceBarcodeElements(input)
  return { elements, hri: humanReadable(elements), scanned: scannerData(elements) }
}

export interface RenderOptions {
  /** Module width in pixels (PNG) or units (SVG). */
  scale?: number
  /** Bar height in millimetres. */
  heightMm?: number
  /** Print the HRI under the bars (the invoice layout may print it itself). */
  includeText?: boolean
}

function bwipOptions(hri: string, options: RenderOptions) {
  return {
    bcid: 'gs1-128',
    text: hri,
    scale: options.scale ?? 2,
    height: options.heightMm ?? 15,
    includetext: options.includeText ?? true,
    textxalign: 'center' as const,
    // Code 128 needs a quiet zone of at least 10 modules each side; scanners fail without it.
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  }
}

/** PNG image of the barcode (server-side: bwip-js's Node build). */
export function renderGs1128Png(hri: string, options: RenderOptions = {}): Promise<Buffer> {
  return toBuffer(bwipOptions(hri, options))
}

export function renderGs1128Svg(hri: string, options: RenderOptions = {}): string {
  return toSVG(bwipOptions(hri, options))
}
