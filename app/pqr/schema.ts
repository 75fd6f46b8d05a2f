/**
 * Form schemas of PQR filing and lookup (client-safe: the forms and the actions use the same schema, STYLE.md §3).
 * Shape only: whether an account or invoice belongs to the filer, or a causal needs invoices, is checked by fileCase.
 */
import { z } from 'zod'
import { MoneyInputSchema } from '~/utils/money-input'
import { DOCUMENT_TYPE_LIST } from '~/utils/documents'

const DOCUMENT_TYPES = DOCUMENT_TYPE_LIST.map((d) => d.abbreviation) as [string, ...string[]]

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Escriba ${label}.` })
    .trim()
    .min(min, min > 1 ? `Escriba ${label} (al menos ${min} caracteres).` : `Escriba ${label}.`)
    .max(max, `Escriba ${label} en no más de ${max} caracteres.`)

const optionalText = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, message).optional(),
  )

export { MoneyInputSchema }

export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())

const idempotencyKey = z
  .string({ error: 'Recargue la página e inténtelo de nuevo.' })
  .regex(/^[0-9a-f-]{36}$/i, 'Recargue la página e inténtelo de nuevo.')

const common = {
  idempotencyKey,
  typeCode: z.string({ error: 'Elija el tipo de solicitud.' }).trim().min(1, 'Elija el tipo de solicitud.').max(40),
  causalCode: z.string({ error: 'Elija el motivo.' }).trim().min(1, 'Elija el motivo.').max(10),
  subject: text('el asunto', 5, 200),
  description: text('los hechos y lo que solicita', 20, 5000),
  electronicNotificationConsent: checkbox,
}

/** One invoice under claim; a row without an amount is an invoice not chosen. */
const ClaimRowSchema = z.object({
  invoiceId: z.uuid({ error: 'Factura no válida.' }).optional(),
  invoiceNumber: z.preprocess(
    (v) => (v === '' || v == null ? undefined : v),
    z.coerce.number({ error: 'Escriba el número de la factura.' }).int('Número de factura no válido.').positive().optional(),
  ),
  disputedAmount: z.preprocess((v) => (v === '' || v == null ? undefined : v), MoneyInputSchema.optional()),
})

const claims = z
  .array(ClaimRowSchema)
  .max(12, 'Reclame como máximo 12 facturas en una misma radicación.')
  .optional()
  .transform((rows) => (rows ?? []).filter((r) => r.disputedAmount !== undefined && (r.invoiceId || r.invoiceNumber)))

const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.email({ error: 'Escriba un correo válido, por ejemplo nombre@correo.com.' }).max(200).optional(),
)

const filer = {
  filerName: text('el nombre completo', 3, 120),
  filerDocumentType: z.enum(DOCUMENT_TYPES, { error: 'Elija el tipo de documento.' }),
  filerDocumentNumber: z
    .string({ error: 'Escriba el número de documento.' })
    .trim()
    .regex(/^[0-9A-Za-z.-]{3,25}$/, 'Escriba el número de documento, solo números y letras.'),
  filerEmail: email,
  filerPhone: optionalText(30, 'Escriba el teléfono en no más de 30 caracteres.').refine(
    (v) => v === undefined || /^[0-9 +()-]{7,30}$/.test(v),
    'Escriba un teléfono válido (solo números).',
  ),
  filerAddress: optionalText(200, 'Escriba la dirección en no más de 200 caracteres.'),
}

const needsContact = (v: { filerEmail?: string; filerPhone?: string; filerAddress?: string }) =>
  Boolean(v.filerEmail || v.filerPhone || v.filerAddress)
const CONTACT = { path: ['filerEmail'], message: 'Indique al menos un medio de contacto: correo, teléfono o dirección.' }
const consentNeedsEmail = (v: { electronicNotificationConsent: boolean; filerEmail?: string }) =>
  !v.electronicNotificationConsent || Boolean(v.filerEmail)
const CONSENT = { path: ['filerEmail'], message: 'Para recibir la respuesta por correo escriba su correo electrónico.' }

/** Logged-in subscriber (portal): the account is one of theirs, the email is their account's. */
export const PortalFileCaseSchema = z.object({
  ...common,
  accountId: z.uuid({ error: 'Elija la cuenta.' }),
  filerDocumentType: filer.filerDocumentType,
  filerDocumentNumber: filer.filerDocumentNumber,
  filerPhone: filer.filerPhone,
  filerAddress: filer.filerAddress,
  claims,
})
export type PortalFileCase = z.infer<typeof PortalFileCaseSchema>

/** Public form (no account): name, document and one contact suffice. `website` is a honeypot left empty by people. */
export const PublicFileCaseSchema = z
  .object({
    ...common,
    ...filer,
    accountNumber: optionalText(30, 'Número de cuenta no válido.'),
    claims,
    website: z.string().max(0, 'No se pudo radicar.').optional(),
  })
  .refine(needsContact, CONTACT)
  .refine(consentNeedsEmail, CONSENT)
export type PublicFileCase = z.infer<typeof PublicFileCaseSchema>

export const COUNTER_CHANNELS = ['presencial', 'telefonico', 'escrito'] as const

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Escriba la fecha como aaaa-mm-dd.')

/** Staff at the counter: verbal, phone or written; a written one keeps its reception date. */
export const CounterFileCaseSchema = z
  .object({
    ...common,
    ...filer,
    channel: z.enum(COUNTER_CHANNELS, { error: 'Elija el canal de recepción.' }),
    receivedOn: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
    accountNumber: optionalText(30, 'Número de cuenta no válido.'),
    claims,
  })
  .refine(needsContact, CONTACT)
  .refine(consentNeedsEmail, CONSENT)
  .refine((v) => v.channel === 'escrito' || !v.receivedOn, {
    path: ['receivedOn'],
    message: 'Solo un escrito conserva su fecha de recibo; deje la fecha en blanco.',
  })
export type CounterFileCase = z.infer<typeof CounterFileCaseSchema>

/**
 * What the public form and the counter map alike onto a filing: the account and the invoices by number (the filer is
 * not signed in), and the filer as typed. The caller adds the channel, attachments and reception date.
 */
export function filingByNumbers(v: PublicFileCase | CounterFileCase) {
  return {
    typeCode: v.typeCode,
    causalCode: v.causalCode,
    subject: v.subject,
    description: v.description,
    account: v.accountNumber ? { number: v.accountNumber } : null,
    claims: v.claims.map((c) => ({ invoiceNumber: c.invoiceNumber, disputedAmount: c.disputedAmount! })),
    filer: {
      name: v.filerName,
      documentType: v.filerDocumentType,
      documentNumber: v.filerDocumentNumber,
      email: v.filerEmail,
      phone: v.filerPhone,
      address: v.filerAddress,
    },
    electronicNotificationConsent: v.electronicNotificationConsent,
    idempotencyKey: v.idempotencyKey,
  }
}

/** Public status lookup: the radicado and the filer's document number. */
export const LookupSchema = z.object({
  radicado: z
    .string({ error: 'Escriba el número de radicado.' })
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/\s+/g, ''))
    .refine((v) => /^\d{4}-E-\d{6,}$/.test(v), 'Escriba el radicado como aparece en su constancia, por ejemplo 2026-E-000123.'),
  documentNumber: filer.filerDocumentNumber,
})
