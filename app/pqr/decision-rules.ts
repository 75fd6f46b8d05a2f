/**
 * Which decision fits which case (pure, client-safe): the coherence table between the type of request and the type
 * of answer (colombia-rules.md §7.2 suggests a validation matrix between tipo de trámite and tipo de respuesta), the
 * billing effect a decision may carry, and the recursos every decision must state (CPACA art. 67, Ley 142 art. 154).
 */
import { money } from '~/billing/money'
import type { DecisionType, PqrState } from '../../db/schema/pqr'

export const DECISION_TYPE_LABELS: Record<DecisionType, string> = {
  accede: 'Accede',
  accede_parcialmente: 'Accede parcialmente',
  no_accede: 'No accede',
  rechaza: 'Rechaza',
  traslada_por_competencia: 'Traslada por competencia',
  archiva: 'Archiva',
}

/** The families of request the table distinguishes (the catalogue of types is data; these are its legal kinds). */
export const CASE_CATEGORIES = ['reclamo', 'peticion', 'queja', 'informacion', 'denuncia', 'recurso'] as const
export type CaseCategory = (typeof CASE_CATEGORIES)[number]

export function caseCategory(type: {
  code: string
  isBillingClaim: boolean
  isRecurso: boolean
}): CaseCategory {
  if (type.isRecurso) return 'recurso'
  if (type.isBillingClaim) return 'reclamo'
  const code = type.code.toLowerCase()
  if (code.includes('queja')) return 'queja'
  if (code.includes('informacion') || code.includes('copia')) return 'informacion'
  if (code.includes('denuncia')) return 'denuncia'
  return 'peticion'
}

type Effect = 'none' | 'credit' | 'debit'

/**
 * The coherence table. `effects` are the billing effects allowed with that answer: only a billing claim (reclamo,
 * Ley 142 art. 154) or a recurso against a billing decision moves money; a credit only when the company accedes in
 * whole or in part; a debit only when the review shows the user owes more (art. 149: "se cobrará la diferencia").
 * Recursos are answered with the appeals issue's confirma/modifica/revoca; here accede ≈ revoca, parcialmente ≈
 * modifica, no accede ≈ confirma. A recurso is never forwarded: it challenges our own act.
 */
export const COHERENCE: Record<CaseCategory, Partial<Record<DecisionType, readonly Effect[]>>> = {
  reclamo: {
    accede: ['none', 'credit'],
    accede_parcialmente: ['credit'],
    no_accede: ['none', 'debit'],
    rechaza: ['none'],
    traslada_por_competencia: ['none'],
    archiva: ['none'],
  },
  peticion: {
    accede: ['none'],
    accede_parcialmente: ['none'],
    no_accede: ['none'],
    rechaza: ['none'],
    traslada_por_competencia: ['none'],
    archiva: ['none'],
  },
  queja: {
    accede: ['none'],
    accede_parcialmente: ['none'],
    no_accede: ['none'],
    traslada_por_competencia: ['none'],
    archiva: ['none'],
  },
  informacion: {
    accede: ['none'],
    accede_parcialmente: ['none'],
    no_accede: ['none'],
    traslada_por_competencia: ['none'],
    archiva: ['none'],
  },
  denuncia: { accede: ['none'], no_accede: ['none'], traslada_por_competencia: ['none'], archiva: ['none'] },
  recurso: {
    accede: ['none', 'credit'],
    accede_parcialmente: ['credit', 'none'],
    no_accede: ['none'],
    rechaza: ['none'],
  },
}

/**
 * States in which a case may still be decided (after decidida the act exists; recursos are new cases). A case in
 * silencio positivo still gets its act, notified like any other, and it can only accede (Ley 142 art. 158).
 */
export const DECIDABLE_STATES: readonly PqrState[] = [
  'radicada',
  'asignada',
  'en_tramite',
  'en_pruebas',
  'silencio_positivo',
]
/** CPACA art. 21: forwarding is the first step, before any investigation; a case in evidence is ours. */
export const TRASLADO_STATES: readonly PqrState[] = ['radicada', 'asignada', 'en_tramite']

export type CoherenceInput = {
  category: CaseCategory
  state: PqrState
  decisionType: DecisionType
  creditAmount?: string | null
  debitAmount?: string | null
  /** The amount disputed on the invoice the effect applies to (art. 155), when there is one. */
  disputedAmount?: string | null
}

export type RuleCheck = { ok: true } | { ok: false; message: string }

const positive = (v: string | null | undefined) => v != null && v !== '' && money(v).gt(0)

export function allowedDecisionTypes(category: CaseCategory, state: PqrState): DecisionType[] {
  if (!DECIDABLE_STATES.includes(state)) return []
  if (state === 'silencio_positivo') return COHERENCE[category].accede ? ['accede'] : []
  return (Object.keys(COHERENCE[category]) as DecisionType[]).filter(
    (t) => t !== 'traslada_por_competencia' || TRASLADO_STATES.includes(state),
  )
}

