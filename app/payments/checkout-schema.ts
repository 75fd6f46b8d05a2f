/**
 * What the subscriber may choose on the pay-online form (client-safe: the form and the action share it). The amount
 * itself is always decided on the server from the ledger (checkout-amount.ts); only an abono carries a typed value,
 * which the server then checks against the minimum and the balance.
 */
import { z } from 'zod'
import { moneyInput } from '~/utils/money-input'

/** An abono, read as a Colombian types it (the one money-input rule, app/utils/money-input.ts). */
export const AbonoAmountSchema = moneyInput({ required: 'Escriba el valor que desea abonar.', example: '50.000' })

export const PAY_CHOICES = ['invoice', 'balance', 'other'] as const
export type PayChoice = (typeof PAY_CHOICES)[number]

export const PayOnlineSchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('invoice') }),
  z.object({ choice: z.literal('balance') }),
  z.object({ choice: z.literal('other'), amount: AbonoAmountSchema }),
], { error: 'Elija qué desea pagar.' })
export type PayOnline = z.infer<typeof PayOnlineSchema>
