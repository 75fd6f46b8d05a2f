import { OFFICIAL_HOLIDAYS } from '../../tests/fixtures/official-holidays'
import { describe, expect, test } from 'vitest'
import { SETTINGS } from '~/settings/catalog'
import { CLOCK_SETTING_KEYS, computeClocks, type CaseEvents, type ClockTerms } from './clocks'

const HOLIDAYS = OFFICIAL_HOLIDAYS
const TERMS: ClockTerms = {
  answerBusinessDays: 15,
  trasladoBusinessDays: 5,
  citationBusinessDays: 5,
  avisoAfterCitationBusinessDays: 5,
  recursoBusinessDays: 5,
  sapRecognitionHours: 72,
  extensionMaxBusinessDays: 15,
  atRiskBusinessDays: 3,
  saturdays: false,
}
const clocks = (e: CaseEvents, today = '2025-03-25', terms = TERMS) =>
  computeClocks(e, today, HOLIDAYS, terms)

test('the default terms are the catalogue defaults', () => {
  const fromCatalogue = Object.fromEntries(
    Object.entries(CLOCK_SETTING_KEYS).map(([field, key]) => [field, SETTINGS[key].default]),
  )
  expect(fromCatalogue).toEqual(TERMS)
})

describe('answer deadline (Ley 142 art. 158: 15 business days, day 1 the business day after filing)', () => {
  test.each([
    ['2025-03-21', '2025-04-14', 'Friday before the San José Monday'],
    ['2025-03-22', '2025-04-14', 'a Saturday filing'],
    ['2025-04-10', '2025-05-06', 'Holy Week and 1 May inside the window'],
    ['2025-12-22', '2026-01-15', 'Christmas, new year and Reyes inside the window'],
    ['2025-06-27', '2025-07-21', 'the coinciding holidays of 30 June and the Sunday 20 July'],
  ])('filed on %s is due on %s (%s)', (filedOn, due) => {
    expect(clocks({ filedOn }).answerDueOn).toBe(due)
  })

  test('with Saturdays as business days the term ends earlier', () => {
    expect(clocks({ filedOn: '2025-03-21' }, '2025-03-25', { ...TERMS, saturdays: true }).answerDueOn).toBe(
      '2025-04-09',
    )
  })

  test.each([
    [
      { grantedOn: '2025-04-10', businessDays: 10 },
      '2025-04-30',
      true,
      'granted in time: the new term runs on',
    ],
    [{ grantedOn: '2025-04-14', businessDays: 5 }, '2025-04-23', true, 'granted on the last day'],
    [{ grantedOn: '2025-04-15', businessDays: 10 }, '2025-04-14', false, 'granted after the term expired'],
    [{ grantedOn: '2025-04-01', businessDays: 20 }, '2025-04-14', false, 'longer than the setting allows'],
  ])('extension %o: due %s, accepted %s (%s)', (extension, due, accepted) => {
    const c = clocks({ filedOn: '2025-03-21', extension })
    expect(c.originalAnswerDueOn).toBe('2025-04-14')
    expect(c.answerDueOn).toBe(due)
    expect(c.extensionAccepted).toBe(accepted)
  })
})

test.each([
  ['2025-03-21', '2025-03-31'],
  ['2025-04-11', '2025-04-22'],
])('traslado por competencia (CPACA art. 21): filed %s, forward by %s', (filedOn, due) => {
  expect(clocks({ filedOn }).trasladoDueOn).toBe(due)
})

