/** Spanish names of billing periods: '2026-03' → 'marzo 2026'; bimonthly → 'marzo–abril 2026'. Pure. */
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']

export function periodLabel(code: string, frequency: 'monthly' | 'bimonthly' = 'monthly'): string {
  const [y, m] = code.split('-').map(Number) as [number, number]
  if (frequency === 'monthly') return `${MONTHS[m - 1]} ${y}`
  const nextMonth = m === 12 ? 1 : m + 1
  const nextYear = m === 12 ? y + 1 : y
  return nextYear === y ? `${MONTHS[m - 1]}–${MONTHS[nextMonth - 1]} ${y}` : `${MONTHS[m - 1]} ${y}–${MONTHS[nextMonth - 1]} ${nextYear}`
}

/** Short label for chart axes: 'mar. 26'. */
export function shortPeriodLabel(code: string): string {
  const [y, m] = code.split('-').map(Number) as [number, number]
  return `${MONTHS[m - 1]!.slice(0, 3)}. ${String(y).slice(2)}`
}
