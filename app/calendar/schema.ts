/** Form schemas of the calendar admin page (client-safe: used by the form and the action). */
import { z } from 'zod'
import { CALENDAR_DAY_KINDS } from '../../db/schema/calendar'
import { isValidIsoDate } from './business-days'

export const AddCompanyDaySchema = z.object({
  intent: z.literal('add'),
  day: z
    .string({ error: 'Elija la fecha.' })
    .refine(isValidIsoDate, 'Escriba una fecha válida (dd/mm/aaaa).'),
  kind: z.enum(CALENDAR_DAY_KINDS, { error: 'Elija si el día es no hábil o una corrección a hábil.' }),
  reason: z
    .string({ error: 'Escriba el motivo.' })
    .trim()
    .min(3, 'Escriba el motivo (al menos 3 caracteres).')
    .max(200, 'El motivo no puede tener más de 200 caracteres.'),
  // The change moves the deadlines of open cases: the admin confirms it knowingly.
  confirm: z.literal('on', { error: 'Confirme que entiende que este cambio mueve los vencimientos.' }),
})

export const RemoveCompanyDaySchema = z.object({
  intent: z.literal('remove'),
  id: z.uuid({ error: 'No encontramos ese día.' }),
})

export const CompanyDayActionSchema = z.discriminatedUnion('intent', [
  AddCompanyDaySchema,
  RemoveCompanyDaySchema,
])

export const CALENDAR_DAY_KIND_LABELS = {
  non_working: 'No hábil para la empresa',
  working: 'Hábil (corrige un festivo nacional)',
} as const
