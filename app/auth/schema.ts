/** Sign-in form schema (client-safe; used by the form and the action). */
import { z } from 'zod'

export const LoginSchema = z.object({
  email: z.email({
    error: (issue) =>
      issue.input === undefined
        ? 'Escriba su correo electrónico.'
        : 'Escriba un correo válido, por ejemplo nombre@correo.com.',
  }),
  password: z.string({ error: 'Escriba su contraseña.' }).min(1, 'Escriba su contraseña.').max(200, 'La contraseña es demasiado larga.'),
  redirectTo: z.string().optional(),
})
export type Login = z.infer<typeof LoginSchema>
