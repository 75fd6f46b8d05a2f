/**
 * Validation of a tariff version before approval: completeness, positive prices, and the solidarity factors within
 * the legal caps and minimums. Pure: the limits come from settings (they change by law: Ley 142 art. 99.6, Ley
 * 1450/2011 art. 125 and later Planes Nacionales de Desarrollo). Messages are Spanish, naming the category and value.
 */
import { money } from '../money'
import { CATEGORY_CODES, CATEGORY_LABELS, SERVICE_LABELS, type CategoryCode } from './categories'
import { SERVICES, type Service } from './types'

/** Fractions as decimal strings: subsidy caps as positive fractions (0.70), minimum contributions likewise (0.50). */
export type SolidarityLimits = {
  subsidyCaps: { estrato_1: string; estrato_2: string; estrato_3: string }
  minimumContributions: { estrato_5: string; estrato_6: string; commercial: string; industrial: string }
}

export const LEGAL_LIMITS_2026: SolidarityLimits = {
  subsidyCaps: { estrato_1: '0.70', estrato_2: '0.40', estrato_3: '0.15' },
  minimumContributions: { estrato_5: '0.50', estrato_6: '0.60', commercial: '0.50', industrial: '0.30' },
}

export type VersionToValidate = {
  meteredRates: Array<{
    service: 'acueducto' | 'alcantarillado'
    fixedCharge: string
    basicPrice: string
    complementaryPrice: string
    luxuryPrice: string
  }>
  wasteCharges: Array<{ category: CategoryCode; fixedCharge: string; variableCharge: string }>
  factors: Array<{ category: CategoryCode; service: Service; factor: string }>
  otherCharges: Array<{ code: string; label: string; amount: string; approvalAct: string }>
}

const pct = (fraction: string) => `${money(fraction).times(100).toDecimalPlaces(2).toString().replace('.', ',')} %`

function factorProblem(category: CategoryCode, factor: string, limits: SolidarityLimits): string | null {
  const f = money(factor)
  if (category === 'estrato_1' || category === 'estrato_2' || category === 'estrato_3') {
    const cap = limits.subsidyCaps[category]
    if (f.greaterThan(0)) return `es un aporte de ${pct(factor)}; el ${CATEGORY_LABELS[category]} solo admite subsidio`
    if (f.negated().greaterThan(cap)) return `el subsidio de ${pct(f.negated().toString())} supera el tope legal de ${pct(cap)}`
    return null
  }
  if (category === 'estrato_4') return f.isZero() ? null : `debe ser 0 % (el estrato 4 no recibe subsidio ni paga aporte), y es ${pct(factor)}`
  if (category === 'official' || category === 'special') {
    return f.isNegative() ? `un usuario ${CATEGORY_LABELS[category].toLowerCase()} no recibe subsidio (${pct(factor)})` : null
  }
  const minimum = limits.minimumContributions[category]
  if (f.lessThan(minimum)) return `el aporte de ${pct(factor)} es inferior al mínimo legal de ${pct(minimum)}`
  return null
}

function isPositive(value: string): boolean {
  try {
    return money(value).greaterThan(0)
  } catch {
    return false
  }
}

/** Every problem found, in Spanish; an empty list means the version may be approved. */
export function validateTariffVersion(version: VersionToValidate, limits: SolidarityLimits): string[] {
  const errors: string[] = []
  for (const service of ['acueducto', 'alcantarillado'] as const) {
    const rate = version.meteredRates.find((r) => r.service === service)
    if (!rate) {
      errors.push(`Falta la tarifa de ${SERVICE_LABELS[service]}.`)
      continue
    }
    const fields = [
      ['cargo fijo', rate.fixedCharge],
      ['precio del consumo básico', rate.basicPrice],
      ['precio del consumo complementario', rate.complementaryPrice],
      ['precio del consumo suntuario', rate.luxuryPrice],
    ] as const
    for (const [label, value] of fields) {
      if (!isPositive(value)) errors.push(`${SERVICE_LABELS[service]}: el ${label} debe ser mayor que cero (es ${value}).`)
    }
  }
  for (const category of CATEGORY_CODES) {
    const waste = version.wasteCharges.find((w) => w.category === category)
    if (!waste) errors.push(`Aseo, ${CATEGORY_LABELS[category]}: falta el cargo.`)
    else if (!isPositive(waste.fixedCharge) || money(waste.variableCharge).isNegative()) {
      errors.push(`Aseo, ${CATEGORY_LABELS[category]}: los cargos deben ser positivos.`)
    }
    for (const service of SERVICES) {
      const row = version.factors.find((x) => x.category === category && x.service === service)
      const where = `${CATEGORY_LABELS[category]}, ${SERVICE_LABELS[service].toLowerCase()}`
      if (!row) {
        errors.push(`${where}: falta el factor de subsidio o aporte.`)
        continue
      }
      const problem = factorProblem(category, row.factor, limits)
      if (problem) errors.push(`${where}: ${problem}.`)
    }
  }
  for (const charge of version.otherCharges) {
    if (!isPositive(charge.amount)) errors.push(`Otro cobro «${charge.label}»: el valor debe ser mayor que cero.`)
    if (!charge.approvalAct.trim()) errors.push(`Otro cobro «${charge.label}»: falta el acto que lo aprueba.`)
  }
  return errors
}
