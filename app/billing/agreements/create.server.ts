/**
 * Payment agreements (acuerdos de pago): the overdue debt of an account moves into the agreement and comes back as
 * instalments the liquidation bills, one per period (liquidation/batch.server.ts, concept 'cuota_acuerdo', never
 * subsidised nor charged a contribution, Ley 142 art. 89 / compute.ts). Creating one credits its principal in the
 * ledger, so the debt stops being overdue (no interest on it, Ley 142 art. 96) and is neither collected nor counted
 * twice: balance before = balance after + the instalments still to bill.
 * Instalments are whole pesos; the last one takes whatever of the principal is left (instalments.ts).
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { money, toDb } from '~/billing/money'
import { lockAccount } from '~/billing/ledger/allocate.server'
import { getBalance } from '~/billing/ledger/balance.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { formatCOP } from '~/utils/format'
import { ledgerEntries } from '../../../db/schema/ledger'
import { paymentAgreements } from '../../../db/schema/service'
import { evenInstalment, instalmentAmount } from './instalments'

export type CreateAgreementInput = {
  accountId: string
  instalments: number
  /** The agreement's date: the balance is taken then, and the credit is dated then. */
  on: string
  /** First liquidation (by issue date) that bills an instalment; defaults to `on`. */
  startsOn?: string
  /** Defaults to the overdue debt not on hold (amounts under a claim stay out of it, Ley 142 art. 155). */
  principal?: string
  actor: TrailActor
}

export type CreatedAgreement = { agreementId: string; entryId: string; principal: string; instalmentAmount: string; lastInstalment: string }

export async function createPaymentAgreement(tx: DbOrTx, input: CreateAgreementInput): Promise<Result<CreatedAgreement>> {
  const maxInstalments = await getSetting('billing.agreement_max_instalments', { on: input.on, db: tx })
  if (!Number.isInteger(input.instalments) || input.instalments < 1 || input.instalments > maxInstalments)
    return fail(new DomainError('billing/agreement_instalments', `El número de cuotas debe estar entre 1 y ${maxInstalments}.`))
  await lockAccount(tx, input.accountId)
  const [active] = await tx
    .select({ id: paymentAgreements.id })
    .from(paymentAgreements)
    .where(and(eq(paymentAgreements.accountId, input.accountId), eq(paymentAgreements.status, 'active')))
  if (active) return fail(new DomainError('billing/agreement_exists', 'La cuenta ya tiene un acuerdo de pago vigente.'))
  const balance = await getBalance(tx, input.accountId, { on: input.on })
  const principal = money(input.principal ?? balance.overdue)
  if (principal.lte(0) || principal.decimalPlaces() > 2)
    return fail(new DomainError('billing/agreement_no_debt', 'La cuenta no tiene deuda vencida para financiar en un acuerdo de pago.'))
  if (principal.gt(balance.total.minus(balance.onHold)))
    return fail(new DomainError('billing/agreement_over_balance', `El valor del acuerdo no puede superar la deuda de la cuenta (${formatCOP(balance.total.minus(balance.onHold))}).`))
  const even = evenInstalment(toDb(principal), input.instalments)
  if (!even) return fail(new DomainError('billing/agreement_instalments', 'Con tantas cuotas, cada una sería menor de un peso.'))
  const instalment = money(even)
  const last = instalmentAmount({ principal: toDb(principal), instalments: input.instalments, instalment_amount: even }, input.instalments)
  const createdBy = input.actor.kind === 'user' ? input.actor.userId : null
  const [agreement] = await tx
    .insert(paymentAgreements)
    .values({
      accountId: input.accountId,
      principal: toDb(principal),
      instalments: input.instalments,
      instalmentAmount: toDb(instalment),
      startsOn: input.startsOn ?? input.on,
      createdBy,
    })
    .returning({ id: paymentAgreements.id })
  // A credit without an invoice: the allocation rule applies it to the account's oldest open charges (allocate.server.ts).
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      accountId: input.accountId,
      occurredOn: input.on,
      kind: 'adjustment',
      concept: 'acuerdo_pago',
      amount: toDb(principal.negated()),
      description: `Deuda trasladada al acuerdo de pago (${input.instalments} ${input.instalments === 1 ? 'cuota' : 'cuotas'})`,
      createdBy,
    })
    .returning({ id: ledgerEntries.id })
  await recordTrail(tx, {
    entityType: 'payment_agreement',
    entityId: agreement!.id,
    action: 'billing.agreement_created',
    actor: input.actor,
    summary: { after: { accountId: input.accountId, principal: toDb(principal), instalments: input.instalments, instalmentAmount: toDb(instalment), entryId: entry!.id } },
  })
  return ok({ agreementId: agreement!.id, entryId: entry!.id, principal: toDb(principal), instalmentAmount: toDb(instalment), lastInstalment: last })
}
