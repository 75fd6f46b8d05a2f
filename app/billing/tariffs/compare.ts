/** Side-by-side comparison of two tariff versions' values, for the staff page. Pure. */
import { money } from '../money'
import { CATEGORY_LABELS, SERVICE_LABELS, type CategoryCode } from './categories'
import type { VersionToValidate } from './validate'

export type ComparedValue = {
  group: string
  label: string
  left: string | null
  right: string | null
  isDifferent: boolean
  /** Relative change right vs left, e.g. '5.20' (percent), when both are non-zero amounts. */
  changePercent: string | null
}

const METERED_FIELDS = [
  ['fixedCharge', 'Cargo fijo'],
  ['basicPrice', 'Consumo básico ($/m³)'],
  ['complementaryPrice', 'Consumo complementario ($/m³)'],
  ['luxuryPrice', 'Consumo suntuario ($/m³)'],
] as const

function flatten(v: VersionToValidate): Map<string, { group: string; label: string; value: string }> {
  const out = new Map<string, { group: string; label: string; value: string }>()
  for (const r of v.meteredRates) {
    for (const [field, label] of METERED_FIELDS) {
      out.set(`m:${r.service}:${field}`, { group: SERVICE_LABELS[r.service], label, value: r[field] })
    }
  }
  for (const w of v.wasteCharges) {
    const category = CATEGORY_LABELS[w.category]
    out.set(`w:${w.category}:fixed`, { group: 'Aseo', label: `${category}: cargo fijo`, value: w.fixedCharge })
    out.set(`w:${w.category}:variable`, { group: 'Aseo', label: `${category}: cargo variable`, value: w.variableCharge })
  }
  for (const f of v.factors) {
    out.set(`f:${f.category}:${f.service}`, {
      group: 'Factores de subsidio y aporte',
      label: `${CATEGORY_LABELS[f.category as CategoryCode]}, ${SERVICE_LABELS[f.service].toLowerCase()}`,
      value: f.factor,
    })
  }
  for (const o of v.otherCharges) out.set(`o:${o.code}`, { group: 'Otros cobros', label: o.label, value: o.amount })
  return out
}

export function compareTariffValues(left: VersionToValidate, right: VersionToValidate): ComparedValue[] {
  const a = flatten(left)
  const b = flatten(right)
  const keys = [...new Set([...a.keys(), ...b.keys()])]
  return keys.map((key) => {
    const l = a.get(key)
    const r = b.get(key)
    const isDifferent = !l || !r || !money(l.value).equals(r.value)
    const isFactor = key.startsWith('f:')
    const changePercent =
      l && r && !isFactor && !money(l.value).isZero()
        ? money(r.value).minus(l.value).dividedBy(l.value).times(100).toDecimalPlaces(2).toFixed(2)
        : null
    return { group: (l ?? r)!.group, label: (l ?? r)!.label, left: l?.value ?? null, right: r?.value ?? null, isDifferent, changePercent }
  })
}
