/**
 * The pure liquidation of one account for one period: tariff × consumption → invoice lines. No database, no clock.
 *
 * Decisions (documented here because no norm fixes them):
 * - Bimonthly cycles bill two subscriber-months: the consumo básico range, the cargo fijo and the aseo charges are
 *   doubled (the ranges of Res. CRA 750/2016 are per subscriber-month); interest runs for two months.
 * - Each line is computed with full precision and rounded once by `roundLine`; a subsidy or contribution is computed
 *   on the unrounded base amounts of its service and rounded once as its own line.
 * - Ajuste a la decena (setting round_total_to_ten): the total to pay is rounded half up to the ten with an
 *   adjustment line, and the next invoice reverses it, so the rounding is carried, never kept (formats.md §7.2).
 */
import { Money, money, roundLine, sum, ZERO } from '~/billing/money'
import type {
  MeteredServiceRate,
  Service,
  SolidarityFactor,
  TariffCategory,
  TariffSchedule,
  WasteServiceRate,
} from '~/billing/tariffs/types'
import { wasteRateFor } from '~/billing/tariffs/schedule-helpers'
import type { ComputedLine, LiquidationInput, LiquidationResult } from './types'

export const SERVICE_LABELS: Record<Service, string> = {
  acueducto: 'Acueducto',
  alcantarillado: 'Alcantarillado',
  aseo: 'Aseo',
}

/** Ley 142 art. 99.6: subsidies only for estratos 1–3. */
export function isSubsidised(category: TariffCategory): boolean {
  return category.useClass === 'residential' && category.estrato <= 3
}

/** Ley 1450/2011 art. 125 (Ley 632/2000 art. 2): estratos 5 and 6, commercial and industrial contribute. */
export function isContributor(category: TariffCategory): boolean {
  if (category.useClass === 'residential') return category.estrato >= 5
  return category.useClass === 'commercial' || category.useClass === 'industrial'
}

function sameCategory(a: TariffCategory, b: TariffCategory): boolean {
  if (a.useClass !== b.useClass) return false
  return a.useClass !== 'residential' || (b.useClass === 'residential' && a.estrato === b.estrato)
}

export function solidarityFactor(schedule: TariffSchedule, category: TariffCategory, service: Service): Money {
  const found = schedule.factors.find((f: SolidarityFactor) => f.service === service && sameCategory(f.category, category))
  return found ? money(found.factor) : ZERO
}

export function monthsIn(frequency: LiquidationInput['frequency']): number {
  return frequency === 'bimonthly' ? 2 : 1
}

type Draft = Omit<ComputedLine, 'amount'> & { exact: Money }

function line(d: Draft): ComputedLine {
  const { exact, ...rest } = d
  return { ...rest, amount: roundLine(exact) }
}

function fmtM3(m: Money): string {
  return m.toFixed(m.isInteger() ? 0 : 2)
}

/** Cargo fijo, the three consumption ranges and the solidarity line of one metered service. */
export function computeMeteredService(
  rate: MeteredServiceRate,
  m3: Money,
  basicM3: Money,
  months: number,
  factor: Money,
  category: TariffCategory,
): ComputedLine[] {
  const label = SERVICE_LABELS[rate.service]
  const basicQty = Money.min(m3, basicM3)
  const complementaryQty = Money.min(Money.max(m3.minus(basicM3), ZERO), basicM3)
  const luxuryQty = Money.max(m3.minus(basicM3.times(2)), ZERO)
  const fixed = money(rate.fixedCharge).times(months)
  const basic = basicQty.times(rate.basicPrice)
  const complementary = complementaryQty.times(rate.complementaryPrice)
  const luxury = luxuryQty.times(rate.luxuryPrice)
  const drafts: Draft[] = [
    { service: rate.service, concept: 'cargo_fijo', description: `${label}: cargo fijo`, quantityM3: null, unitPrice: money(rate.fixedCharge).toFixed(2), exact: fixed },
    { service: rate.service, concept: 'consumo_basico', description: `${label}: consumo básico`, quantityM3: fmtM3(basicQty), unitPrice: money(rate.basicPrice).toFixed(2), exact: basic },
  ]
  if (complementaryQty.gt(0))
    drafts.push({ service: rate.service, concept: 'consumo_complementario', description: `${label}: consumo complementario`, quantityM3: fmtM3(complementaryQty), unitPrice: money(rate.complementaryPrice).toFixed(2), exact: complementary })
  if (luxuryQty.gt(0))
    drafts.push({ service: rate.service, concept: 'consumo_suntuario', description: `${label}: consumo suntuario`, quantityM3: fmtM3(luxuryQty), unitPrice: money(rate.luxuryPrice).toFixed(2), exact: luxury })
  // Ley 142 art. 99.6: the subsidy covers only the cargo fijo and the consumo básico.
  if (factor.lt(0) && isSubsidised(category))
    drafts.push({ service: rate.service, concept: 'subsidio', description: `${label}: subsidio ${factor.abs().times(100).toString()} %`, quantityM3: null, unitPrice: null, exact: fixed.plus(basic).times(factor) })
  // Ley 632/2000 art. 2: the contribution applies to the service charges (cargo fijo and all consumption).
  if (factor.gt(0) && isContributor(category))
    drafts.push({ service: rate.service, concept: 'contribucion', description: `${label}: contribución ${factor.times(100).toString()} %`, quantityM3: null, unitPrice: null, exact: sum([fixed, basic, complementary, luxury]).times(factor) })
  return drafts.map(line)
}

