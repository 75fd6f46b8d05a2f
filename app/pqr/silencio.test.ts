import { describe, expect, test } from 'vitest'
import { isInSilencio, proposeSilencioEffect } from './silencio'

describe('which cases are in silencio positivo (Ley 142 art. 158)', () => {
  test.each([
    ['radicada', '2025-04-14', '2025-04-15', true, 'the day after the deadline, never assigned'],
    ['en_tramite', '2025-04-14', '2025-04-15', true, 'in progress'],
    ['en_pruebas', '2025-04-14', '2025-04-20', true, 'evidence pending, extension already in due date'],
    ['asignada', '2025-04-14', '2025-04-14', false, 'the deadline day itself'],
    ['en_tramite', '2025-04-14', '2025-04-13', false, 'before the deadline'],
    ['decidida', '2025-04-14', '2025-04-15', false, 'a decision was issued'],
    ['citada', '2025-04-14', '2025-04-15', false, 'decided and cited'],
    ['remitida_por_competencia', '2025-04-14', '2025-04-15', false, 'forwarded by competence'],
    ['cerrada', '2025-04-14', '2025-04-15', false, 'closed'],
    ['silencio_positivo', '2025-04-14', '2025-04-15', false, 'already marked (a re-run does nothing)'],
  ] as const)('%s due %s on %s → %s (%s)', (state, dueOn, today, expected, _why) => {
    expect(isInSilencio({ state, dueOn }, today)).toBe(expected)
  })
})

describe('the proposed outcome and billing effect', () => {
  test('a billing claim credits the disputed amount of each claimed invoice', () => {
    const proposal = proposeSilencioEffect({
      radicado: '2026-000012',
      subject: 'Cobro excesivo',
      isBillingClaim: true,
      invoices: [
        { invoiceId: 'i1', disputedAmount: '45000.50', holdId: 'h1' },
        { invoiceId: 'i2', disputedAmount: '12000', holdId: null },
        { invoiceId: 'i3', disputedAmount: '0.00', holdId: null },
      ],
    })
    expect(proposal.outcome).toBe('accede')
    expect(proposal.effect).toEqual({
      kind: 'credit',
      total: '57000.50',
      invoices: [
        { invoiceId: 'i1', amount: '45000.50', holdId: 'h1' },
        { invoiceId: 'i2', amount: '12000.00', holdId: null },
      ],
    })
    expect(proposal.summary).toContain('2026-000012')
  })

  test('a petición has no billing effect: what was asked is deemed granted', () => {
    const proposal = proposeSilencioEffect({
      radicado: '2026-000013',
      subject: 'Cambio de medidor',
      isBillingClaim: false,
      invoices: [],
    })
    expect(proposal.effect).toEqual({ kind: 'none' })
    expect(proposal.summary).toMatch(/Cambio de medidor/)
  })

  test('a billing claim without a disputed amount has no credit to apply', () => {
    const proposal = proposeSilencioEffect({
      radicado: 'x',
      subject: 's',
      isBillingClaim: true,
      invoices: [],
    })
    expect(proposal.effect.kind).toBe('none')
  })
})
