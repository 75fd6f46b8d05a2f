/**
 * Client-safe shapes of the bank-collection screens (Asobancaria files, pagos por identificar, devoluciones): the
 * import report stored on each file, the forms' zod schemas and the catalogue of causales de devolución.
 */
import { z } from 'zod'

/** What an import did, stored as bank_files.report and shown on the file's report page. */
export type BankFileReport = {
  /** Structural errors: the whole file was refused and nothing applied (a wrong lote total names its lote). */
  errors: Array<{ line: number; message: string }>
  applied: number
  appliedAmount: string
  /** Lines recognised as payments the gateway had already reported: not applied again. */
  duplicates: number
  duplicateAmount: string
  unidentified: number
  unidentifiedAmount: string
  /** Lines not applied (a causal de devolución from the bank, a zero amount). */
  rejected: number
  /** Line lists, the first REPORT_LIST_LIMIT of each (the counts above are complete). */
  duplicateLines: Array<{ line: number; reference: string; amount: string; paymentId: string }>
  rejectedLines: Array<{ line: number; reason: string }>
  /** Payments per raw procedencia-medio code pair (unknown codes are kept as they came, formats.md §1.7). */
  channels: Record<string, number>
  lotes: Array<{ number: number; line: number; count: number; amount: string }>
}

export const REPORT_LIST_LIMIT = 2000

export const BANK_FILE_STATUS_LABELS: Record<string, string> = {
  queued: 'En cola',
  running: 'Importando',
  applied: 'Aplicado',
  rejected: 'Rechazado',
  failed: 'Falló',
}

export const UNIDENTIFIED_FILTERS = ['pending', 'assigned', 'returned'] as const
export type UnidentifiedFilter = (typeof UNIDENTIFIED_FILTERS)[number]

export const UNIDENTIFIED_STATUS_LABELS: Record<string, string> = {
  pending: 'Por identificar',
  assigned: 'Asignado',
  returned: 'Devuelto al pagador',
}

export const UNIDENTIFIED_REASON_LABELS: Record<string, string> = {
  check_digit: 'La referencia no tiene un dígito de verificación válido',
  unknown_reference: 'Ninguna factura expedida tiene esta referencia',
}

/**
 * Causales de devolución a staff can record when the bank takes back money it had reported (a bounced cheque, a
 * reversed debit). Asobancaria publishes no official list (formats.md §1.5, §8: unconfirmed); these follow the
 * ACH Colombia return reasons banks quote, plus "otra" for anything else the bank writes in its notice.
 */
export const BANK_RETURN_CAUSES = [
  { code: 'R01', label: 'Fondos insuficientes' },
  { code: 'R02', label: 'Cuenta cancelada' },
  { code: 'R03', label: 'Cuenta inexistente o no abierta' },
  { code: 'R04', label: 'Número de cuenta inválido' },
  { code: 'R08', label: 'Pago detenido por el titular' },
  { code: 'R16', label: 'Cuenta embargada o bloqueada' },
  { code: 'CHD', label: 'Cheque devuelto' },
  { code: 'OTR', label: 'Otra causal informada por el banco' },
] as const
export type BankReturnCauseCode = (typeof BANK_RETURN_CAUSES)[number]['code']
const CAUSE_CODES = BANK_RETURN_CAUSES.map((c) => c.code) as [BankReturnCauseCode, ...BankReturnCauseCode[]]

export function bankReturnCauseLabel(code: string): string {
  return BANK_RETURN_CAUSES.find((c) => c.code === code)?.label ?? code
}

const uuid = z.uuid('El pago indicado no existe.')
const confirm = z.literal('si', { error: 'Marque la casilla para confirmar.' })

export const LookupAccountSchema = z.object({
  intent: z.literal('lookup'),
  accountNumber: z.string({ error: 'Escriba el número de cuenta.' }).trim().min(1, 'Escriba el número de cuenta.').max(30, 'El número de cuenta es demasiado largo.'),
})

export const AssignUnidentifiedSchema = LookupAccountSchema.extend({ intent: z.literal('assign'), confirm })

export const ReturnUnidentifiedSchema = z.object({
  intent: z.literal('return'),
  reason: z.string({ error: 'Escriba el motivo de la devolución.' }).trim().min(5, 'Escriba el motivo de la devolución (al menos 5 caracteres).').max(500, 'El motivo no puede pasar de 500 caracteres.'),
  confirm,
})

export const UnidentifiedActionSchema = z.discriminatedUnion('intent', [LookupAccountSchema, AssignUnidentifiedSchema, ReturnUnidentifiedSchema])

export const BankReturnSchema = z.object({
  paymentId: uuid,
  cause: z.enum(CAUSE_CODES, { error: 'Elija la causal de devolución.' }),
  note: z.string().trim().max(500, 'La nota no puede pasar de 500 caracteres.').optional(),
  confirm,
})
