/**
 * What the subscriber may choose on the pay-online form (client-safe: the form and the action share it). The amount
 * itself is always decided on the server from the ledger (checkout-amount.ts); only an abono carries a typed value,
 * which the server then checks against the minimum and the balance.
 */
import { z } from 'zod'

/**
 * An amount as a Colombian types it: `85.400`, `85400`, `$ 85.400,50` (`.` grouping, `,` decimals); yields a decimal
 * string (`85400.50`), never a float. Same reading as the PQR form's disputed amount.
 */
export const AbonoAmountSchema = z
  .string({ error: 'Escriba el valor que desea abonar.' })
  .trim()
  .transform((v) => v.replace(/[$\s]/g, ''))
  .refine((v) => /^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/.test(v), 'Escriba el valor en pesos, por ejemplo 50.000.')
  .transform((v) => {
    const [whole, cents] = v.split(',') as [string, string | undefined]
    const digits = whole.replace(/\./g, '').replace(/^0+(?=\d)/, '')
    return cents ? `${digits}.${cents.padEnd(2, '0')}` : digits
  })

export const PAY_CHOICES = ['invoice', 'balance', 'other'] as const
export type PayChoice = (typeof PAY_CHOICES)[number]

export const PayOnlineSchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('invoice') }),
  z.object({ choice: z.literal('balance') }),
  z.object({ choice: z.literal('other'), amount: AbonoAmountSchema }),
], { error: 'Elija qué desea pagar.' })
export type PayOnline = z.infer<typeof PayOnlineSchema>
