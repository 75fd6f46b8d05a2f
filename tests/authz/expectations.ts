/**
 * The authorization matrix: one row per route file in app/routes (the manifest flatRoutes builds). A new route
 * without a row here fails tests/authz/matrix.db.test.ts. Policies:
 *   public         everyone 200
 *   anonymous      anonymous 200; signed-in people are sent to their home (302)
 *   subscriber     anonymous → login; subscribers 200; staff 403
 *   staff(p)       anonymous → login; subscribers 403; staff 200 if their role has p, else 403
 *   owned(f)       anonymous → login; subscriber A (the owner) 200; subscriber B 404; staff 403. The matrix's beforeAll
 *                  creates one real record of kind `f` belonging to subscriber A only ('account' linked to A through
 *                  user_accounts, an issued 'invoice' of that account, a 'payment' on it, …) and fills the dynamic
 *                  segment `param` (default `<fixture>Id`) with its id; `{id}` in `query` is replaced by it too. Actions
 *                  on owned routes: anonymous → login, staff 403, subscriber B 404. To add a fixture kind, add it to
 *                  OwnedFixture and a builder to OWNED_FIXTURES in matrix.db.test.ts.
 *   custom         the expected outcome written out per actor
 * `params` fills the dynamic segments; `query` is added to the URL.
 */
import type { Permission } from '~/auth/permissions'

export type Outcome = 200 | 'login' | 'home' | 403 | 404 | 'redirect'
export type Actor = 'anonymous' | 'subscriberA' | 'subscriberB' | 'agent' | 'auditor' | 'coordinator' | 'area_leader' | 'collections' | 'crew' | 'legal' | 'admin'

/** Records the matrix creates for subscriber A (see OWNED_FIXTURES in matrix.db.test.ts). */
export type OwnedFixture = 'account' | 'invoice' | 'payment' | 'pqr'

export type Policy =
  | { kind: 'public' }
  | { kind: 'anonymous' }
  | { kind: 'subscriber' }
  | { kind: 'staff'; permission: Permission; actionPermission?: Permission }
  | { kind: 'owned'; fixture: OwnedFixture; param?: string }
  | { kind: 'custom'; loader: Partial<Record<Actor, Outcome>> & { default: Outcome }; note: string }

export type Expectation = {
  policy: Policy
  params?: Record<string, string>
  query?: string
  /** Allowed actors may get 404 here because the fixture id does not exist: the guard still runs first. */
  isMissingFixture?: boolean
}

