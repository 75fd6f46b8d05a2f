/**
 * Extension of the answer term (Ley 142 de 1994 art. 158; colombia-rules.md §1.2), client-safe: the reasons the
 * article accepts, the form schemas, and the pure checks. The CPACA art. 14 generic extension is NOT a reason here:
 * the SSPD treats Ley 142 as the special rule (§1.2), so only art. 158's exceptions may move the deadline.
 */
import { z } from 'zod'
import type { IsoDate } from '~/calendar/business-days'
import { DomainError, fail, ok, type Result } from '~/utils/errors'

/** Art. 158: "…que se requiera la práctica de pruebas" or the user caused the delay. A visit is evidence ordered. */
export const EXTENSION_REASONS = ['pruebas', 'visita', 'demora_usuario'] as const
export type ExtensionReason = (typeof EXTENSION_REASONS)[number]

export const EXTENSION_REASON_LABELS: Record<ExtensionReason, string> = {
  pruebas: 'Práctica de pruebas ordenada',
  visita: 'Visita técnica ordenada',
  demora_usuario: 'Demora causada por el usuario',
}

export const RequestExtensionSchema = z.object({
  reason: z.enum(EXTENSION_REASONS, { error: 'Elija un motivo que permita ampliar el término (art. 158).' }),
  businessDays: z.coerce
    .number({ error: 'Escriba el número de días hábiles.' })
    .int('Escriba un número entero de días hábiles.')
    .min(1, 'La ampliación debe ser de al menos 1 día hábil.')
    .max(365, 'Escriba un número de días hábiles razonable.'),
  justification: z
    .string({ error: 'Explique por qué se necesita la ampliación.' })
    .trim()
    .min(20, 'Explique por qué se necesita la ampliación (al menos 20 caracteres).')
    .max(2000, 'La justificación no puede superar 2.000 caracteres.'),
})
export type RequestExtension = z.infer<typeof RequestExtensionSchema>

export const DecideExtensionSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    confirm: z.literal('si', { error: 'Confirme que aprueba la ampliación y que se avisará al usuario.' }),
  }),
  z.object({
    decision: z.literal('deny'),
    note: z
      .string({ error: 'Explique por qué niega la ampliación.' })
      .trim()
      .min(10, 'Explique por qué niega la ampliación (al menos 10 caracteres).')
      .max(2000, 'La explicación no puede superar 2.000 caracteres.'),
  }),
])
export type DecideExtension = z.infer<typeof DecideExtensionSchema>

/** The payload of an `extension_approval` task. */
export type ExtensionRequestPayload = {
  reason: ExtensionReason
  businessDays: number
  justification: string
  requestedBy: string
  requestedByName: string
  requestedOn: IsoDate
  /** The answer deadline when it was requested (the term the extension adds to). */
  dueOn: IsoDate
}

export type ExtensionCheck = {
  today: IsoDate
  /** The current answer deadline: with no extension granted yet, the original 15-business-day term. */
  dueOn: IsoDate
  businessDays: number
  maxBusinessDays: number
  hasExtension: boolean
}

/**
 * Art. 158: the extension is decided before the term expires (the clocks ignore one granted later), once per case,
 * and no longer than the setting `pqr.extension_max_business_days`.
 */
export function checkExtension(c: ExtensionCheck): Result<void> {
  if (c.hasExtension)
    return fail(new DomainError('pqr/extension_exists', 'Este caso ya tiene una ampliación del término.'))
  if (c.today > c.dueOn)
    return fail(
      new DomainError(
        'pqr/extension_late',
        'El término para responder ya venció: la ampliación debía decidirse antes.',
      ),
    )
  if (c.businessDays < 1 || c.businessDays > c.maxBusinessDays)
    return fail(
      new DomainError(
        'pqr/extension_too_long',
        `La ampliación puede ser de 1 a ${c.maxBusinessDays} días hábiles según los ajustes vigentes.`,
      ),
    )
  return ok(undefined)
}
