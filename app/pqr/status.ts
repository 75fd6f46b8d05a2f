/**
 * The PQR lifecycle as one pure table (DESIGN.md "PQR lifecycle"; colombia-rules.md §1–§3). Client-safe: the queue,
 * the case page and the subscriber's pages read the labels from here; `transitionCase` reads the table in its WHERE.
 */
import { PQR_STATES, type PqrState } from '../../db/schema/pqr'

export { PQR_STATES, type PqrState }

/** States before a decision is issued: the answer clock runs and silencio positivo can still happen. */
export const OPEN_BEFORE_DECISION = [
  'radicada',
  'asignada',
  'en_tramite',
  'en_pruebas',
] as const satisfies readonly PqrState[]

/** States in which the case is finished for the queue (no company deadline runs). */
export const FINAL_STATES = ['cerrada'] as const satisfies readonly PqrState[]

/**
 * Allowed moves. Ley 142 art. 158: no decision by the answer deadline is silencio positivo, so every state before a
 * decision may go to `silencio_positivo`. CPACA art. 21: a case that is not ours is forwarded (remitida) and closed.
 * CPACA arts. 67–69: decidida → citada (citation or electronic notice) → notificada; an electronic notice opened or a
 * personal notification may skip the citation. Ley 142 art. 154: recursos within the window after notification.
 */
export const PQR_TRANSITIONS: Readonly<Record<PqrState, readonly PqrState[]>> = {
  // A visit or evidence may be ordered before the case is assigned (art. 158: evidence is what extends the term).
  radicada: ['asignada', 'en_tramite', 'en_pruebas', 'remitida_por_competencia', 'decidida', 'silencio_positivo', 'cerrada'],
  asignada: ['asignada', 'en_tramite', 'en_pruebas', 'remitida_por_competencia', 'decidida', 'silencio_positivo'],
  en_tramite: ['en_pruebas', 'remitida_por_competencia', 'decidida', 'silencio_positivo'],
  en_pruebas: ['en_tramite', 'decidida', 'silencio_positivo'],
  remitida_por_competencia: ['cerrada'],
  decidida: ['citada', 'notificada'],
  citada: ['notificada'],
  notificada: ['en_termino_de_recursos', 'firme', 'recurrida'],
  en_termino_de_recursos: ['firme', 'recurrida'],
  firme: ['cerrada'],
  recurrida: ['por_trasladar_sspd', 'firme', 'cerrada'],
  por_trasladar_sspd: ['enviada_sspd'],
  enviada_sspd: ['decidida_sspd'],
  decidida_sspd: ['cerrada'],
  // Recognised (effects applied) or found not applicable, the case still needs its decision notified.
  silencio_positivo: ['decidida', 'cerrada'],
  cerrada: [],
}

export function canTransition(from: PqrState, to: PqrState): boolean {
  return PQR_TRANSITIONS[from].includes(to)
}

/** The states from which `to` may be reached (what the WHERE guard of a transition lists). */
export function statesAllowedInto(to: PqrState): PqrState[] {
  return PQR_STATES.filter((from) => canTransition(from, to))
}

export function isOpenBeforeDecision(state: PqrState): boolean {
  return (OPEN_BEFORE_DECISION as readonly PqrState[]).includes(state)
}

export const STATE_LABELS: Readonly<Record<PqrState, string>> = {
  radicada: 'Radicada',
  asignada: 'Asignada',
  en_tramite: 'En trámite',
  en_pruebas: 'En pruebas',
  remitida_por_competencia: 'Remitida por competencia',
  decidida: 'Decidida',
  citada: 'Citada para notificación',
  notificada: 'Notificada',
  en_termino_de_recursos: 'En término de recursos',
  firme: 'En firme',
  recurrida: 'Recurrida',
  por_trasladar_sspd: 'Por trasladar a la Superintendencia',
  enviada_sspd: 'Enviada a la Superintendencia',
  decidida_sspd: 'Decidida por la Superintendencia',
  silencio_positivo: 'Silencio administrativo positivo',
  cerrada: 'Cerrada',
}

export const PQR_EVENT_KINDS = [
  'filed',
  'assigned',
  'note',
  'state_changed',
  'attachment_added',
  'visit_ordered',
  'visit_result',
  'extension_requested',
  'extension_granted',
  'extension_denied',
  'extension_notice_sent',
  'traslado',
  'decision_drafted',
  'decision_approved',
  'decision_issued',
  'notification',
  'silencio_declared',
  'silencio_recognised',
  'silencio_not_applicable',
  'hold_placed',
  'hold_released',
  'closed',
] as const
export type PqrEventKind = (typeof PQR_EVENT_KINDS)[number]

export const EVENT_LABELS: Readonly<Record<PqrEventKind, string>> = {
  filed: 'Radicación',
  assigned: 'Asignación',
  note: 'Nota',
  state_changed: 'Cambio de estado',
  attachment_added: 'Documento agregado',
  visit_ordered: 'Visita ordenada',
  visit_result: 'Resultado de la visita',
  extension_requested: 'Ampliación de término solicitada',
  extension_granted: 'Ampliación de término aprobada',
  extension_denied: 'Ampliación de término negada',
  extension_notice_sent: 'Aviso de ampliación al usuario',
  traslado: 'Traslado por competencia',
  decision_drafted: 'Proyecto de decisión',
  decision_approved: 'Decisión aprobada',
  decision_issued: 'Decisión expedida',
  notification: 'Notificación',
  silencio_declared: 'Silencio administrativo positivo',
  silencio_recognised: 'Silencio positivo reconocido',
  silencio_not_applicable: 'Silencio positivo no aplicable',
  hold_placed: 'Valor en reclamo retenido',
  hold_released: 'Valor en reclamo liberado',
  closed: 'Cierre',
}

export function isPqrEventKind(kind: string): kind is PqrEventKind {
  return (PQR_EVENT_KINDS as readonly string[]).includes(kind)
}

/** The label of a stored kind, also for kinds another module adds later. */
export function eventLabel(kind: string): string {
  return isPqrEventKind(kind) ? EVENT_LABELS[kind] : kind
}

export const CHANNEL_LABELS = {
  portal: 'Portal (Mi cuenta)',
  web_publico: 'Formulario web',
  presencial: 'Presencial',
  telefonico: 'Telefónico',
  escrito: 'Escrito',
  correo: 'Correo electrónico',
} as const
