import { describe, expect, test } from 'vitest'
import { proposeNotificationSteps, type NoticeFacts, type StepInput } from './notify-steps'

const base: StepInput = {
  state: 'decidida',
  hasEmail: false,
  hasAddress: true,
  notices: [],
  nextStepDueOn: '2026-03-17',
  recursoUntil: null,
  today: '2026-03-11',
}
const notice = (over: Partial<NoticeFacts>): NoticeFacts => ({
  kind: 'aviso',
  sentOn: '2026-03-18',
  openedAt: null,
  deliveredOn: null,
  returned: false,
  publishedUntil: null,
  ...over,
})
const kinds = (i: Partial<StepInput>) =>
  proposeNotificationSteps({ ...base, ...i }).map((s) => [s.kind, s.isDue])

describe('the next notification step the case page proposes', () => {
  test('after the decision: cite (due once the citation deadline arrives), or publish when there is no address at all', () => {
    expect(kinds({})).toEqual([
      ['cite_post', false],
      ['notify_personal', false],
    ])
    expect(kinds({ today: '2026-03-17' })).toEqual([
      ['cite_post', true],
      ['notify_personal', false],
    ])
    expect(kinds({ hasAddress: false })).toEqual([
      ['publish', true],
      ['notify_personal', false],
    ])
  })

  test('cited: wait for the person, then the aviso once the 5 business days have passed', () => {
    const cited = {
      state: 'citada' as const,
      notices: [notice({ kind: 'citacion' })],
      nextStepDueOn: '2026-03-24',
    }
    expect(kinds({ ...cited, today: '2026-03-24' })).toEqual([
      ['notify_personal', false],
      ['await_appearance', false],
    ])
    expect(kinds({ ...cited, today: '2026-03-25' })).toEqual([
      ['notify_personal', false],
      ['send_aviso', true],
    ])
  })

  test('aviso sent → record its outcome; returned → publish; published → wait for removal', () => {
    const cited = { state: 'citada' as const, today: '2026-03-25', nextStepDueOn: null }
    expect(kinds({ ...cited, notices: [notice({})] })).toContainEqual(['record_aviso_outcome', true])
    expect(kinds({ ...cited, notices: [notice({ returned: true })] })).toContainEqual(['publish', true])
    expect(
      kinds({
        ...cited,
        notices: [notice({ returned: true }), notice({ kind: 'publicacion', publishedUntil: '2026-04-01' })],
      }),
    ).toContainEqual(['await_publication', false])
  })

  test('notified: the recurso window runs until its date', () => {
    expect(
      proposeNotificationSteps({ ...base, state: 'en_termino_de_recursos', recursoUntil: '2026-03-20' }),
    ).toEqual([
      {
        kind: 'await_recurso',
        label: expect.stringContaining('recursos'),
        dueOn: '2026-03-20',
        isDue: false,
      },
    ])
    expect(kinds({ state: 'firme' })).toEqual([])
  })
})