export function checkDecisionCoherence(input: CoherenceInput): RuleCheck {
  const { category, state, decisionType } = input
  const effects = COHERENCE[category][decisionType]
  const label = DECISION_TYPE_LABELS[decisionType].toLowerCase()
  if (!effects)
    return { ok: false, message: `Una decisión que ${label} no corresponde a este tipo de solicitud.` }
  if (!DECIDABLE_STATES.includes(state))
    return { ok: false, message: 'El caso ya no está en trámite: no se puede decidir.' }
  if (state === 'silencio_positivo' && decisionType !== 'accede')
    return {
      ok: false,
      message:
        'Operó el silencio administrativo positivo: la decisión reconoce lo pedido (accede), Ley 142 art. 158.',
    }
  if (decisionType === 'traslada_por_competencia' && !TRASLADO_STATES.includes(state))
    return {
      ok: false,
      message: 'El traslado por competencia solo procede antes de practicar pruebas o decidir.',
    }
  const hasCredit = positive(input.creditAmount)
  const hasDebit = positive(input.debitAmount)
  if (hasCredit && hasDebit)
    return { ok: false, message: 'Una decisión lleva una nota crédito o una nota débito, no ambas.' }
  const effect: Effect = hasCredit ? 'credit' : hasDebit ? 'debit' : 'none'
  if (!effects.includes(effect)) return { ok: false, message: effectMessage(effect, label) }
  if (hasCredit && input.disputedAmount != null) {
    const credit = money(input.creditAmount!)
    const disputed = money(input.disputedAmount)
    if (credit.gt(disputed))
      return { ok: false, message: 'La nota crédito no puede superar el valor en reclamo de la factura.' }
    if (decisionType === 'accede_parcialmente' && credit.gte(disputed))
      return {
        ok: false,
        message: 'Si acredita todo el valor en reclamo, la decisión accede (no parcialmente).',
      }
  }
  return { ok: true }
}

function effectMessage(effect: Effect, label: string): string {
  if (effect === 'credit')
    return `Una decisión que ${label} no puede llevar nota crédito en este tipo de solicitud.`
  if (effect === 'debit')
    return `Una decisión que ${label} no puede llevar nota débito en este tipo de solicitud.`
  return 'Esta decisión debe indicar el valor de la nota crédito sobre la factura.'
}

export const RECURSO_KINDS = ['reposicion', 'apelacion'] as const
export type RecursoKind = (typeof RECURSO_KINDS)[number]
export const RECURSO_LABELS: Record<RecursoKind, string> = {
  reposicion: 'Recurso de reposición',
  apelacion: 'Recurso de apelación (en subsidio del de reposición)',
}
export type Recurso = { kind: string; termBusinessDays: number; fileWith: string }

/**
 * CPACA art. 67: the act states the recursos, the authority they are filed with and the term; without them the
 * notification is defective and silencio positivo follows (colombia-rules.md §1.4, §3). Ley 142 art. 159: the
 * apelación goes only in subsidy of the reposición, in the same writing. A forwarding (traslado, CPACA art. 21) is a
 * communication, not a decision on the merits: no recurso lies against it (CPACA art. 75, actos de trámite).
 */
export function checkRecursos(decisionType: DecisionType, recursos: readonly Recurso[]): RuleCheck {
  if (decisionType === 'traslada_por_competencia') return { ok: true }
  if (recursos.length === 0)
    return {
      ok: false,
      message: 'La decisión debe indicar los recursos que proceden, su plazo y ante quién se presentan.',
    }
  for (const r of recursos) {
    if (!(RECURSO_KINDS as readonly string[]).includes(r.kind))
      return { ok: false, message: 'Recurso desconocido.' }
    if (!Number.isInteger(r.termBusinessDays) || r.termBusinessDays < 1)
      return { ok: false, message: 'Cada recurso debe indicar su plazo en días hábiles.' }
    if (r.fileWith.trim().length < 5)
      return { ok: false, message: 'Cada recurso debe indicar ante quién y dónde se presenta.' }
  }
  if (recursos.some((r) => r.kind === 'apelacion') && !recursos.some((r) => r.kind === 'reposicion'))
    return { ok: false, message: 'La apelación solo procede en subsidio del recurso de reposición.' }
  return { ok: true }
}

/**
 * Templates leave instructions for the agent in square brackets ("[Explique aquí las razones…]"). SSPD doctrine
 * (colombia-rules.md §1.3): an answer that is not substantive counts as no answer, so such a text is never issued.
 */
export function hasPendingInstructions(body: string): boolean {
  return /\[(explique|indique|complete|describa)[^\]]*\]/i.test(body)
}
