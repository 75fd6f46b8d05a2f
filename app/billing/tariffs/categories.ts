/**
 * Tariff categories as stored (one text code per estrato or use class) and as the contract spells them
 * (`TariffCategory`). Client-safe.
 */
import type { AltitudeBand, Estrato, TariffCategory } from './types'

export const CATEGORY_CODES = [
  'estrato_1',
  'estrato_2',
  'estrato_3',
  'estrato_4',
  'estrato_5',
  'estrato_6',
  'commercial',
  'industrial',
  'official',
  'special',
] as const
export type CategoryCode = (typeof CATEGORY_CODES)[number]

export const CATEGORY_LABELS: Record<CategoryCode, string> = {
  estrato_1: 'Estrato 1',
  estrato_2: 'Estrato 2',
  estrato_3: 'Estrato 3',
  estrato_4: 'Estrato 4',
  estrato_5: 'Estrato 5',
  estrato_6: 'Estrato 6',
  commercial: 'Comercial',
  industrial: 'Industrial',
  official: 'Oficial',
  special: 'Especial',
}

export const SERVICE_LABELS = { acueducto: 'Acueducto', alcantarillado: 'Alcantarillado', aseo: 'Aseo' } as const

export function categoryFromCode(code: CategoryCode): TariffCategory {
  if (code.startsWith('estrato_')) return { useClass: 'residential', estrato: Number(code.slice(8)) as Estrato }
  return { useClass: code as Exclude<TariffCategory['useClass'], 'residential'> }
}

export function codeFromCategory(category: TariffCategory): CategoryCode {
  return category.useClass === 'residential' ? `estrato_${category.estrato}` : category.useClass
}

/** Res. CRA 750/2016: consumo básico per subscriber-month by the municipality's average altitude. */
export function basicConsumptionFor(band: AltitudeBand): number {
  switch (band) {
    case 'below_1000':
      return 16
    case 'from_1000_to_2000':
      return 13
    case 'above_2000':
      return 11
  }
}
