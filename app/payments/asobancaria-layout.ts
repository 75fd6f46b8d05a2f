/**
 * Asobancaria 2001 recaudo layout (bank → biller), as data: one field table per record type and the code lists.
 * Source: ../shared/domain/formats.md §1.2–§1.8. Positions are 1-based as in the spec; every record is 162
 * characters. Kept as tables so that the 1998 / 2011 layouts can be added when a bank hands over its spec (§1.1).
 */

export const ASOBANCARIA_2001_LINE_LENGTH = 162

export const RECORD_TYPES = ['01', '05', '06', '08', '09'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** N = digits only, AN = free text, date = AAAAMMDD, time = HHMM, money = digits with 2 implied decimals. */
export type FieldKind = 'N' | 'AN' | 'date' | 'time' | 'money'

export interface FieldSpec {
  readonly key: string
  readonly start: number
  readonly length: number
  readonly kind: FieldKind
  /** Spanish name used in validation messages. */
  readonly label: string
}

const f = (key: string, start: number, length: number, kind: FieldKind, label: string): FieldSpec => ({
  key,
  start,
  length,
  kind,
  label,
})

export const LAYOUT_2001: Record<RecordType, readonly FieldSpec[]> = {
  // §1.3 file header
  '01': [
    f('nit', 3, 10, 'N', 'NIT de la empresa facturadora'),
    f('collectionDate', 13, 8, 'date', 'fecha de recaudo'),
    f('bankCode', 21, 3, 'N', 'código de la entidad recaudadora'),
    f('account', 24, 17, 'AN', 'número de cuenta'),
    f('generatedOn', 41, 8, 'date', 'fecha de generación del archivo'),
    f('generatedAt', 49, 4, 'time', 'hora de grabación'),
    f('modifier', 53, 1, 'AN', 'modificador de archivo'),
    f('accountType', 54, 2, 'N', 'tipo de cuenta'),
  ],
  // §1.4 lote header
  '05': [
    f('serviceCode', 3, 13, 'N', 'código del servicio recaudado'),
    f('lote', 16, 4, 'N', 'número de lote'),
  ],
  // §1.5 detail (one payment)
  '06': [
    f('reference', 3, 48, 'AN', 'referencia principal'),
    f('amount', 51, 14, 'money', 'valor recaudado'),
    f('procedencia', 65, 2, 'N', 'procedencia de pago'),
    f('medio', 67, 2, 'N', 'medio de pago'),
    f('operation', 69, 6, 'N', 'número de operación'),
    f('authorization', 75, 6, 'N', 'número de autorización'),
    f('debitBank', 81, 3, 'N', 'código de la entidad debitada'),
    f('branch', 84, 4, 'N', 'código de sucursal'),
    f('sequence', 88, 7, 'N', 'secuencia'),
    f('returnCause', 95, 3, 'AN', 'causal de devolución'),
  ],
  // §1.6 controls
  '08': [
    f('count', 3, 9, 'N', 'total de registros del lote'),
    f('total', 12, 18, 'money', 'valor total del lote'),
    f('lote', 30, 4, 'N', 'número de lote'),
  ],
  '09': [
    f('count', 3, 9, 'N', 'total de registros del archivo'),
    f('total', 12, 18, 'money', 'valor total del archivo'),
  ],
}

/** Spanish names of the record types, for messages. */
export const RECORD_NAMES: Record<RecordType, string> = {
  '01': 'encabezado de archivo (01)',
  '05': 'encabezado de lote (05)',
  '06': 'detalle de pago (06)',
  '08': 'control de lote (08)',
  '09': 'control de archivo (09)',
}

/** Which record may follow which (§1.2, as enforced by micros/asobancaria TextValidator). null = start of file. */
export const NEXT_RECORDS: Record<RecordType | 'start', readonly RecordType[]> = {
  start: ['01'],
  '01': ['05'],
  '05': ['06', '08'],
  '06': ['06', '08'],
  '08': ['05', '09'],
  '09': [],
}

/** §1.7 procedencia de pago. Banks and aggregators use unpublished extra codes: keep the raw code, show 'Otro'. */
export const PROCEDENCIA_LABELS: Readonly<Record<string, string>> = {
  '01': 'Bancos',
  '02': 'Corporación de ahorro y vivienda',
  '03': 'ACH Colombia (PSE)',
  '04': 'Ascredibanco (Credibanco)',
  '05': 'ATH',
  '06': 'Cenit',
  '07': 'Red Multicolor (Redeban)',
  '08': 'Servibanca',
}

/** §1.7 medio de pago. */
export const MEDIO_LABELS: Readonly<Record<string, string>> = {
  '01': 'Ventanilla – efectivo',
  '02': 'Ventanilla – cheque',
  '03': 'Buzón de autoservicio',
  '11': 'Débito a cuenta por audiorespuesta',
  '12': 'Débito a cuenta por cajero',
  '13': 'Débito a cuenta por datáfono',
  '14': 'Débito a cuenta por domiciliación',
  '15': 'Débito a cuenta por internet',
  '21': 'Tarjeta de crédito por audiorespuesta',
  '22': 'Tarjeta de crédito por cajero',
  '23': 'Tarjeta de crédito por datáfono',
  '24': 'Tarjeta de crédito por domiciliación',
  '25': 'Tarjeta de crédito por internet',
}

/** §1.8 bank codes seen in public samples; 040 is believed to be Banco Agrario (unconfirmed, §8). */
export const BANK_NAMES: Readonly<Record<string, string>> = {
  '001': 'Banco de Bogotá',
  '002': 'Banco Popular',
  '007': 'Bancolombia',
  '013': 'BBVA',
  '023': 'Banco de Occidente',
  '040': 'Banco Agrario',
  '051': 'Davivienda',
}

export interface CodeDescription {
  code: string
  label: string
  /** false for codes outside the published table: stored raw, displayed as 'Otro'. */
  known: boolean
}

function describe(table: Readonly<Record<string, string>>, code: string): CodeDescription {
  const label = table[code]
  return label ? { code, label, known: true } : { code, label: `Otro (${code})`, known: false }
}

export const describeProcedencia = (code: string): CodeDescription => describe(PROCEDENCIA_LABELS, code)
export const describeMedio = (code: string): CodeDescription => describe(MEDIO_LABELS, code)
export const describeBank = (code: string): CodeDescription => describe(BANK_NAMES, code)