const staff = (permission: Permission, actionPermission?: Permission): Policy => ({ kind: 'staff', permission, actionPermission })
const owned = (fixture: OwnedFixture, param?: string): Policy => ({ kind: 'owned', fixture, param })
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
  'mi-cuenta.cuentas.$accountId.facturas.tsx': { policy: owned('account') },
  'mi-cuenta.facturas.$invoiceId.tsx': { policy: owned('invoice') },
  'mi-cuenta.facturas.$invoiceId_.pdf.ts': { policy: owned('invoice') },
  'mi-cuenta.pagar.$invoiceId.tsx': { policy: owned('invoice') },
  'mi-cuenta.pagar.$invoiceId_.estado.tsx': { policy: owned('invoice') },
  'mi-cuenta.pagos.$paymentId.tsx': { policy: owned('payment') },
  'pasarela-prueba.$reference.tsx': {
    policy: {
      kind: 'custom',
      loader: { default: 404 },
      note: "sandbox gateway's hosted checkout: like Wompi's page it needs no session; the checkout URL's integrity signature authorises it, so an unsigned URL is 404 for everyone (and the page is 404 when Wompi is configured)",
    },
    params: { reference: '0000001230-1' },
  },
  'webhooks.wompi.ts': {
    policy: { kind: 'custom', loader: { default: 200 }, note: 'POST-only resource route, no loader; the event checksum is its authentication (app/payments/apply-event.server.ts)' },
  },
  'webhooks.sandbox.ts': {
    policy: { kind: 'custom', loader: { default: 200 }, note: 'POST-only resource route, no loader; checksum-verified like /webhooks/wompi with the sandbox secret' },
  },
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
  'gestion.facturacion.otros-cobros.tsx': { policy: staff('billing:operate') },
  'gestion.facturacion.desviaciones.tsx': { policy: staff('billing:approve') },
  'gestion.facturacion.reparto._index.tsx': { policy: staff('billing:operate') },
  'gestion.facturacion.reparto.$batchId.tsx': { policy: staff('billing:operate'), params: { batchId: MISSING_ID }, isMissingFixture: true },
  'gestion.facturacion.reparto.$batchId_.pdf.ts': { policy: staff('billing:operate'), params: { batchId: MISSING_ID }, isMissingFixture: true },
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
  'gestion.pagos.archivos._index.tsx': { policy: staff('payments:read', 'payments:operate') },
  'gestion.pagos.archivos.$fileId.tsx': { policy: staff('payments:read', 'payments:operate'), params: { fileId: MISSING_ID }, isMissingFixture: true },
  'gestion.pagos.por-identificar._index.tsx': { policy: staff('payments:read') },
  'gestion.pagos.por-identificar.$paymentId.tsx': {
    policy: staff('payments:read', 'payments:operate'),
    params: { paymentId: MISSING_ID },
    isMissingFixture: true,
  },
  'gestion.pagos.devoluciones.tsx': { policy: staff('payments:read', 'payments:operate') },
  'gestion.pagos.sospechosos._index.tsx': { policy: staff('payments:read') },
  'gestion.pagos.sospechosos.$attemptId.tsx': {
    policy: staff('payments:read', 'payments:operate'),
    params: { attemptId: MISSING_ID },
    isMissingFixture: true,
  },
  // PQR filing and the subscriber's side (issue 6)
  'pqr.tsx': { policy: { kind: 'public' } },
  'pqr.radicar.tsx': { policy: { kind: 'public' } },
  'pqr.consulta.tsx': { policy: { kind: 'public' } },
  'pqr.constancia.$caseId.tsx': {
    policy: { kind: 'custom', loader: { default: 404 }, note: 'open to the holder of the link (?clave=), the owner and staff; tested in its route test' },
    params: { caseId: MISSING_ID },
  },
  'pqr.constancia.$caseId_.pdf.ts': {
    policy: { kind: 'custom', loader: { default: 404 }, note: 'same access as the receipt page; tested in its route test' },
    params: { caseId: MISSING_ID },
  },
  'archivos.$fileId.ts': {
    policy: { kind: 'custom', loader: { anonymous: 'login', default: 404 }, note: 'a stored file, to its owner or staff (pqr:read); tested in its route test' },
    params: { fileId: MISSING_ID },
  },
  'mi-cuenta.pqr._index.tsx': { policy: { kind: 'subscriber' } },
  'mi-cuenta.pqr.nueva.tsx': { policy: { kind: 'subscriber' } },
  'mi-cuenta.pqr.$caseId.tsx': { policy: owned('pqr', 'caseId') },
  'gestion.casos.radicar.tsx': { policy: staff('pqr:work') },
  // PQR deadlines: dashboard, extensions (art. 158), silencio positivo (issue 6)
  'gestion.casos.tablero.tsx': { policy: staff('pqr:read') },
  'gestion.casos.$caseId_.prorroga.tsx': { policy: staff('pqr:work'), params: { caseId: MISSING_ID }, isMissingFixture: true },
  'gestion.casos._index.tsx': { policy: staff('pqr:read', 'pqr:work') },
  'gestion.casos.$caseId.tsx': { policy: staff('pqr:read', 'pqr:work'), params: { caseId: MISSING_ID }, isMissingFixture: true },
  'gestion.casos.$caseId_.decision.tsx': { policy: staff('pqr:decide'), params: { caseId: MISSING_ID }, isMissingFixture: true },
  'gestion.casos.$caseId_.notificacion.tsx': { policy: staff('pqr:read', 'pqr:work'), params: { caseId: MISSING_ID }, isMissingFixture: true },
  'gestion.casos.$caseId_.archivos.$fileId.ts': { policy: staff('pqr:read'), params: { caseId: MISSING_ID, fileId: MISSING_ID }, isMissingFixture: true },
  'gestion.plantillas.tsx': { policy: staff('pqr:approve') },
  'mi-cuenta.pqr.$caseId_.decision.tsx': { policy: owned('pqr', 'caseId') },
  'pqr.notificacion.$token.tsx': { policy: { kind: 'custom', loader: { default: 404 }, note: 'public: the emailed token is the credential; a wrong token is 404 for everyone (tested in its route test)' } },
  'avisos.tsx': { policy: { kind: 'public' } },
  'avisos_.$noticeId.ts': { policy: { kind: 'custom', loader: { default: 404 }, note: 'public while the aviso is published; an unknown or removed aviso is 404 for everyone' }, params: { noticeId: MISSING_ID } },
  'gestion.tareas-pqr._index.tsx': { policy: staff('pqr:approve') },
  'gestion.tareas-pqr.$taskId.tsx': { policy: staff('pqr:approve'), params: { taskId: MISSING_ID }, isMissingFixture: true },
  'gestion.silencio._index.tsx': { policy: staff('pqr:read') },
  'gestion.silencio.$taskId.tsx': { policy: staff('pqr:read', 'legal:act'), params: { taskId: MISSING_ID }, isMissingFixture: true },
}
