/**
 * Client-safe shapes of the suspicious online payments screen: gateway attempts whose event was refused and flagged
 * (amount or currency not matching the attempt, another transaction for a paid reference; apply-transaction.server.ts)
 * and the review collections staff record on each.
 */
import { z } from 'zod'

export const FLAG_FILTERS = ['pending', 'reviewed'] as const
export type FlagFilter = (typeof FLAG_FILTERS)[number]

export const FLAG_FILTER_LABELS: Record<FlagFilter, string> = {
  pending: 'Por revisar',
  reviewed: 'Revisados',
}

export const ATTEMPT_STATUS_LABELS: Record<string, string> = {
  created: 'Creado (sin pagar)',
  pending: 'En proceso en la pasarela',
  approved: 'Aprobado',
  declined: 'Rechazado',
  voided: 'Anulado',
  error: 'Error en la pasarela',
}

export const GATEWAY_EVENT_OUTCOME_LABELS: Record<string, string> = {
  applied: 'Aplicado',
  duplicate: 'Repetido',
  refused: 'Rechazado',
  flagged: 'Marcado como sospechoso',
  ignored: 'Sin efecto',
}

export const ReviewFlagSchema = z.object({
  note: z
    .string({ error: 'Escriba una nota con lo que revisó.' })
    .trim()
    .min(10, 'Escriba una nota con lo que revisó (al menos 10 caracteres).')
    .max(1000, 'La nota no puede pasar de 1.000 caracteres.'),
})
export type ReviewFlag = z.infer<typeof ReviewFlagSchema>
