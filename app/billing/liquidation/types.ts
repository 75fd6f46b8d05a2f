/**
 * Inputs and outputs of the pure liquidation (compute.ts). Amounts are decimal strings or Money, never JS numbers.
 */
import type { Money } from '~/billing/money'
import type { Service, TariffCategory, TariffSchedule } from '~/billing/tariffs/types'

export const LEDGER_CONCEPTS = [
  'cargo_fijo',
  'consumo_basico',
  'consumo_complementario',
  'consumo_suntuario',
  'subsidio',
  'contribucion',
  'aseo',
  'otro_cobro',
  'interes_mora',
  'cuota_acuerdo',
  'acuerdo_pago',
  'ajuste_decena',
  'pago',
  'nota_credito',
  'nota_debito',
  'reversion_pago',
  'ajuste',
] as const
export type LedgerConcept = (typeof LEDGER_CONCEPTS)[number]

export type BillingFrequency = 'monthly' | 'bimonthly'

export type LiquidationInput = {
  category: TariffCategory
  services: readonly Service[]
  /** Consumption released by the crítica for the period (measured or estimated), in m³. */
  billedM3: string | number
  frequency: BillingFrequency
  schedule: TariffSchedule
  /** Pending "otros cobros" (reconexión, visita...): never subsidised nor charged a contribution. */
  otherCharges?: ReadonlyArray<{ description: string; amount: string }>
  agreementInstalment?: { description: string; amount: string } | null
  /** Overdue balance not on hold (Σ open charges past their due date minus amounts under dispute). */
  overdueNotOnHold?: string
  /** Monthly interest rate on arrears as a fraction ('0.0155'), the setting in force for the account's use. */
  interestMonthlyRate?: string
  /** Balance before this invoice (positive: owed; negative: a credit from an overpayment). */
  previousBalance?: string
  /** Last invoice's ajuste a la decena, reversed on this one so the rounding is only carried, never kept. */
  previousRoundingAdjustment?: string
  roundTotalToTen?: boolean
}

export type ComputedLine = {
  service: Service | null
  concept: LedgerConcept
  description: string
  quantityM3: string | null
  unitPrice: string | null
  /** Already rounded to the peso by roundLine. */
  amount: Money
}

export type LiquidationResult = {
  lines: ComputedLine[]
  /** Σ of the rounded lines. */
  currentCharges: Money
  /** previousBalance + currentCharges. */
  totalToPay: Money
}
