/** Work orders a PQR case may order, and their Spanish labels (client-safe). */
import type { WORK_ORDER_KINDS } from '../../db/schema/service'

export const CASE_WORK_ORDER_KINDS = [
  'deviation_visit',
  'reading_check',
  'meter_check',
  'other',
] as const satisfies readonly (typeof WORK_ORDER_KINDS)[number][]
export type CaseWorkOrderKind = (typeof CASE_WORK_ORDER_KINDS)[number]

export const WORK_ORDER_LABELS: Record<string, string> = {
  deviation_visit: 'Visita por desviación de consumo',
  reading_check: 'Verificación de lectura',
  meter_check: 'Revisión del medidor',
  suspension: 'Suspensión',
  reinstatement: 'Reconexión',
  other: 'Otra visita o prueba',
}

export const WORK_ORDER_STATUS_LABELS: Record<string, string> = {
  open: 'Pendiente',
  scheduled: 'Programada',
  done: 'Realizada',
  cancelled: 'Cancelada',
}
