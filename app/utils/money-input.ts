/**
 * An amount as a Colombian types it: `85.400`, `85400`, `$ 85.400,50` are pesos with `.` grouping and `,` decimals.
 * Yields a plain decimal string (`85400.50`) for decimal.js; never a float. One rule for every form that takes money
 * (disputed amounts, abonos); each form may word its own messages.
 */
import { z } from 'zod'

export function moneyInput(messages: { required?: string; example?: string } = {}) {
  return z
    .string({ error: messages.required ?? 'Escriba el valor en pesos.' })
    .trim()
    .transform((v) => v.replace(/[$\s]/g, ''))
    .refine(
      (v) => /^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/.test(v),
      `Escriba el valor en pesos, por ejemplo ${messages.example ?? '85.400'}.`,
    )
    .transform((v) => {
      const [whole, cents] = v.split(',') as [string, string | undefined]
      const digits = whole.replace(/\./g, '').replace(/^0+(?=\d)/, '')
      return cents ? `${digits}.${cents.padEnd(2, '0')}` : digits
    })
}

export const MoneyInputSchema = moneyInput()
