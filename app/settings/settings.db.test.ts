import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { users } from '../../db/schema'
import { SETTINGS } from './catalog'
import { getSetting, getSettingsSnapshot } from './read.server'
import { scheduleSetting } from './schedule-setting.server'

// 2026-03-10 10:00 in Bogotá.
const now = new Date('2026-03-10T15:00:00Z')
let adminId = ''

beforeEach(async () => {
  await db.execute(sql`truncate settings, audit_trail, audit_trail_heads`)
  await db.execute(sql`delete from users`)
  const [admin] = await db
    .insert(users)
    .values({ email: 'admin@example.com', fullName: 'Admin', role: 'admin' })
    .returning()
  adminId = admin!.id
})

const schedule = (key: string, value: unknown, effectiveFrom: string) =>
  db.transaction((tx) =>
    scheduleSetting(tx, { key, value, effectiveFrom, note: 'Acuerdo 12', actorUserId: adminId, now }),
  )

test('without rows, a setting reads its catalogue default', async () => {
  expect(await getSetting('pqr.answer_term_business_days', { on: '2026-03-10' })).toBe(15)
  expect(await getSetting('notices.sending_window')).toEqual({ from: '07:00', to: '19:00' })
})

describe('a value scheduled from 2026-04-01', () => {
  beforeEach(async () => {
    const result = await schedule(
      'billing.arrears_interest_residential_monthly_percent',
      '1.25',
      '2026-04-01',
    )
    expect(result.ok).toBe(true)
  })

  test.each([
    ['2026-03-31', '0.5'],
    ['2026-04-01', '1.25'],
    ['2026-12-31', '1.25'],
  ])('on %s the value in force is %s', async (on, expected) => {
    expect(await getSetting('billing.arrears_interest_residential_monthly_percent', { on })).toBe(expected)
    const snapshot = await getSettingsSnapshot(on)
    expect(snapshot['billing.arrears_interest_residential_monthly_percent']).toBe(expected)
    expect(snapshot['pqr.answer_term_business_days']).toBe(15)
  })

  test('a later change wins from its own date and leaves the earlier one in place', async () => {
    expect(
      (await schedule('billing.arrears_interest_residential_monthly_percent', '1.5', '2026-06-01')).ok,
    ).toBe(true)
    const key = 'billing.arrears_interest_residential_monthly_percent' as const
    expect(await getSetting(key, { on: '2026-05-31' })).toBe('1.25')
    expect(await getSetting(key, { on: '2026-06-01' })).toBe('1.5')
  })

  test('the change is in the audit trail with before and after', async () => {
    const trail = await rows<{ entity_id: string; summary: { before: string; after: string } }>(
      db,
      sql`select entity_id, summary from audit_trail where entity_type = 'setting'`,
    )
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({ entity_id: 'billing.arrears_interest_residential_monthly_percent' })
    expect(trail[0]?.summary).toMatchObject({ before: '0.5', after: '1.25' })
  })

  test('a scheduled value that has not started may be replaced', async () => {
    expect(
      (await schedule('billing.arrears_interest_residential_monthly_percent', '1.3', '2026-04-01')).ok,
    ).toBe(true)
    expect(
      await getSetting('billing.arrears_interest_residential_monthly_percent', { on: '2026-04-01' }),
    ).toBe('1.3')
  })
})

test('a change dated in the past is refused and changes nothing', async () => {
  const result = await schedule('pqr.answer_term_business_days', 20, '2026-03-09')
  expect(result).toMatchObject({ ok: false, error: { code: 'settings/past_date' } })
  expect(await getSetting('pqr.answer_term_business_days', { on: '2026-03-09' })).toBe(15)
  const trail = await rows(db, sql`select 1 from audit_trail`)
  expect(trail).toHaveLength(0)
})

test('a value already in force today is not replaced', async () => {
  expect((await schedule('pqr.answer_term_business_days', 16, '2026-03-10')).ok).toBe(true)
  const second = await schedule('pqr.answer_term_business_days', 17, '2026-03-10')
  expect(second).toMatchObject({ ok: false, error: { code: 'settings/past_date' } })
  expect(await getSetting('pqr.answer_term_business_days', { on: '2026-03-10' })).toBe(16)
})

test.each([
  ['service.periods_before_suspension_monthly', 4],
  ['billing.subsidy_cap_e1_percent', '101'],
  ['billing.subsidy_cap_e1_percent', 70],
  ['notices.sending_window', { from: '19:00', to: '07:00' }],
  ['calendar.saturdays_are_business_days', 'sí'],
])('%s refuses %j with a Spanish message', async (key, value) => {
  const result = await schedule(key, value, '2026-04-01')
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.error.code).toBe('settings/invalid_value')
    expect(result.error.message).toMatch(/[a-záéíóú]/)
  }
})

test('an unknown key is refused', async () => {
  expect(await schedule('no.existe', 1, '2026-04-01')).toMatchObject({
    ok: false,
    error: { code: 'settings/unknown_key' },
  })
})

test('every catalogue default passes its own schema', () => {
  for (const [key, d] of Object.entries(SETTINGS)) {
    expect(d.schema.safeParse(d.default).success, key).toBe(true)
  }
})
