/** Form schemas of the identity pages (client-safe: used by the forms and the actions). */
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-rules'

const email = z.email({
  error: (issue) =>
    issue.input === undefined ? 'Escriba su correo electrónico.' : 'Escriba un correo válido, por ejemplo nombre@correo.com.',
})

export const newPassword = z
  .string({ error: 'Escriba la nueva contraseña.' })
  .max(PASSWORD_MAX_LENGTH, `La contraseña no puede tener más de ${PASSWORD_MAX_LENGTH} caracteres.`)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const ResetRequestSchema = z.object({ email })

const TOKEN_MISSING = 'El enlace está incompleto. Ábralo de nuevo desde el correo.'

export const NewPasswordSchema = z
  .object({
    token: z.string({ error: TOKEN_MISSING }).min(10, TOKEN_MISSING),
    password: newPassword,
    confirm: z.string({ error: 'Repita la nueva contraseña.' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Las dos contraseñas no coinciden.' })

export { email as EmailSchema }

const STAFF_ROLES = ['agent', 'auditor', 'coordinator', 'area_leader', 'collections', 'crew', 'legal', 'admin'] as const

export const StaffCreateSchema = z
  .object({
    intent: z.literal('create'),
    fullName: z.string({ error: 'Escriba el nombre completo.' }).trim().min(3, 'Escriba el nombre completo.').max(120),
    email,
    role: z.enum(STAFF_ROLES, { error: 'Elija un rol.' }),
    serviceAreaId: z.uuid({ error: 'Elija un área válida.' }).optional(),
  })
  .refine((v) => v.role !== 'area_leader' || v.serviceAreaId, {
    path: ['serviceAreaId'],
    message: 'Un líder de área debe tener un área de prestación.',
  })

export const StaffDeactivateSchema = z.object({
  intent: z.literal('deactivate'),
  userId: z.uuid({ error: 'Usuario no válido.' }),
})

const ownership = {
  accountNumber: z.string({ error: 'Escriba el número de cuenta.' }).trim().min(3, 'Escriba el número de cuenta.').max(30),
  documentNumber: z
    .string({ error: 'Escriba el documento del titular.' })
    .trim()
    .regex(/^[0-9A-Za-z.\- ]{3,25}$/, 'Escriba el documento del titular, solo números y letras.'),
  paymentReference: z
    .string({ error: 'Escriba la referencia de pago.' })
    .trim()
    .regex(/^[0-9 ]{6,40}$/, 'Escriba la referencia de pago tal como aparece en la factura (solo números).'),
}

export const LinkAccountSchema = z.object(ownership)

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())

export const RegistrationSchema = z.object({
  fullName: z.string({ error: 'Escriba su nombre completo.' }).trim().min(3, 'Escriba su nombre completo.').max(120),
  email,
  password: newPassword,
  ...ownership,
  acceptsDataPolicy: z.preprocess(
    (v) => v === 'on' || v === 'true',
    z.literal(true, { error: 'Para registrarse debe autorizar el tratamiento de sus datos personales.' }),
  ),
  acceptsElectronicNotification: checkbox,
})

export const TokenSchema = z.object({ token: z.string({ error: 'Falta el código del enlace.' }).min(10) })
