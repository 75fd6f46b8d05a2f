/** Spanish names of job kinds and statuses for the staff pages (client-safe). Modules add their kinds here. */
export const JOB_KIND_LABELS: Record<string, string> = {
  'mail.deliver': 'Envío de correos',
  'jobs.cleanup': 'Limpieza de la cola de tareas',
  'billing.readings_import': 'Importación de lecturas',
  'billing.critica': 'Crítica de consumos',
  'billing.liquidate': 'Liquidación de facturación',
}

export const JOB_STATUS_LABELS: Record<string, string> = {
  queued: 'En cola',
  running: 'En proceso',
  succeeded: 'Terminada',
  failed: 'Falló',
  cancelled: 'Cancelada',
}

export function jobKindLabel(kind: string): string {
  return JOB_KIND_LABELS[kind] ?? kind
}
