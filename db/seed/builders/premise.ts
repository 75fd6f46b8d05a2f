/** Predios: urban addresses in Colombian nomenclature ('Calle 10 # 20-30') or rural vereda + predio name. */
import type { AddressParts, NewPremise } from '../../schema/premises'
import { VIA_TYPES } from '../catalog'
import type { Rng } from '../random'

export type PremiseRow = NewPremise & { id: string }
export type UseClass = NewPremise['useClass']

export function formatAddress(parts: AddressParts): string {
  if (parts.kind === 'rural') return `Vereda ${parts.vereda}, predio ${parts.predio}`
  const line = `${parts.viaType} ${parts.viaNumber} # ${parts.crossNumber}-${parts.plate}`
  return parts.complement ? `${line} ${parts.complement}` : line
}

export function buildAddressParts(rng: Rng, opts: { isRural?: boolean; neighborhood?: string; useClass?: UseClass } = {}): AddressParts {
  if (opts.isRural) {
    const predio = `${rng.pick(['Finca', 'Lote', 'Casa'])} ${rng.pick(['La Esperanza', 'El Recuerdo', 'Villa Luz', 'San José', 'Los Pinos', 'El Mirador', 'La Palma', 'Buenavista'])}`
    return { kind: 'rural', vereda: opts.neighborhood ?? 'El Tunal', predio }
  }
  const letter = rng.bool(0.15) ? rng.pick(['A', 'B', 'C']) : ''
  const bis = rng.bool(0.05) ? ' Bis' : ''
  const complement =
    opts.useClass === 'commercial' && rng.bool(0.4)
      ? `Local ${rng.int(1, 12)}`
      : opts.useClass === 'residential' && rng.bool(0.2)
        ? `Apto ${rng.int(1, 6)}0${rng.int(1, 4)}`
        : undefined
  return {
    kind: 'urban',
    viaType: rng.weighted(VIA_TYPES),
    viaNumber: `${rng.int(1, 45)}${letter}${bis}`,
    crossNumber: String(rng.int(1, 60)),
    plate: String(rng.int(2, 98)),
    ...(complement ? { complement } : {}),
  }
}

export type PremiseBuild = {
  zoneId: string
  cycleId: string
  routeOrder: number
  isRural?: boolean
  neighborhoods?: readonly string[]
}

/** Residential mix mostly estratos 1–3, as in most Colombian municipalities; some non-residential uses. */
export function drawUse(rng: Rng): { useClass: UseClass; estrato: number | null } {
  const useClass = rng.weighted([
    ['residential', 89],
    ['commercial', 8],
    ['industrial', 1],
    ['official', 1.5],
    ['special', 0.5],
  ] as const)
  const estrato = useClass === 'residential' ? rng.weighted([[1, 22], [2, 35], [3, 25], [4, 10], [5, 5], [6, 3]] as const) : null
  return { useClass, estrato }
}

export function buildPremise(rng: Rng, build: PremiseBuild, overrides: Partial<PremiseRow> = {}): PremiseRow {
  const use = overrides.useClass ? { useClass: overrides.useClass, estrato: overrides.estrato ?? null } : drawUse(rng)
  const neighborhood = overrides.neighborhood ?? rng.pick(build.neighborhoods ?? ['Centro'])
  const addressParts = overrides.addressParts ?? buildAddressParts(rng, { isRural: build.isRural, neighborhood, useClass: use.useClass })
  const isProtected = use.useClass === 'special' ? rng.bool(0.5) : use.useClass === 'residential' ? rng.bool(0.002) : false
  return {
    id: rng.uuid(),
    zoneId: build.zoneId,
    cycleId: build.cycleId,
    address: formatAddress(addressParts),
    addressParts,
    neighborhood,
    estrato: use.estrato,
    useClass: use.useClass,
    routeOrder: build.routeOrder,
    isProtected,
    protectedReason: isProtected
      ? use.useClass === 'special'
        ? 'Establecimiento de salud o educativo (C-150/2003)'
        : 'Hogar con sujeto de especial protección constitucional (C-150/2003)'
      : null,
    units: use.useClass === 'residential' && rng.bool(0.08) ? rng.int(2, 4) : 1,
    ...overrides,
  }
}
