/**
 * Why this invoice differs from the previous one, in plain Spanish for the subscriber (Ley 142 art. 148: the invoice
 * lets the user compare consumption and price with previous periods). Pure: takes both invoices' consumption and
 * lines and returns short sentences, most important first.
 *
 * Rules (choices, no norm fixes them):
 * - Consumption: "subió/bajó N m³ (P %)" against the previous period; "igual" when unchanged.
 * - Tariff: a unit price (m³ price or cargo fijo) of the same service and concept that changed.
 * - Charges added or removed: one-off concepts (otros cobros, intereses, cuotas de acuerdo, aseo…) present on only one
 *   of the two invoices, by description. Consumption ranges, subsidies, contributions and the ajuste a la decena are
 *   explained by the consumption and tariff sentences, so they are not listed again.
 */
import { money, ZERO, type Money } from '~/billing/money'
import { formatCOP, formatNumber } from '~/utils/format'

export type ExplainLine = {
  service: string | null
  concept: string
  description: string
  unitPrice: string | null
  amount: string
}

export type ExplainInvoice = { periodLabel: string; billedM3: string | null; currentCharges: string; lines: ExplainLine[] }

const DERIVED_CONCEPTS = new Set([
  'consumo_basico',
  'consumo_complementario',
  'consumo_suntuario',
  'subsidio',
  'contribucion',
  'ajuste_decena',
])
const PRICED_CONCEPTS: Record<string, string> = {
  cargo_fijo: 'El cargo fijo',
  consumo_basico: 'El precio del consumo básico',
  consumo_complementario: 'El precio del consumo complementario',
  consumo_suntuario: 'El precio del consumo suntuario',
}
const SERVICE_NAMES: Record<string, string> = { acueducto: 'acueducto', alcantarillado: 'alcantarillado', aseo: 'aseo' }

function consumptionSentence(current: ExplainInvoice, previous: ExplainInvoice): string | null {
  if (current.billedM3 === null || previous.billedM3 === null) return null
  const now = money(current.billedM3)
  const before = money(previous.billedM3)
  const diff = now.minus(before)
  if (diff.isZero()) return `Su consumo fue igual al del periodo anterior: ${formatNumber(now)} m³.`
  const verb = diff.isPositive() ? 'subió' : 'bajó'
  const pct = before.isZero() ? '' : ` (${formatNumber(diff.abs().div(before).times(100).toDecimalPlaces(0))} %)`
  return `Su consumo ${verb} ${formatNumber(diff.abs())} m³${pct}: pasó de ${formatNumber(before)} m³ en ${previous.periodLabel} a ${formatNumber(now)} m³ en ${current.periodLabel}.`
}

function totalSentence(current: ExplainInvoice, previous: ExplainInvoice): string {
  const diff = money(current.currentCharges).minus(money(previous.currentCharges))
  if (diff.isZero()) return 'El valor de los consumos y cargos de este periodo es igual al del periodo anterior.'
  const word = diff.isPositive() ? 'mayor' : 'menor'
  return `El valor de este periodo es ${formatCOP(diff.abs())} ${word} que el del periodo anterior.`
}

const key = (l: ExplainLine) => `${l.service ?? ''}|${l.concept}`

function tariffSentences(current: ExplainInvoice, previous: ExplainInvoice): string[] {
  const before = new Map(previous.lines.filter((l) => l.unitPrice !== null).map((l) => [key(l), money(l.unitPrice!)]))
  const out: string[] = []
  for (const l of current.lines) {
    const label = PRICED_CONCEPTS[l.concept]
    const old = before.get(key(l))
    if (!label || l.unitPrice === null || !old) continue
    const price = money(l.unitPrice)
    if (price.equals(old)) continue
    const service = l.service ? ` de ${SERVICE_NAMES[l.service] ?? l.service}` : ''
    const unit = l.concept === 'cargo_fijo' ? '' : ' por m³'
    const verb = price.greaterThan(old) ? 'subió' : 'bajó'
    out.push(`${label}${service} ${verb} de ${formatCOP(old)} a ${formatCOP(price)}${unit} (cambio de tarifa).`)
  }
  return out
}

function oneOffTotals(invoice: ExplainInvoice): Map<string, Money> {
  const totals = new Map<string, Money>()
  for (const l of invoice.lines) {
    if (DERIVED_CONCEPTS.has(l.concept) || PRICED_CONCEPTS[l.concept]) continue
    totals.set(l.description, (totals.get(l.description) ?? ZERO).plus(money(l.amount)))
  }
  return totals
}

function addedRemovedSentences(current: ExplainInvoice, previous: ExplainInvoice): string[] {
  const now = oneOffTotals(current)
  const before = oneOffTotals(previous)
  const out: string[] = []
  for (const [description, amount] of now)
    if (!before.has(description)) out.push(`Nuevo cobro en esta factura: ${description} (${formatCOP(amount)}).`)
  for (const [description, amount] of before)
    if (!now.has(description)) out.push(`Ya no aparece el cobro «${description}» (${formatCOP(amount)} en el periodo anterior).`)
  return out
}

/** Sentences explaining the change from `previous` to `current`; `previous` null for a first invoice. */
export function explainInvoiceChange(current: ExplainInvoice, previous: ExplainInvoice | null): string[] {
  if (!previous) return ['Esta es la primera factura de su cuenta en el portal: aún no hay un periodo anterior para comparar.']
  const sentences = [
    totalSentence(current, previous),
    consumptionSentence(current, previous),
    ...tariffSentences(current, previous),
    ...addedRemovedSentences(current, previous),
  ]
  return sentences.filter((s): s is string => s !== null)
}
