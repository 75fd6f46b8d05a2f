/** Spanish wording shared by the invoice page and the invoice PDF (client-safe, pure). */
import { formatNumber } from '~/utils/format'

/** How the billed consumption was obtained (Ley 142 arts. 146 and 149: the basis must be shown when not measured). */
export const CONSUMPTION_BASIS_LABELS: Record<string, string> = {
  measured: 'Medido: diferencia entre las lecturas del medidor',
  average: 'Promedio de sus consumos anteriores (no fue posible medir; Ley 142 art. 146)',
  estimated: 'Estimado mientras se investiga una desviación (Ley 142 art. 149)',
  category_average: 'Promedio de usuarios de su misma categoría (Ley 142 art. 146)',
}

export type LineForDetail = { quantityM3: string | null; unitPrice: string | null }

/** "12 m³ × $ 2.500" for consumption lines; null when the line is a flat amount. */
export function lineDetail(line: LineForDetail, formatMoney: (v: string) => string): string | null {
  if (line.quantityM3 !== null && line.unitPrice !== null) return `${formatNumber(line.quantityM3)} m³ × ${formatMoney(line.unitPrice)}`
  return null
}
