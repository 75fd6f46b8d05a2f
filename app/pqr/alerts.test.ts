import { describe, expect, test } from 'vitest'
import { OFFICIAL_HOLIDAYS } from '../../tests/fixtures/official-holidays'
import { alertDueFor, alertIdempotencyKey, bogotaTime, canSendAlertsAt } from './alerts'

const cal = { holidays: OFFICIAL_HOLIDAYS, saturdays: false }
const thresholds = { firstBusinessDays: 5, secondBusinessDays: 2 }
const WINDOW = { from: '07:00', to: '19:00' }
/** An instant given as Bogotá wall-clock time (UTC−05:00). */
const bogota = (isoLocal: string) => new Date(`${isoLocal}-05:00`)

describe('which alert a case is due for (agent 5 and 2 business days before, coordinator once overdue)', () => {
  test.each([
    // due Monday 2025-04-14 (after the San José Monday, 2025-03-24)
    ['2025-04-04', '2025-04-14', null, '6 business days left'],
    ['2025-04-07', '2025-04-14', 'agent_first', '5 business days left'],
    ['2025-04-09', '2025-04-14', 'agent_first', '3 business days left'],
    ['2025-04-10', '2025-04-14', 'agent_second', '2 business days left'],
    ['2025-04-12', '2025-04-14', 'agent_second', 'a Saturday, 1 business day left'],
    ['2025-04-14', '2025-04-14', 'agent_second', 'the due date itself'],
    ['2025-04-15', '2025-04-14', 'coordinator_overdue', 'the day after'],
    // Holy Week: due Tuesday 2025-04-22; Thursday 17 and Friday 18 are holidays
    ['2025-04-11', '2025-04-22', 'agent_first', 'Holy Week in between: 5 business days left'],
    ['2025-04-10', '2025-04-22', null, 'Holy Week in between: 6 business days left'],
    ['2025-04-14', '2025-04-22', 'agent_first', 'Holy Week in between: 4 business days left'],
    ['2025-04-16', '2025-04-22', 'agent_second', 'Holy Thursday and Good Friday do not count'],
    // Ley Emiliani Monday: due Tuesday 2025-03-25, Monday 24 is San José
    ['2025-03-21', '2025-03-25', 'agent_second', 'San José Monday does not count'],
  ])('on %s, due %s → %s (%s)', (today, dueOn, expected, _why) => {
    expect(alertDueFor(dueOn, today, thresholds, cal)).toBe(expected)
  })

  test('thresholds come from the settings', () => {
    expect(
      alertDueFor('2025-04-14', '2025-04-04', { firstBusinessDays: 6, secondBusinessDays: 1 }, cal),
    ).toBe('agent_first')
    expect(
      alertDueFor('2025-04-14', '2025-04-10', { firstBusinessDays: 6, secondBusinessDays: 1 }, cal),
    ).toBe('agent_first')
  })

  test('with Saturdays as business days a Saturday counts', () => {
    expect(alertDueFor('2025-04-14', '2025-04-10', thresholds, { ...cal, saturdays: true })).toBe(
      'agent_first',
    )
  })
})

describe('alerts go out only on business days, within the hours the settings allow (Bogotá time)', () => {
  test.each([
    ['2025-04-10T06:59', false, 'before the window'],
    ['2025-04-10T07:00', true, 'at its start'],
    ['2025-04-10T18:59', true, 'just before its end'],
    ['2025-04-10T19:00', false, 'at its end (excluded)'],
    ['2025-04-12T10:00', false, 'a Saturday'],
    ['2025-04-13T10:00', false, 'a Sunday'],
    ['2025-04-17T10:00', false, 'Holy Thursday'],
    ['2025-03-24T10:00', false, 'the San José Monday'],
    ['2025-12-31T23:30', false, 'late at night'],
  ])('%s → %s (%s)', (local, expected, _why) => {
    expect(canSendAlertsAt(bogota(local), WINDOW, cal)).toBe(expected)
  })

  test('a 10:00 UTC instant is 05:00 in Bogotá, outside the window', () => {
    const now = new Date('2025-04-10T10:00:00Z')
    expect(bogotaTime(now)).toBe('05:00')
    expect(canSendAlertsAt(now, WINDOW, cal)).toBe(false)
  })

  test('a Saturday counts when the company works Saturdays', () => {
    expect(canSendAlertsAt(bogota('2025-04-12T10:00'), WINDOW, { ...cal, saturdays: true })).toBe(true)
  })
})

test('each alert has one outbox key per case, deadline, threshold and person', () => {
  expect(alertIdempotencyKey('c1', '2025-04-14', 'agent_first', 'u1')).toBe(
    'pqr-alert:c1:2025-04-14:agent_first:u1',
  )
  expect(alertIdempotencyKey('c1', '2025-04-14', 'agent_first', 'u1')).not.toBe(
    alertIdempotencyKey('c1', '2025-04-14', 'agent_second', 'u1'),
  )
})