describe('notification (CPACA arts. 56, 67–69)', () => {
  const decided = { filedOn: '2025-03-21', decidedOn: '2025-04-14' }

  test('the citation is due 5 business days after the decision (art. 68), Holy Week excluded', () => {
    expect(clocks(decided).citationDueOn).toBe('2025-04-23')
  })

  test.each<[string, Partial<CaseEvents>, string | null]>([
    ['citation sent', { citationSentOn: '2025-04-15' }, '2025-04-24'],
    ['electronic notice not opened', { electronicNoticeSentOn: '2025-04-15' }, '2025-04-24'],
    [
      'electronic notice opened late',
      { electronicNoticeSentOn: '2025-04-15', electronicNoticeOpenedOn: '2025-04-25' },
      '2025-04-24',
    ],
    [
      'electronic notice opened in time',
      { electronicNoticeSentOn: '2025-04-15', electronicNoticeOpenedOn: '2025-04-24' },
      null,
    ],
    ['no notice yet', {}, null],
  ])('aviso due (art. 69) when %s', (_, events, due) => {
    expect(clocks({ ...decided, ...events }).avisoDueOn).toBe(due)
  })

  test.each<[string, Partial<CaseEvents>, string, string]>([
    ['personal', { notification: { method: 'personal', on: '2025-04-16' } }, '2025-04-16', '2025-04-25'],
    [
      'aviso delivered on the Friday before a festivo Monday',
      { avisoDeliveredOn: '2025-06-27', notification: { method: 'aviso', on: '2025-06-27' } },
      '2025-07-01',
      '2025-07-08',
    ],
    [
      'electronic, opened on Christmas Eve',
      {
        electronicNoticeSentOn: '2025-12-22',
        electronicNoticeOpenedOn: '2025-12-24',
        notification: { method: 'electronica', on: '2025-12-24' },
      },
      '2025-12-24',
      '2026-01-02',
    ],
    [
      'conducta concluyente',
      { notification: { method: 'conducta_concluyente', on: '2025-05-02' } },
      '2025-05-02',
      '2025-05-09',
    ],
  ])('%s: effective %s, recurso window (Ley 142 art. 154) ends %s', (_, events, effective, recursoEnd) => {
    const c = clocks({ ...decided, ...events }, '2025-04-16')
    expect(c.notificationEffectiveOn).toBe(effective)
    expect(c.recursoWindowEndsOn).toBe(recursoEnd)
    expect(c.next.step).toBe('recurso_window')
    expect(c.isOverdue).toBe(false)
  })
})

describe('flags', () => {
  const filed = { filedOn: '2025-03-21' }

  test.each<[string, boolean, boolean, number]>([
    ['2025-04-08', false, false, 4],
    ['2025-04-09', false, true, 3],
    ['2025-04-14', false, true, 0],
    ['2025-04-15', true, false, -1],
  ])('undecided on %s: overdue %s, at risk %s, %i business days left', (today, overdue, atRisk, left) => {
    const c = clocks(filed, today)
    expect(c.next).toEqual({ step: 'answer', dueOn: '2025-04-14', businessDaysLeft: left })
    expect(c.isOverdue).toBe(overdue)
    expect(c.isAtRisk).toBe(atRisk)
    expect(c.isSilencioPositivo).toBe(overdue)
  })

  test('silencio positivo (art. 158): a decision issued after the deadline does not undo it', () => {
    expect(clocks({ ...filed, decidedOn: '2025-04-15' }, '2025-04-16').isSilencioPositivo).toBe(true)
    expect(clocks({ ...filed, decidedOn: '2025-04-14' }, '2025-04-16').isSilencioPositivo).toBe(false)
  })

  test('a case forwarded por competencia leaves the answer clock', () => {
    const c = clocks({ ...filed, trasladadoOn: '2025-03-25' }, '2025-05-30')
    expect(c.isSilencioPositivo).toBe(false)
    expect(c.isOverdue).toBe(false)
    expect(c.next.step).toBe('none')
  })

  test('the 72 calendar hours to recognise silencio positivo start at 00:00 of the day after the deadline', () => {
    expect(clocks(filed).sapRecognitionDeadline.toISOString()).toBe('2025-04-18T05:00:00.000Z')
    // Due Tuesday 30 Dec 2025: the 72 h run over 1 January, a holiday, because they are calendar hours.
    expect(clocks({ filedOn: '2025-12-05' }).sapRecognitionDeadline.toISOString()).toBe(
      '2026-01-03T05:00:00.000Z',
    )
  })

  test.each<[string, Partial<CaseEvents>, string, string[], string, boolean]>([
    [
      'citation sent late',
      { citationSentOn: '2025-04-24' },
      '2025-04-25',
      ['citation_late'],
      'notify',
      false,
    ],
    ['no citation after its term', {}, '2025-04-24', ['citation_missing'], 'cite', true],
    ['citation in time, still waiting', { citationSentOn: '2025-04-15' }, '2025-04-24', [], 'notify', false],
    [
      'no aviso after the citation term',
      { citationSentOn: '2025-04-15' },
      '2025-04-25',
      ['aviso_missing'],
      'notify',
      true,
    ],
    [
      'aviso sent, awaiting delivery',
      { citationSentOn: '2025-04-15', avisoSentOn: '2025-04-25' },
      '2025-04-28',
      [],
      'notify',
      false,
    ],
  ])('%s: defects %o', (_, events, today, defects, step, overdue) => {
    const c = clocks({ ...filed, decidedOn: '2025-04-14', ...events }, today)
    expect(c.notificationDefects).toEqual(defects)
    expect(c.isSilencioRisk).toBe(defects.length > 0)
    expect(c.next.step).toBe(step)
    expect(c.isOverdue).toBe(overdue)
  })
})
