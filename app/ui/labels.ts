/** Spanish labels for stored codes (client-safe). One place, so every screen says the same thing. */
import type { Role } from '../../db/schema/auth'
import type { AccountStatus } from '../../db/schema/premises'

export const ROLE_LABELS: Record<Role, string> = {
  subscriber: 'Suscriptor',
  agent: 'Agente de PQR',
  auditor: 'Auditor de calidad',
  coordinator: 'Coordinador comercial',
  area_leader: 'Líder de área de prestación',
  collections: 'Cartera y recaudo',
  crew: 'Cuadrilla de campo',
  legal: 'Jurídica',
  admin: 'Administrador',
}

export const SERVICE_LABELS: Record<string, string> = {
  acueducto: 'Acueducto',
  alcantarillado: 'Alcantarillado',
  aseo: 'Aseo',
}

export const USE_CLASS_LABELS: Record<string, string> = {
  residential: 'Residencial',
  commercial: 'Comercial',
  industrial: 'Industrial',
  official: 'Oficial',
  special: 'Especial',
}

// Ley 142/1994 arts. 101–104: the six residential estratos.
export const ESTRATO_LABELS: Record<number, string> = {
  1: 'Estrato 1 (bajo-bajo)',
  2: 'Estrato 2 (bajo)',
  3: 'Estrato 3 (medio-bajo)',
  4: 'Estrato 4 (medio)',
  5: 'Estrato 5 (medio-alto)',
  6: 'Estrato 6 (alto)',
}

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Activa',
  suspended: 'Suspendida',
  cut: 'Cortada',
  inactive: 'Inactiva',
}

/** "Residencial, estrato 3 (medio-bajo)" or "Comercial". */
export function describeUse(useClass: string, estrato: number | null): string {
  if (useClass === 'residential' && estrato) return `Residencial, ${ESTRATO_LABELS[estrato]?.toLowerCase() ?? `estrato ${estrato}`}`
  return USE_CLASS_LABELS[useClass] ?? useClass
}
