import { describe, expect, test } from 'vitest'
import type { DecisionType } from '../../db/schema/pqr'
import {
  allowedDecisionTypes,
  caseCategory,
  checkDecisionCoherence,
  checkRecursos,
  type CaseCategory,
  type CoherenceInput,
} from './decision-rules'

const base = (over: Partial<CoherenceInput>): CoherenceInput => ({
  category: 'reclamo',
  state: 'en_tramite',
  decisionType: 'accede',
  ...over,
})

describe('coherence between the type of request and the decision', () => {
  test.each<[CaseCategory, DecisionType, string | null, string | null, boolean]>([
    // category, decision, credit, debit, allowed
    ['reclamo', 'accede', '85400', null, true],
    ['reclamo', 'accede', null, null, true],
    ['reclamo', 'accede_parcialmente', '20000', null, true],
    ['reclamo', 'no_accede', null, '15000', true],
    ['reclamo', 'no_accede', '15000', null, false],
    ['reclamo', 'rechaza', '1000', null, false],
    ['reclamo', 'accede', '1000', '1000', false],
    ['peticion', 'accede_parcialmente', '20000', null, false],
    ['peticion', 'accede_parcialmente', null, null, true],
    ['peticion', 'no_accede', null, '5000', false],
    ['queja', 'rechaza', null, null, false],
    ['queja', 'accede', null, null, true],
    ['informacion', 'accede', '1000', null, false],
    ['denuncia', 'accede_parcialmente', null, null, false],
    ['recurso', 'traslada_por_competencia', null, null, false],
    ['recurso', 'accede_parcialmente', '5000', null, true],
    ['recurso', 'no_accede', null, null, true],
  ])(
    '%s answered «%s» (credit %s, debit %s) → allowed %s',
    (category, decisionType, creditAmount, debitAmount, allowed) => {
      expect(checkDecisionCoherence(base({ category, decisionType, creditAmount, debitAmount })).ok).toBe(
        allowed,
      )
    },
  )

  test('a petición cannot be «accede parcialmente» with a credit note, and the message says why', () => {
    const result = checkDecisionCoherence(
      base({ category: 'peticion', decisionType: 'accede_parcialmente', creditAmount: '20000' }),
    )
    expect(result).toEqual({
      ok: false,
      message: 'Una decisión que accede parcialmente no puede llevar nota crédito en este tipo de solicitud.',
    })
  })

  test('a partial decision on a reclamo must carry its credit note', () => {
    expect(checkDecisionCoherence(base({ decisionType: 'accede_parcialmente' }))).toEqual({
      ok: false,
      message: 'Esta decisión debe indicar el valor de la nota crédito sobre la factura.',
    })
  })

  test('the credit is bounded by the disputed amount; crediting all of it is «accede», not partial', () => {
    expect(checkDecisionCoherence(base({ creditAmount: '50000.01', disputedAmount: '50000' })).ok).toBe(false)
    expect(checkDecisionCoherence(base({ creditAmount: '50000', disputedAmount: '50000' })).ok).toBe(true)
    expect(
      checkDecisionCoherence(
        base({ decisionType: 'accede_parcialmente', creditAmount: '50000', disputedAmount: '50000' }),
      ).ok,
    ).toBe(false)
    expect(
      checkDecisionCoherence(
        base({ decisionType: 'accede_parcialmente', creditAmount: '30000', disputedAmount: '50000' }),
      ).ok,
    ).toBe(true)
  })

  test('traslado por competencia only before evidence is gathered or the case decided', () => {
    expect(
      checkDecisionCoherence(base({ decisionType: 'traslada_por_competencia', state: 'asignada' })).ok,
    ).toBe(true)
    expect(
      checkDecisionCoherence(base({ decisionType: 'traslada_por_competencia', state: 'en_pruebas' })).ok,
    ).toBe(false)
    expect(checkDecisionCoherence(base({ decisionType: 'no_accede', state: 'en_pruebas' })).ok).toBe(true)
    expect(checkDecisionCoherence(base({ decisionType: 'no_accede', state: 'decidida' })).ok).toBe(false)
    expect(allowedDecisionTypes('reclamo', 'en_pruebas')).not.toContain('traslada_por_competencia')
    expect(allowedDecisionTypes('reclamo', 'decidida')).toEqual([])
    expect(allowedDecisionTypes('denuncia', 'radicada')).toEqual([
      'accede',
      'no_accede',
      'traslada_por_competencia',
      'archiva',
    ])
  })

  test('after silencio positivo the act can only accede (Ley 142 art. 158)', () => {
    expect(
      checkDecisionCoherence(
        base({ state: 'silencio_positivo', decisionType: 'accede', creditAmount: '50000' }),
      ).ok,
    ).toBe(true)
    expect(checkDecisionCoherence(base({ state: 'silencio_positivo', decisionType: 'no_accede' })).ok).toBe(
      false,
    )
    expect(allowedDecisionTypes('reclamo', 'silencio_positivo')).toEqual(['accede'])
  })

  test('the category follows the catalogue flags first, then the code', () => {
    expect(caseCategory({ code: 'reclamo', isBillingClaim: true, isRecurso: false })).toBe('reclamo')
    expect(caseCategory({ code: 'recurso_reposicion', isBillingClaim: false, isRecurso: true })).toBe(
      'recurso',
    )
    expect(caseCategory({ code: 'queja', isBillingClaim: false, isRecurso: false })).toBe('queja')
    expect(caseCategory({ code: 'solicitud_informacion', isBillingClaim: false, isRecurso: false })).toBe(
      'informacion',
    )
    expect(caseCategory({ code: 'peticion', isBillingClaim: false, isRecurso: false })).toBe('peticion')
  })
})

describe('recursos stated in the decision (CPACA art. 67)', () => {
  const reposicion = { kind: 'reposicion', termBusinessDays: 5, fileWith: 'Oficina de PQR de la empresa' }
  const apelacion = {
    kind: 'apelacion',
    termBusinessDays: 5,
    fileWith: 'En subsidio, ante la SSPD, en el mismo escrito',
  }

  test('a decision without recursos cannot be issued', () => {
    expect(checkRecursos('no_accede', [])).toEqual({
      ok: false,
      message: 'La decisión debe indicar los recursos que proceden, su plazo y ante quién se presentan.',
    })
  })

  test('each recurso needs its term and where to file it; apelación only in subsidy of reposición', () => {
    expect(checkRecursos('accede', [reposicion, apelacion]).ok).toBe(true)
    expect(checkRecursos('accede', [{ ...reposicion, termBusinessDays: 0 }]).ok).toBe(false)
    expect(checkRecursos('accede', [{ ...reposicion, fileWith: ' ' }]).ok).toBe(false)
    expect(checkRecursos('accede', [apelacion])).toEqual({
      ok: false,
      message: 'La apelación solo procede en subsidio del recurso de reposición.',
    })
  })

  test('a traslado por competencia is a communication: no recurso lies against it', () => {
    expect(checkRecursos('traslada_por_competencia', []).ok).toBe(true)
  })
})

describe('template instructions left in the text', () => {
  test('a bracketed instruction blocks issuing; other brackets do not', async () => {
    const { hasPendingInstructions } = await import('./decision-rules')
    expect(hasPendingInstructions('No accede.\n[Explique aquí las razones de la decisión.]')).toBe(true)
    expect(hasPendingInstructions('trasladada a [indique la entidad]')).toBe(true)
    expect(hasPendingInstructions('Lectura [m³] del medidor 1234')).toBe(false)
  })
})
