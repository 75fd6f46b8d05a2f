import { describe, expect, test } from 'vitest'
import { PQR_STATES } from './status'
import { describeNextStep } from './next-step'

describe('describeNextStep', () => {
  test('an open case shows the legal due date, and after it the silencio positivo', () => {
    expect(describeNextStep({ state: 'en_tramite', dueOn: '2026-03-25', recursoUntil: null, today: '2026-03-10' })).toContain('25/03/2026')
    expect(describeNextStep({ state: 'en_tramite', dueOn: '2026-03-25', recursoUntil: null, today: '2026-03-26' })).toContain('silencio')
  })

  test('a notified case shows until when a recurso can be filed, then that the window closed', () => {
    const input = { state: 'notificada' as const, dueOn: '2026-03-25', recursoUntil: '2026-04-08' }
    expect(describeNextStep({ ...input, today: '2026-04-08' })).toContain('hasta el 08/04/2026')
    expect(describeNextStep({ ...input, today: '2026-04-09' })).toContain('terminó')
  })

  test('every state has a sentence', () => {
    for (const state of PQR_STATES) expect(describeNextStep({ state, dueOn: '2026-01-01', recursoUntil: null, today: '2026-01-01' }).length).toBeGreaterThan(10)
  })
})
