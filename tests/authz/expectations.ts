/**
 * The authorization matrix: one row per route file in app/routes (the manifest flatRoutes builds). A new route
 * without a row here fails tests/authz/matrix.db.test.ts. Policies:
 *   public         everyone 200
 *   anonymous      anonymous 200; signed-in people are sent to their home (302)
 *   subscriber     anonymous → login; subscribers 200; staff 403
 *   staff(p)       anonymous → login; subscribers 403; staff 200 if their role has p, else 403
 *   owned(…)       like subscriber, and subscriber B asking for A's resource gets 404 (routes with ids)
 *   custom         the expected outcome written out per actor
 * `params` fills the dynamic segments; `query` is added to the URL.
 */
import type { Permission } from '~/auth/permissions'

export type Outcome = 200 | 'login' | 'home' | 403 | 404 | 'redirect'
export type Actor = 'anonymous' | 'subscriberA' | 'subscriberB' | 'agent' | 'auditor' | 'coordinator' | 'area_leader' | 'collections' | 'crew' | 'legal' | 'admin'

export type Policy =
  | { kind: 'public' }
  | { kind: 'anonymous' }
  | { kind: 'subscriber' }
  | { kind: 'staff'; permission: Permission; actionPermission?: Permission }
  | { kind: 'custom'; loader: Partial<Record<Actor, Outcome>> & { default: Outcome }; note: string }

export type Expectation = {
  policy: Policy
  params?: Record<string, string>
  query?: string
  /** Allowed actors may get 404 here because the fixture id does not exist: the guard still runs first. */
  isMissingFixture?: boolean
}

const staff = (permission: Permission, actionPermission?: Permission): Policy => ({ kind: 'staff', permission, actionPermission })
const MISSING_ID = '00000000-0000-4000-8000-000000000000'

export const EXPECTATIONS: Record<string, Expectation> = {
  '$.tsx': { policy: { kind: 'custom', loader: { default: 404 }, note: 'catch-all: 404 for everyone' } },
  '_index.tsx': { policy: { kind: 'public' } },
  'salud.ts': { policy: { kind: 'public' } },
  'salir.tsx': { policy: { kind: 'custom', loader: { default: 'redirect' }, note: 'GET goes home; POST ends the session' } },
  'ingresar.tsx': { policy: { kind: 'anonymous' } },
  'registro.tsx': { policy: { kind: 'anonymous' } },
  'recuperar-clave._index.tsx': { policy: { kind: 'anonymous' } },
  'recuperar-clave.nueva.tsx': { policy: { kind: 'anonymous' }, query: 'token=nada' },
  'verificar-correo.tsx': { policy: { kind: 'public' }, query: 'token=nada' },
  'dev.correo.tsx': { policy: staff('mail:dev') },
  'mi-cuenta.tsx': { policy: { kind: 'subscriber' } },
  'mi-cuenta._index.tsx': { policy: { kind: 'subscriber' } },
  'mi-cuenta.perfil.tsx': { policy: { kind: 'subscriber' } },
  'mi-cuenta.perfil_.datos.tsx': { policy: { kind: 'subscriber' } },
  'mi-cuenta.vincular.tsx': { policy: { kind: 'subscriber' } },
  'gestion.tsx': { policy: staff('staff:home') },
  'gestion._index.tsx': { policy: staff('staff:home') },
  'gestion.ajustes.tsx': { policy: staff('settings:manage') },
  'gestion.usuarios.tsx': { policy: staff('users:manage') },
  'gestion.datos-personales.tsx': { policy: staff('personal_data:manage') },
  'gestion.trazabilidad.tsx': { policy: staff('trail:read') },
  'gestion.tareas.tsx': { policy: staff('jobs:read') },
  'gestion.tareas.$jobId.ts': { policy: staff('jobs:read'), params: { jobId: MISSING_ID }, isMissingFixture: true },
  'gestion.calendario.tsx': { policy: staff('settings:manage') },
  'gestion.facturacion._index.tsx': { policy: staff('billing:read') },
  'gestion.facturacion.liquidaciones._index.tsx': { policy: staff('billing:read', 'billing:operate') },
  'gestion.facturacion.liquidaciones.$runId.tsx': {
    policy: staff('billing:read'),
    params: { runId: MISSING_ID },
    isMissingFixture: true,
  },
  'gestion.facturacion.critica.tsx': { policy: staff('billing:read', 'billing:operate') },
  'gestion.facturacion.lecturas.tsx': { policy: staff('billing:operate') },
  'gestion.facturacion.tarifas._index.tsx': { policy: staff('billing:read', 'billing:operate') },
  'gestion.facturacion.tarifas.comparar.tsx': { policy: staff('billing:read'), isMissingFixture: true }, // needs ?a=&b= versions
  'gestion.facturacion.tarifas.$versionId.tsx': {
    policy: staff('billing:read', 'billing:read'),
    params: { versionId: MISSING_ID },
    isMissingFixture: true,
  },
  'gestion.facturacion.tarifas.$versionId_.editar.tsx': {
    policy: staff('billing:operate'),
    params: { versionId: MISSING_ID },
    isMissingFixture: true,
  },
}
