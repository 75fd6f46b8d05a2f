/**
 * The draft edit form's flat field names ↔ a version's values. Factors are typed as percentages (−60, 50) and stored
 * as fractions (−0.6000, 0.5000). Pure and client-safe, so the page and its tests share it.
 */
import { money } from '../money'
import { CATEGORY_CODES, CATEGORY_LABELS, SERVICE_LABELS } from './categories'
import { SERVICES } from './types'
import type { VersionToValidate } from './validate'

const AMOUNT = /^\d{1,12}([.,]\d{1,2})?$/
const PERCENT = /^-?\d{1,3}([.,]\d{1,2})?$/

const METERED = ['fixedCharge', 'basicPrice', 'complementaryPrice', 'luxuryPrice'] as const

export function draftFormDefaults(v: VersionToValidate): Record<string, string> {
  const out: Record<string, string> = {}
  for (const r of v.meteredRates) for (const f of METERED) out[`m.${r.service}.${f}`] = r[f]
  for (const w of v.wasteCharges) {
    out[`w.${w.category}.fixedCharge`] = w.fixedCharge
    out[`w.${w.category}.variableCharge`] = w.variableCharge
  }
  for (const f of v.factors) out[`f.${f.category}.${f.service}`] = money(f.factor).times(100).toDecimalPlaces(2).toString()
  for (const o of v.otherCharges) out[`o.${o.code}.amount`] = o.amount
  return out
}

/**
 * Reads the posted form over the draft's current values (other charges keep their label and act; only amounts are
 * edited here). Returns the new values or the format errors, in Spanish, naming each field.
 */
export function parseDraftForm(
  form: Record<string, string>,
  current: VersionToValidate,
): { ok: true; values: VersionToValidate } | { ok: false; errors: string[] } {
  const errors: string[] = []
  const amount = (key: string, label: string) => {
    const raw = (form[key] ?? '').trim()
    if (!AMOUNT.test(raw)) {
      errors.push(`${label}: escriba un valor en pesos como 10450 o 10450,37.`)
      return '0.00'
    }
    return money(raw.replace(',', '.')).toFixed(2)
  }
  const meteredRates = (['acueducto', 'alcantarillado'] as const).map((service) => {
    const [fixedCharge, basicPrice, complementaryPrice, luxuryPrice] = METERED.map((f) =>
      amount(`m.${service}.${f}`, `${SERVICE_LABELS[service]} (${f === 'fixedCharge' ? 'cargo fijo' : 'precio por m³'})`),
    ) as [string, string, string, string]
    return { service, fixedCharge, basicPrice, complementaryPrice, luxuryPrice }
  })
  const wasteCharges = CATEGORY_CODES.map((category) => ({
    category,
    fixedCharge: amount(`w.${category}.fixedCharge`, `Aseo ${CATEGORY_LABELS[category]} (cargo fijo)`),
    variableCharge: amount(`w.${category}.variableCharge`, `Aseo ${CATEGORY_LABELS[category]} (cargo variable)`),
  }))
  const factors = CATEGORY_CODES.flatMap((category) =>
    SERVICES.map((service) => {
      const raw = (form[`f.${category}.${service}`] ?? '').trim()
      if (!PERCENT.test(raw)) {
        errors.push(`${CATEGORY_LABELS[category]}, ${SERVICE_LABELS[service].toLowerCase()}: escriba el factor en porcentaje, como -60 o 50.`)
        return { category, service, factor: '0.0000' }
      }
      return { category, service, factor: money(raw.replace(',', '.')).dividedBy(100).toFixed(4) }
    }),
  )
  const otherCharges = current.otherCharges.map((o) => ({ ...o, amount: amount(`o.${o.code}.amount`, o.label) }))
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, values: { meteredRates, wasteCharges, factors, otherCharges } }
}
