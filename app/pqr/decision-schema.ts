/**
 * Form schemas for decisions and templates (client-safe; the route's form and action share them). Amounts are read
 * with the shared money-input rule.
 */
import { z } from 'zod'
import { moneyInput } from '~/utils/money-input'
import { DECISION_TYPES } from '../../db/schema/pqr'
import { unknownPlaceholders } from './decision-template'

/** Optional pesos (app/utils/money-input: `85.400`, `85400`, `85.400,50`); empty means no note. */
export const PesosSchema = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  moneyInput({ example: '20.000' })
    .refine((v) => /[1-9]/.test(v), 'El valor debe ser mayor que cero.')
    .optional(),
)

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
const days = z.coerce
  .number({ error: 'Escriba el plazo en días hábiles.' })
  .int('Escriba un número entero de días.')
  .min(1, 'El plazo debe ser de al menos 1 día hábil.')
  .max(30, 'El plazo no puede superar 30 días hábiles.')
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, `Máximo ${max} caracteres.`).optional(),
  )

export const DecisionDraftSchema = z.object({
  intent: z.literal('draft'),
  templateId: z.uuid('Elija la plantilla de la decisión.'),
  invoiceId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.uuid('Elija una factura del reclamo.').optional(),
  ),
  creditAmount: PesosSchema,
  debitAmount: PesosSchema,
  /** Empty: the body is (re)drafted from the template. */
  body: optionalText(20000),
  legalGrounds: optionalText(4000),
  reposicion: checkbox,
  reposicionDays: days,
  reposicionFileWith: z.string().trim().max(1000),
  apelacion: checkbox,
  apelacionDays: days,
  apelacionFileWith: z.string().trim().max(1000),
})
export type DecisionDraftForm = z.infer<typeof DecisionDraftSchema>

export const DecisionActionSchema = z.discriminatedUnion('intent', [
  DecisionDraftSchema,
  z.object({ intent: z.literal('request_approval'), decisionId: z.uuid() }),
  z.object({ intent: z.literal('approve'), decisionId: z.uuid() }),
  z.object({
    intent: z.literal('return'),
    decisionId: z.uuid(),
    note: z.string().trim().min(5, 'Explique qué debe corregirse.').max(2000),
  }),
  z.object({
    intent: z.literal('issue'),
    decisionId: z.uuid(),
    confirm: z.literal('si', { error: 'Confirme que revisó la decisión: expedirla no se puede deshacer.' }),
  }),
])

export const TemplateVersionSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{3,60}$/, 'Use solo minúsculas, números y guion bajo (3 a 60 caracteres).'),
    decisionType: z.enum(DECISION_TYPES, { error: 'Elija el tipo de decisión.' }),
    title: z.string().trim().min(5, 'Escriba un título.').max(200),
    body: z.string().trim().min(20, 'Escriba el texto de la plantilla.').max(20000),
    legalGrounds: z.string().trim().min(10, 'Escriba los fundamentos de derecho.').max(4000),
  })
  .superRefine((v, ctx) => {
    const unknown = unknownPlaceholders(`${v.title}\n${v.body}\n${v.legalGrounds}`)
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `Marcadores desconocidos: ${unknown.map((n) => `{{${n}}}`).join(', ')}.`,
      })
  })
