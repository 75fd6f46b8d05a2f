/** Spanish names of job kinds and statuses for the staff pages (client-safe). Modules add their kinds here. */
export const JOB_KIND_LABELS: Record<string, string> = {
  'mail.deliver': 'Envío de correos',
  'jobs.cleanup': 'Limpieza de la cola de tareas',
  'pqr.finalize': 'Cierre diario de notificaciones y decisiones en firme (PQR)',
  'billing.readings_import': 'Importación de lecturas',
  'billing.critica': 'Crítica de consumos',
  'billing.liquidate': 'Liquidación de facturación',
  'billing.invoice_emails': 'Envío de facturas electrónicas por correo',
  'billing.delivery_batch_pdf': 'PDF de un lote de reparto de facturas',
  'payments.bank_file_import': 'Importación de recaudo bancario (Asobancaria)',
  'payments.poll_attempts': 'Consulta del estado de pagos en línea pendientes',
  'pqr.silencio_sweep': 'Barrido de silencio administrativo positivo',
  'pqr.deadline_alerts': 'Alertas de vencimiento de PQR',
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
