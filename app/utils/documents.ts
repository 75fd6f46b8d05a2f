/**
 * Colombian identity documents: the DIAN document-type list (domain/formats.md §6.1) and the NIT check digit (§6.2).
 * The abbreviations are the values of the `document_type` enum in db/schema/premises.ts (a test keeps them equal).
 */
export const DOCUMENT_TYPE_LIST = [
  { code: '11', abbreviation: 'RC', label: 'Registro civil' },
  { code: '12', abbreviation: 'TI', label: 'Tarjeta de identidad' },
  { code: '13', abbreviation: 'CC', label: 'Cédula de ciudadanía' },
  { code: '21', abbreviation: 'TE', label: 'Tarjeta de extranjería' },
  { code: '22', abbreviation: 'CE', label: 'Cédula de extranjería' },
  { code: '31', abbreviation: 'NIT', label: 'NIT' },
  { code: '41', abbreviation: 'PA', label: 'Pasaporte' },
  { code: '42', abbreviation: 'DE', label: 'Documento de identificación extranjero' },
  { code: '47', abbreviation: 'PEP', label: 'Permiso especial de permanencia' },
  { code: '48', abbreviation: 'PPT', label: 'Permiso por protección temporal' },
  { code: '50', abbreviation: 'NITE', label: 'NIT de otro país' },
  { code: '91', abbreviation: 'NUIP', label: 'NUIP' },
] as const

export type DocumentTypeAbbreviation = (typeof DOCUMENT_TYPE_LIST)[number]['abbreviation']

export function documentTypeLabel(abbreviation: DocumentTypeAbbreviation): string {
  return DOCUMENT_TYPE_LIST.find((d) => d.abbreviation === abbreviation)?.label ?? abbreviation
}

// DIAN Orden Administrativa 4/1989; Res. 000019/2003 art. 5: prime weights applied right to left.
const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const

/** The DV of a NIT given without it (digits only, up to 15). */
export function nitCheckDigit(nit: string): string {
  if (!/^\d{1,15}$/.test(nit)) throw new Error(`NIT inválido: ${nit}`)
  let sum = 0
  const digits = nit.split('').reverse()
  digits.forEach((d, i) => {
    sum += Number(d) * (NIT_WEIGHTS[i] ?? 0)
  })
  const r = sum % 11
  return String(r <= 1 ? r : 11 - r)
}

export function isValidNit(nit: string, checkDigit: string): boolean {
  return /^\d{1,15}$/.test(nit) && /^\d$/.test(checkDigit) && nitCheckDigit(nit) === checkDigit
}

/** '900123456', '8' → '900.123.456-8' (thousands separated by dots, es-CO). */
export function formatNit(nit: string, checkDigit?: string | null): string {
  const grouped = nit.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return checkDigit ? `${grouped}-${checkDigit}` : grouped
}
