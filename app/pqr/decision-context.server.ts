/**
 * What drafting and issuing a decision need to know about a case: its type (for the coherence table), the invoices
 * under claim with their disputed amounts, the account and address, and the placeholder values for the templates.
 */
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { formatCOP, formatDate } from '~/utils/format'
import { accounts, premises } from '../../db/schema/premises'
import { invoices } from '../../db/schema/ledger'
import { pqrCaseInvoices, pqrCases, pqrCausales, pqrTypes, type PqrCase } from '../../db/schema/pqr'
import { caseCategory, type CaseCategory } from './decision-rules'
import type { PlaceholderValues } from './decision-template'

/** The legal name printed on decisions and notices. */
export const COMPANY_NAME = 'Aguas de la Sabana S.A. E.S.P.'

export type DecisionContext = {
  case: PqrCase
  typeName: string
  causalName: string | null
  category: CaseCategory
  isBillingClaim: boolean
  accountNumber: string | null
  premiseAddress: string | null
  invoices: { invoiceId: string; number: number | null; disputedAmount: string; holdId: string | null }[]
}

export async function loadDecisionContext(
  tx: DbOrTx,
  caseId: string,
  opts: { lock?: boolean } = {},
): Promise<DecisionContext | null> {
  const base = tx
    .select({
      case: pqrCases,
      typeCode: pqrTypes.code,
      typeName: pqrTypes.name,
      isBillingClaim: pqrTypes.isBillingClaim,
      isRecurso: pqrTypes.isRecurso,
      causalName: pqrCausales.name,
      accountNumber: accounts.number,
      premiseAddress: premises.address,
    })
    .from(pqrCases)
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .leftJoin(pqrCausales, eq(pqrCausales.code, pqrCases.causalCode))
    .leftJoin(accounts, eq(accounts.id, pqrCases.accountId))
    .leftJoin(premises, eq(premises.id, accounts.premiseId))
    .where(eq(pqrCases.id, caseId))
  const [row] = opts.lock ? await base.for('update', { of: pqrCases }) : await base
  if (!row) return null
  const claimed = await tx
    .select({
      invoiceId: pqrCaseInvoices.invoiceId,
      number: invoices.number,
      disputedAmount: pqrCaseInvoices.disputedAmount,
      holdId: pqrCaseInvoices.holdId,
    })
    .from(pqrCaseInvoices)
    .innerJoin(invoices, eq(invoices.id, pqrCaseInvoices.invoiceId))
    .where(eq(pqrCaseInvoices.caseId, caseId))
    .orderBy(invoices.issueOn)
  return {
    case: row.case,
    typeName: row.typeName,
    causalName: row.causalName,
    category: caseCategory({
      code: row.typeCode,
      isBillingClaim: row.isBillingClaim,
      isRecurso: row.isRecurso,
    }),
    isBillingClaim: row.isBillingClaim,
    accountNumber: row.accountNumber,
    premiseAddress: row.premiseAddress,
    invoices: claimed,
  }
}

/** The address a notice goes to: the one the filer gave, else the premise's. */
export function noticeAddress(ctx: DecisionContext): string | null {
  return ctx.case.filerAddress?.trim() || ctx.premiseAddress || null
}

export function placeholderValues(
  ctx: DecisionContext,
  extra: {
    creditAmount?: string | null
    debitAmount?: string | null
    decidedOn: string
    recursoDays: number
  },
): PlaceholderValues {
  const c = ctx.case
  return {
    radicado: c.radicado,
    fecha_radicacion: formatDate(c.filedOn),
    nombre: c.filerName,
    documento: `${c.filerDocumentType} ${c.filerDocumentNumber}`,
    cuenta: ctx.accountNumber ?? 'sin cuenta asociada',
    direccion: noticeAddress(ctx) ?? 'sin dirección registrada',
    asunto: c.subject,
    tipo: ctx.typeName.toLowerCase(),
    causal: ctx.causalName ?? 'sin causal',
    facturas:
      ctx.invoices.map((i) => (i.number != null ? `No. ${i.number}` : 'sin número')).join(', ') || 'ninguna',
    valor_reclamado: c.disputedAmount ? formatCOP(c.disputedAmount) : formatCOP('0'),
    valor_credito: extra.creditAmount ? formatCOP(extra.creditAmount) : undefined,
    valor_debito: extra.debitAmount ? formatCOP(extra.debitAmount) : undefined,
    fecha_decision: formatDate(extra.decidedOn),
    dias_recurso: String(extra.recursoDays),
    empresa: COMPANY_NAME,
  }
}
