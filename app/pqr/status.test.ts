import { describe, expect, test } from 'vitest'
import {
  EVENT_LABELS,
  PQR_EVENT_KINDS,
  PQR_STATES,
  PQR_TRANSITIONS,
  STATE_LABELS,
  canTransition,
  eventLabel,
  statesAllowedInto,
} from './status'

describe('the lifecycle table (DESIGN.md)', () => {
  test.each([
    ['radicada', 'asignada'],
    ['asignada', 'en_tramite'],
    ['en_tramite', 'en_pruebas'],
    ['en_pruebas', 'en_tramite'],
    ['en_tramite', 'remitida_por_competencia'],
    ['remitida_por_competencia', 'cerrada'],
    ['en_tramite', 'decidida'],
    ['decidida', 'citada'],
    ['citada', 'notificada'],
    ['decidida', 'notificada'],
    ['notificada', 'en_termino_de_recursos'],
    ['en_termino_de_recursos', 'firme'],
    ['en_termino_de_recursos', 'recurrida'],
    ['firme', 'cerrada'],
    ['recurrida', 'por_trasladar_sspd'],
    ['por_trasladar_sspd', 'enviada_sspd'],
    ['enviada_sspd', 'decidida_sspd'],
    ['decidida_sspd', 'cerrada'],
  ] as const)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true)
  })

  test.each([
    ['radicada', 'notificada'],
    ['decidida', 'en_tramite'],
    ['citada', 'decidida'],
    ['firme', 'recurrida'],
    ['cerrada', 'radicada'],
    ['notificada', 'silencio_positivo'],
    ['remitida_por_competencia', 'decidida'],
  ] as const)('%s → %s is refused', (from, to) => {
    expect(canTransition(from, to)).toBe(false)
  })

  test('silencio positivo can be declared from every open state before a decision, and from no other', () => {
    expect(statesAllowedInto('silencio_positivo').sort()).toEqual(
      ['asignada', 'en_pruebas', 'en_tramite', 'radicada'].sort(),
    )
  })

  test('a closed case goes nowhere and every state has an entry and a Spanish label', () => {
    expect(PQR_TRANSITIONS.cerrada).toEqual([])
    for (const s of PQR_STATES) {
      expect(PQR_TRANSITIONS[s]).toBeDefined()
      expect(STATE_LABELS[s]).toMatch(/^[A-ZÁÉÍÓÚ]/)
      for (const to of PQR_TRANSITIONS[s]) expect(PQR_STATES).toContain(to)
    }
  })

  test('every state but radicada can be reached', () => {
    for (const s of PQR_STATES.filter((x) => x !== 'radicada')) expect(statesAllowedInto(s).length).toBeGreaterThan(0)
  })

  test('every event kind has a label; unknown kinds show as stored', () => {
    for (const k of PQR_EVENT_KINDS) expect(EVENT_LABELS[k].length).toBeGreaterThan(2)
    expect(eventLabel('decision_issued')).toBe('Decisión expedida')
    expect(eventLabel('appeal_custom')).toBe('appeal_custom')
  })
})