/** Aseo has no meter: its monthly charge, and its subsidy or contribution on that whole charge. */
export function computeWasteService(rate: WasteServiceRate, months: number, factor: Money, category: TariffCategory): ComputedLine[] {
  const base = money(rate.fixedCharge).plus(rate.variableCharge).times(months)
  const drafts: Draft[] = [
    { service: 'aseo', concept: 'aseo', description: 'Aseo: recolección y disposición', quantityM3: null, unitPrice: null, exact: base },
  ]
  if (factor.lt(0) && isSubsidised(category))
    drafts.push({ service: 'aseo', concept: 'subsidio', description: `Aseo: subsidio ${factor.abs().times(100).toString()} %`, quantityM3: null, unitPrice: null, exact: base.times(factor) })
  if (factor.gt(0) && isContributor(category))
    drafts.push({ service: 'aseo', concept: 'contribucion', description: `Aseo: contribución ${factor.times(100).toString()} %`, quantityM3: null, unitPrice: null, exact: base.times(factor) })
  return drafts.map(line)
}

/** Charges that are never subsidised nor charged a contribution: otros cobros, agreement instalment, interest. */
function computeOtherLines(input: LiquidationInput, months: number): ComputedLine[] {
  const lines: ComputedLine[] = []
  for (const c of input.otherCharges ?? [])
    lines.push(line({ service: null, concept: 'otro_cobro', description: c.description, quantityM3: null, unitPrice: null, exact: money(c.amount) }))
  if (input.agreementInstalment)
    lines.push(line({ service: null, concept: 'cuota_acuerdo', description: input.agreementInstalment.description, quantityM3: null, unitPrice: null, exact: money(input.agreementInstalment.amount) }))
  // Ley 142 art. 96: interest on arrears on the overdue balance; amounts under a pending claim are excluded (art. 155).
  const overdue = money(input.overdueNotOnHold ?? 0)
  const rate = money(input.interestMonthlyRate ?? 0)
  if (overdue.gt(0) && rate.gt(0)) {
    const exact = overdue.times(rate).times(months)
    const pct = rate.times(100).toString()
    lines.push(line({ service: null, concept: 'interes_mora', description: `Intereses de mora (${pct} % mensual)`, quantityM3: null, unitPrice: null, exact }))
  }
  return lines.filter((l) => !l.amount.isZero())
}

/** Rounds the total to pay half up to the ten (setting round_total_to_ten), reversing last period's adjustment. */
function computeRoundingLines(input: LiquidationInput, subtotal: Money): ComputedLine[] {
  const out: ComputedLine[] = []
  const previous = money(input.previousRoundingAdjustment ?? 0)
  if (!previous.isZero())
    out.push({ service: null, concept: 'ajuste_decena', description: 'Reversión del ajuste a la decena anterior', quantityM3: null, unitPrice: null, amount: previous.negated() })
  if (input.roundTotalToTen) {
    const total = money(input.previousBalance ?? 0).plus(subtotal).minus(previous)
    if (total.gt(0)) {
      const adjustment = total.dividedBy(10).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(10).minus(total)
      if (!adjustment.isZero())
        out.push({ service: null, concept: 'ajuste_decena', description: 'Ajuste a la decena', quantityM3: null, unitPrice: null, amount: adjustment })
    }
  }
  return out
}

export type ServiceLinesInput = Pick<LiquidationInput, 'category' | 'services' | 'billedM3' | 'frequency' | 'schedule'>

/** The lines that depend only on the tariff, the category and the consumption (memoisable across accounts). */
export function computeServiceLines(input: ServiceLinesInput): ComputedLine[] {
  const months = monthsIn(input.frequency)
  const m3 = money(input.billedM3)
  if (m3.isNegative()) throw new Error('billed m³ cannot be negative')
  const basicM3 = money(input.schedule.basicConsumptionM3).times(months)
  const lines: ComputedLine[] = []
  for (const service of input.services) {
    const rate =
      service === 'aseo' ? wasteRateFor(input.schedule, input.category) : input.schedule.rates.find((r) => r.service === service)
    if (!rate) throw new Error(`the tariff has no rate for ${service}`)
    const factor = solidarityFactor(input.schedule, input.category, service)
    if (rate.service === 'aseo') lines.push(...computeWasteService(rate, months, factor, input.category))
    else lines.push(...computeMeteredService(rate, m3, basicM3, months, factor, input.category))
  }
  return lines
}

/** Σ of a memoised list of service lines, computed once per list (the liquidation reuses each list for many accounts). */
const subtotals = new WeakMap<readonly ComputedLine[], Money>()
function subtotalOf(lines: readonly ComputedLine[]): Money {
  let total = subtotals.get(lines)
  if (!total) subtotals.set(lines, (total = sum(lines.map((l) => l.amount))))
  return total
}

/** The whole invoice of one account; `serviceLines` lets a caller pass memoised service lines. */
export function computeLiquidation(input: LiquidationInput, serviceLines?: ComputedLine[]): LiquidationResult {
  const service = serviceLines ?? computeServiceLines(input)
  const others = computeOtherLines(input, monthsIn(input.frequency))
  const subtotal = subtotalOf(service).plus(sum(others.map((l) => l.amount)))
  const rounding = computeRoundingLines(input, subtotal)
  const currentCharges = rounding.length === 0 ? subtotal : subtotal.plus(sum(rounding.map((l) => l.amount)))
  return {
    lines: [...service, ...others, ...rounding],
    currentCharges,
    totalToPay: money(input.previousBalance ?? 0).plus(currentCharges),
  }
}
