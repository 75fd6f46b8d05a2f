/**
 * Fixed demo geography: two real municipalities of Cundinamarca at different altitudes (DANE DIVIPOLA codes),
 * their zones, billing cycles and neighbourhoods. Zipaquirá (~2,650 m) → consumo básico 11 m³; Girardot (~289 m)
 * → 16 m³ (Res. CRA 750/2016).
 */
import type { BillingFrequency } from '../schema/areas'

export type CycleSpec = {
  code: string
  name: string
  frequency: BillingFrequency
  readingDay: number
  issueDay: number
  dueDaysAfterIssue: number
  suspensionDaysAfterDue: number
}

export type ZoneSpec = { code: string; name: string; cycle: string; isRural: boolean; neighborhoods: readonly string[]; readers: number }

export type AreaSpec = {
  code: string
  name: string
  municipality: string
  department: string
  daneDepartment: string
  daneMunicipality: string
  daneTown: string
  altitudeM: number
  altitudeBand: 'below_1000' | 'from_1000_to_2000' | 'above_2000'
  glnBody: string // 12 digits; the GS1 check digit is appended
  accountPrefix: string
  share: number // fraction of the generated accounts
  /** Hot climate uses more water per person. */
  consumptionFactor: number
  zones: readonly ZoneSpec[]
  cycles: readonly CycleSpec[]
}

export const DEMO_AREAS: readonly AreaSpec[] = [
  {
    code: 'ZIP',
    name: 'Área de prestación Zipaquirá',
    municipality: 'Zipaquirá',
    department: 'Cundinamarca',
    daneDepartment: '25',
    daneMunicipality: '25899',
    daneTown: '25899000',
    altitudeM: 2650,
    altitudeBand: 'above_2000',
    glnBody: '770999800101',
    accountPrefix: '1',
    share: 0.6,
    consumptionFactor: 1,
    cycles: [
      { code: 'C1', name: 'Ciclo 1 Zipaquirá', frequency: 'monthly', readingDay: 3, issueDay: 8, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 10 },
      { code: 'C2', name: 'Ciclo 2 Zipaquirá', frequency: 'monthly', readingDay: 12, issueDay: 17, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 10 },
    ],
    zones: [
      { code: 'Z1', name: 'Centro', cycle: 'C1', isRural: false, readers: 3, neighborhoods: ['Centro', 'La Concepción', 'San Pablo', 'Bolívar 83', 'Julio Caro'] },
      { code: 'Z2', name: 'Norte', cycle: 'C1', isRural: false, readers: 3, neighborhoods: ['Algarra', 'La Esperanza', 'Villa Marión', 'El Codito', 'San Rafael'] },
      { code: 'Z3', name: 'Sur', cycle: 'C2', isRural: false, readers: 3, neighborhoods: ['La Paz', 'San Juanito', 'Bosques de Silecia', 'El Rosal', 'Portal de Zipa'] },
      { code: 'Z4', name: 'Rural', cycle: 'C2', isRural: true, readers: 1, neighborhoods: ['Barandillas', 'San Jorge', 'Páramo de Guerrero', 'El Tunal', 'Río Frío'] },
    ],
  },
  {
    code: 'GIR',
    name: 'Área de prestación Girardot',
    municipality: 'Girardot',
    department: 'Cundinamarca',
    daneDepartment: '25',
    daneMunicipality: '25307',
    daneTown: '25307000',
    altitudeM: 289,
    altitudeBand: 'below_1000',
    glnBody: '770999800202',
    accountPrefix: '2',
    share: 0.4,
    consumptionFactor: 1.3,
    cycles: [
      { code: 'C1', name: 'Ciclo 1 Girardot', frequency: 'monthly', readingDay: 5, issueDay: 10, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 10 },
      { code: 'C2', name: 'Ciclo bimestral Girardot', frequency: 'bimonthly', readingDay: 8, issueDay: 14, dueDaysAfterIssue: 15, suspensionDaysAfterDue: 15 },
    ],
    zones: [
      { code: 'Z1', name: 'Centro', cycle: 'C1', isRural: false, readers: 3, neighborhoods: ['Centro', 'Sucre', 'Granada', 'Alto de la Cruz', 'Kennedy'] },
      { code: 'Z2', name: 'Oriente', cycle: 'C1', isRural: false, readers: 2, neighborhoods: ['Rosa Blanca', 'Portachuelo', 'Santa Isabel', 'Diamante', 'La Estación'] },
      { code: 'Z3', name: 'Occidente', cycle: 'C2', isRural: false, readers: 2, neighborhoods: ['Brisas del Bogotá', 'Puerto Montero', 'Villa Alexander', 'Gaitán', 'Buenos Aires'] },
    ],
  },
]

export const METER_BRANDS = ['Elster', 'Itron', 'Sensus', 'Zenner', 'Baylan', 'Honeywell'] as const

/** Reader anomaly codes a field reader may report with a reading (or instead of it). */
export const READING_ANOMALIES = {
  PC: 'Predio cerrado',
  MI: 'Medidor ilegible',
  MD: 'Medidor dañado',
  IA: 'Impedimento de acceso',
  FV: 'Fuga visible',
  PD: 'Predio desocupado',
} as const
export type ReadingAnomaly = keyof typeof READING_ANOMALIES

export const VIA_TYPES = [
  ['Calle', 5],
  ['Carrera', 4],
  ['Diagonal', 1],
  ['Transversal', 1],
  ['Avenida', 0.5],
] as const

export const COMMERCE_KINDS = ['Panadería', 'Tienda', 'Droguería', 'Ferretería', 'Restaurante', 'Miscelánea', 'Peluquería', 'Papelería', 'Carnicería', 'Hotel'] as const
export const INDUSTRY_KINDS = ['Lácteos', 'Curtiembres', 'Alimentos', 'Textiles', 'Plásticos', 'Concretos'] as const
export const OFFICIAL_NAMES = ['Institución Educativa', 'Alcaldía Municipal — Sede', 'Estación de Policía', 'Centro de Salud', 'Biblioteca Pública'] as const
