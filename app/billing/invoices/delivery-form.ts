/**
 * Parses the delivery results form (one select, date and note per invoice: `resultado.<id>`, `fecha.<id>`,
 * `nota.<id>`). Rows left without a result are skipped; a result without a valid date, or a date in the future, is an
 * error in Spanish naming the invoice, and nothing is saved. Pure.
 */
import { z } from 'zod'
import { addCalendarDays } from '~/calendar/business-days'
import type { DeliveryResult } from './delivery.server'

/**
 * A delivery later than `minDays` calendar days before pago oportuno (colombia-rules.md §6.1: the invoice reaches the
 * user at least 5 days before; a late one may excuse the late-payment penalty). Calendar days until confirmed.
 */
export function deliveredLate(deliveredOn: string, dueOn: string, minDays: number): boolean {
  return deliveredOn > addCalendarDays(dueOn, -minDays)
}

const Row = z.object({
  invoiceId: z.uuid(),
  result: z.enum(['delivered', 'returned']),
  deliveredOn: z.iso.date('Escriba la fecha como AAAA-MM-DD.'),
  note: z.string().trim().max(500, 'La nota admite hasta 500 caracteres.').nullable(),
})

export function parseDeliveryForm(
  form: Iterable<[string, FormDataEntryValue]>,
  opts: { today: string; labelOf: (invoiceId: string) => string },
): { ok: true; results: DeliveryResult[] } | { ok: false; errors: string[] } {
  const fields = new Map<string, string>()
  for (const [k, v] of form) if (typeof v === 'string') fields.set(k, v)
  const results: DeliveryResult[] = []
  const errors: string[] = []
  for (const [key, value] of fields) {
    if (!key.startsWith('resultado.') || value === '') continue
    const invoiceId = key.slice('resultado.'.length)
    const label = opts.labelOf(invoiceId)
    const parsed = Row.safeParse({ invoiceId, result: value, deliveredOn: fields.get(`fecha.${invoiceId}`) ?? '', note: fields.get(`nota.${invoiceId}`) || null })
    if (!parsed.success) {
      errors.push(`${label}: ${parsed.error.issues[0]?.message ?? 'datos no válidos'}`)
      continue
    }
    if (parsed.data.deliveredOn > opts.today) {
      errors.push(`${label}: la fecha no puede ser posterior a hoy.`)
      continue
    }
    results.push(parsed.data)
  }
  if (errors.length > 0) return { ok: false, errors }
  if (results.length === 0) return { ok: false, errors: ['Elija el resultado de al menos una factura.'] }
  return { ok: true, results }
}
