/**
 * What fileCase checks against the database before it takes a radicado: the type and causal from the catalogues, the
 * account (one of the subscriber's, or by number at the counter and on the public form), and each invoice under claim
 * with its disputed amount (Ley 142 arts. 154–155). Nothing here writes.
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import { money, toDb } from '~/billing/money'
import { addCalendarMonths, type IsoDate } from '~/calendar/business-days'
import type { DbOrTx } from '~/db.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { zones } from '../../db/schema/areas'
import { invoices } from '../../db/schema/ledger'
import { accounts, premises } from '../../db/schema/premises'
import { pqrCausales, pqrTypes } from '../../db/schema/pqr'

export type FileCaseErrorCode =
  | 'pqr/unknown_type'
  | 'pqr/unknown_causal'
  | 'pqr/account_not_found'
  | 'pqr/account_required'
  | 'pqr/claims_required'
  | 'pqr/claims_not_allowed'
  | 'pqr/invoice_not_found'
  | 'pqr/invoice_repeated'
  | 'pqr/disputed_too_high'
  | 'pqr/invalid_reception_date'
  | 'pqr/attachment_invalid'
  | 'pqr/too_many_attachments'

export type FileCaseError = DomainError<FileCaseErrorCode>
const error = (code: FileCaseErrorCode, message: string) => fail(new DomainError(code, message))

export type ClaimInput = { invoiceId?: string; invoiceNumber?: number; disputedAmount: string }
export type AccountRef = { id: string } | { number: string }

export type CheckedType = { code: string; name: string; isBillingClaim: boolean }
export type CheckedCausal = { code: string; name: string; scope: string }

export async function checkCatalogue(
  tx: DbOrTx,
  typeCode: string,
  causalCode: string,
): Promise<Result<{ type: CheckedType; causal: CheckedCausal }, FileCaseError>> {
  const [type] = await tx
    .select({ code: pqrTypes.code, name: pqrTypes.name, isBillingClaim: pqrTypes.isBillingClaim })
    .from(pqrTypes)
    // Recursos are filed against a decision (appeals issue), not from these forms.
    .where(and(eq(pqrTypes.code, typeCode), eq(pqrTypes.active, true), eq(pqrTypes.isRecurso, false)))
  if (!type) return error('pqr/unknown_type', 'Elija un tipo de solicitud de la lista.')
  const [causal] = await tx
    .select({ code: pqrCausales.code, name: pqrCausales.name, scope: pqrCausales.scope })
    .from(pqrCausales)
    .where(and(eq(pqrCausales.code, causalCode), eq(pqrCausales.active, true)))
  if (!causal) return error('pqr/unknown_causal', 'Elija un motivo de la lista.')
  return ok({ type, causal })
}

/** A billing claim (reclamo por facturación) carries the account, the invoices and the disputed amounts. */
export function isBillingClaim(type: CheckedType, causal: CheckedCausal): boolean {
  return type.isBillingClaim && causal.scope === 'facturacion'
}

export type CheckedAccount = { id: string; number: string; areaId: string }

/**
 * The account of the case. A subscriber may only name one of their accounts (the id must be in `ownedIds`); staff
 * and the public form give the number printed on the invoice.
 */
export async function checkAccount(
  tx: DbOrTx,
  ref: AccountRef | null | undefined,
  ownedIds: string[] | null,
): Promise<Result<CheckedAccount | null, FileCaseError>> {
  if (!ref) return ok(null)
  const notOwned = () => error('pqr/account_not_found', 'La cuenta elegida no está vinculada a su usuario.')
  if ('id' in ref && ownedIds && !ownedIds.includes(ref.id)) return notOwned()
  const [found] = await tx
    .select({ id: accounts.id, number: accounts.number, areaId: zones.serviceAreaId })
    .from(accounts)
    .innerJoin(premises, eq(premises.id, accounts.premiseId))
    .innerJoin(zones, eq(zones.id, premises.zoneId))
    .where('id' in ref ? eq(accounts.id, ref.id) : eq(accounts.number, ref.number.trim()))
  if (!found) return error('pqr/account_not_found', 'No encontramos una cuenta con ese número. Revise su factura.')
  if (ownedIds && !ownedIds.includes(found.id)) return notOwned()
  return ok(found)
}

export type CheckedClaim = {
  invoiceId: string
  invoiceNumber: number | null
  issueOn: IsoDate
  disputedAmount: string
  /** Ley 142 art. 154: issued more than 5 calendar months before the filing. */
  extemporaneous: boolean
}

/**
 * Each invoice must be an issued invoice of the account; the disputed amount is more than zero and at most the
 * invoice's own charges (art. 155: the undisputed rest must still be paid). Art. 154: no claim proceeds against an
 * invoice issued more than five months earlier; it is still received and flagged for the agent.
 */
export async function checkClaims(
  tx: DbOrTx,
  account: CheckedAccount,
  claims: ClaimInput[],
  filedOn: IsoDate,
): Promise<Result<CheckedClaim[], FileCaseError>> {
  const ids = claims.flatMap((c) => (c.invoiceId ? [c.invoiceId] : []))
  const numbers = claims.flatMap((c) => (c.invoiceNumber ? [c.invoiceNumber] : []))
  const found = await tx
    .select({ id: invoices.id, number: invoices.number, issueOn: invoices.issueOn, charges: invoices.currentCharges })
    .from(invoices)
    .where(
      and(
        eq(invoices.accountId, account.id),
        eq(invoices.status, 'issued'),
        or(
          ids.length ? inArray(invoices.id, ids) : undefined,
          numbers.length ? inArray(invoices.number, numbers) : undefined,
        ),
      ),
    )
  const out: CheckedClaim[] = []
  for (const claim of claims) {
    const invoice = found.find((f) => f.id === claim.invoiceId || (claim.invoiceNumber && f.number === claim.invoiceNumber))
    const label = claim.invoiceNumber ? `No. ${claim.invoiceNumber}` : 'elegida'
    if (!invoice) return error('pqr/invoice_not_found', `No encontramos la factura ${label} en la cuenta ${account.number}.`)
    if (out.some((o) => o.invoiceId === invoice.id))
      return error('pqr/invoice_repeated', 'Cada factura se reclama una sola vez en la misma radicación.')
    const disputed = money(claim.disputedAmount)
    if (disputed.lte(0)) return error('pqr/disputed_too_high', 'El valor en reclamo debe ser mayor que cero.')
    if (disputed.gt(money(invoice.charges)))
      return error(
        'pqr/disputed_too_high',
        `El valor en reclamo de la factura ${invoice.number ?? ''} no puede superar el valor de sus cargos.`.replace('  ', ' '),
      )
    out.push({
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      issueOn: invoice.issueOn,
      disputedAmount: toDb(disputed.toDecimalPlaces(2)),
      extemporaneous: filedOn > addCalendarMonths(invoice.issueOn, 5),
    })
  }
  return ok(out)
}
