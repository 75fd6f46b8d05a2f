/**
 * How much an online payment is for: decided from the server's view of the ledger, never from the browser
 * (../shared/domain/formats.md §3.7). Pure.
 *
 * - payable: the account's balance minus the amounts on hold (Ley 142 de 1994, art. 155: a claimed amount need not be
 *   paid while the claim is pending), never below zero;
 * - the invoice's pending amount: its charges net of its credits, allocations and holds, at most the payable;
 * - an abono (partial payment): between the minimum setting and the payable; when the payable is already below the
 *   minimum, only the whole payable.
 */
import { money, toDb, ZERO, type Money } from '~/billing/money'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { formatCOP } from '~/utils/format'
import type { PayOnline } from './checkout-schema'

export type AmountFacts = { payable: string; invoicePending: string; minimum: string }

export type AmountErrorCode = 'payments/nothing_to_pay' | 'payments/below_minimum' | 'payments/above_balance'

const positive = (m: Money) => m.gt(ZERO)

export function resolveAmount(choice: PayOnline, facts: AmountFacts): Result<string, DomainError<AmountErrorCode>> {
  const payable = money(facts.payable)
  if (!positive(payable)) return fail(new DomainError('payments/nothing_to_pay', 'Esta cuenta no tiene saldo por pagar.'))
  switch (choice.choice) {
    case 'invoice': {
      const pending = money(facts.invoicePending)
      if (!positive(pending))
        return fail(new DomainError('payments/nothing_to_pay', 'Esta factura ya no tiene saldo pendiente.'))
      return ok(toDb(pending))
    }
    case 'balance':
      return ok(toDb(payable))
    case 'other': {
      const amount = money(choice.amount)
      const minimum = money(facts.minimum)
      if (amount.gt(payable))
        return fail(new DomainError('payments/above_balance', 'El abono no puede ser mayor que el saldo por pagar.'))
      if (amount.lt(minimum) && !amount.eq(payable))
        return fail(new DomainError('payments/below_minimum', `El abono mínimo es de ${formatCOP(toDb(minimum))}.`))
      if (!positive(amount)) return fail(new DomainError('payments/below_minimum', 'Escriba un valor mayor que cero.'))
      return ok(toDb(amount))
    }
  }
}
