import { expect, test } from 'vitest'
import { SETTINGS, type SettingKey } from './catalog'
import { describeSettingValue, parseSettingInput } from './input'

test.each([
  ['pqr.answer_term_business_days', ' 15 ', 15],
  ['billing.arrears_interest_residential_monthly_percent', '1,25', '1.25'],
  ['billing.arrears_interest_residential_monthly_percent', '2 %', '2'],
  ['calendar.saturdays_are_business_days', 'Sí', true],
  ['calendar.saturdays_are_business_days', 'no', false],
  ['notices.sending_window', '07:00 - 19:00', { from: '07:00', to: '19:00' }],
  ['notices.sending_window', '08:00 a 18:30', { from: '08:00', to: '18:30' }],
  ['pqr.answer_term_business_days', 'quince', 'quince'],
] as const)('%s: typed %j is read as %j', (key, raw, expected) => {
  expect(parseSettingInput(key as SettingKey, raw)).toEqual(expected)
})

test('what a person types is then checked by the catalogue schema', () => {
  const key = 'service.periods_before_suspension_bimonthly'
  expect(SETTINGS[key].schema.safeParse(parseSettingInput(key, '3')).success).toBe(false) // Ley 142 art. 140: max 2
  expect(SETTINGS[key].schema.safeParse(parseSettingInput(key, '2')).success).toBe(true)
})

test('values are described in Spanish', () => {
  expect(describeSettingValue('pqr.answer_term_business_days', 15)).toBe('15 días hábiles')
  expect(describeSettingValue('billing.subsidy_cap_e1_percent', '70')).toBe('70 %')
  expect(describeSettingValue('billing.arrears_interest_residential_monthly_percent', '1.25')).toBe('1,25 %')
  expect(describeSettingValue('calendar.saturdays_are_business_days', false)).toBe('No')
  expect(describeSettingValue('notices.sending_window', { from: '07:00', to: '19:00' })).toBe('07:00 a 19:00')
})

test('every unconfirmed value says where it comes from', () => {
  for (const [key, d] of Object.entries(SETTINGS)) {
    expect(d.source.length, key).toBeGreaterThan(10)
    expect(d.label, key).toMatch(/^[A-ZÁÉÍÓÚ¿]/)
  }
})
