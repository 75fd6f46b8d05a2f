/** The staff navigation: each item names the permission it needs, and the header shows only what `can()` allows. */
import { can, type Permission } from '~/auth/permissions'
import type { Role } from '../../db/schema/auth'

export type NavItem = {
  to: string
  label: string
  permission: Permission
  /** Shown on the staff home card for this item; items without one get no card. */
  description?: string
  end?: boolean
}

// Only routes that exist. Each later issue adds its own line here when it adds the route.
export const STAFF_NAV: readonly NavItem[] = [
  { to: '/gestion', label: 'Inicio', permission: 'staff:home', end: true },
  { to: '/gestion/facturacion', label: 'Facturación', permission: 'billing:read', description: 'Ciclos y periodos, liquidaciones con su informe de control y expedición.' },
  { to: '/gestion/facturacion/tarifas', label: 'Tarifas', permission: 'billing:read', description: 'Versiones de tarifas por área: comparar, registrar y aprobar.' },
  { to: '/gestion/facturacion/lecturas', label: 'Lecturas', permission: 'billing:operate', description: 'Importar el archivo de lecturas de un ciclo o registrar una lectura.' },
  { to: '/gestion/facturacion/reparto', label: 'Reparto', permission: 'billing:operate', description: 'Lotes de facturas impresas por ruta y el registro de entregas y devoluciones.' },
  { to: '/gestion/facturacion/otros-cobros', label: 'Otros cobros', permission: 'billing:operate', description: 'Reconexiones, visitas y otros cobros con valor aprobado, pendientes de la próxima factura.' },
  { to: '/gestion/facturacion/desviaciones', label: 'Desviaciones', permission: 'billing:approve', description: 'Notas por la diferencia entre lo facturado por promedio y lo que halló la visita (art. 149).' },
  { to: '/gestion/facturacion/critica', label: 'Crítica', permission: 'billing:read', description: 'Consumos del periodo, desviaciones significativas, liberar o retener cuentas.' },
  { to: '/gestion/pagos/archivos', label: 'Recaudo bancario', permission: 'payments:read', description: 'Archivos Asobancaria del banco: cargar, ver el avance y el informe de cada importación.' },
  { to: '/gestion/pagos/por-identificar', label: 'Por identificar', permission: 'payments:read', description: 'Pagos recibidos sin una referencia válida: asignarlos a una cuenta o devolverlos.' },
  { to: '/gestion/pagos/devoluciones', label: 'Devoluciones', permission: 'payments:read', description: 'Pagos que el banco devolvió: reversarlos con su causal y avisar al suscriptor.' },
  { to: '/gestion/pagos/sospechosos', label: 'Pagos sospechosos', permission: 'payments:read', description: 'Pagos en línea cuyo aviso de la pasarela no coincide con el intento: revisarlos y dejar nota.' },
  { to: '/gestion/casos', label: 'Casos PQR', permission: 'pqr:read', end: true, description: 'Cola de casos por vencimiento legal: filtrar, tomar, asignar, decidir y notificar.' },
  { to: '/gestion/casos/radicar', label: 'Radicar PQR', permission: 'pqr:work', description: 'Radicar una petición, queja o reclamo recibido en ventanilla, por teléfono o por escrito.' },
  { to: '/gestion/casos/tablero', label: 'Vencimientos', permission: 'pqr:read', description: 'Casos que vencen hoy, por vencer, vencidos, en riesgo y en silencio positivo.' },
  { to: '/gestion/silencio', label: 'Silencio positivo', permission: 'legal:act', description: 'Reconocer los efectos del silencio administrativo positivo dentro de las 72 horas.' },
  { to: '/gestion/tareas-pqr', label: 'Ampliaciones', permission: 'pqr:approve', description: 'Ampliaciones del término de respuesta (art. 158) por aprobar o negar.' },
  { to: '/gestion/plantillas', label: 'Plantillas', permission: 'pqr:approve', description: 'Plantillas versionadas de las decisiones de PQR, con sus marcadores.' },
  { to: '/gestion/tareas', label: 'Tareas', permission: 'jobs:read', description: 'Tareas en segundo plano: avance, reintentos y errores.' },
  { to: '/gestion/ajustes', label: 'Ajustes', permission: 'settings:manage', description: 'Plazos, porcentajes y umbrales vigentes, con su fecha de efecto.' },
  { to: '/gestion/calendario', label: 'Calendario', permission: 'settings:manage', description: 'Festivos nacionales y días no hábiles de la empresa para contar los plazos.' },
  { to: '/gestion/usuarios', label: 'Usuarios', permission: 'users:manage', description: 'Crear y desactivar usuarios del personal, con su rol y área.' },
  { to: '/gestion/datos-personales', label: 'Datos personales', permission: 'personal_data:manage', description: 'Consultas y reclamos de habeas data con su término legal.' },
  { to: '/gestion/trazabilidad', label: 'Trazabilidad', permission: 'trail:read', description: 'Historia verificada de cada registro: quién, cuándo y qué.' },
]

/** Items with a card on the staff home (everything but Inicio). */
export function staffCardsFor(user: { role: Role }): NavItem[] {
  return staffNavFor(user).filter((item) => item.description)
}

export function staffNavFor(user: { role: Role }): NavItem[] {
  return STAFF_NAV.filter((item) => can(user, item.permission))
}
