import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { insertArea } from '~/billing/ledger/test-fixtures.server'
import { db } from '~/db.server'
import { pqrCases } from '../../db/schema/pqr'
import { emailOutbox } from '../../db/schema/system'
import { sendDeadlineAlerts } from './alerts.server'
import { insertUser } from './silencio-test-fixtures.server'
import { insertTestCase } from './test-fixtures.server'

// Filed Tuesday 3 March 2026 → due Wednesday 25 March 2026 (San José, Monday 23, is a holiday).
const FILED = new Date('2026-03-03T15:00:00Z')
/** A Bogotá wall-clock instant. */
const at = (local: string) => new Date(`${local}-05:00`)
const mailTo = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))

let agent: Awaited<ReturnType<typeof insertUser>>
let coordinator: Awaited<ReturnType<typeof insertUser>>
let leader: Awaited<ReturnType<typeof insertUser>>
let otherLeader: Awaited<ReturnType<typeof insertUser>>
let caseId: string

beforeAll(async () => {
  const area = await insertArea(db, { band: 'above_2000' })
  const other = await insertArea(db, { band: 'above_2000' })
  agent = await insertUser(db, 'agent', { name: 'Agente Alertas' })
  coordinator = await insertUser(db, 'coordinator', { name: 'Coordinador Alertas' })
  leader = await insertUser(db, 'area_leader', { areaId: area.areaId })
  otherLeader = await insertUser(db, 'area_leader', { areaId: other.areaId })
  const c = await insertTestCase(
    db,
    {
      filedOn: '2026-03-03',
      state: 'en_tramite',
      assignedTo: agent.id,
      areaId: area.areaId,
      subject: 'Fuga en la acometida',
    },
    FILED,
  )
  caseId = c.id
})

test('the agent is alerted 5 business days before, once, and only within the sending window on business days', async () => {
  // Wednesday 18 March: 19, 20, 24, 25 left (4 business days) → first alert (≤ 5).
  expect(await sendDeadlineAlerts(db, { now: at('2026-03-18T06:30') })).toMatchObject({
    skipped: 'outside_hours',
    sent: 0,
  })
  expect(await sendDeadlineAlerts(db, { now: at('2026-03-21T10:00') })).toMatchObject({
    skipped: 'outside_hours',
  }) // Saturday
  expect(await sendDeadlineAlerts(db, { now: at('2026-03-23T10:00') })).toMatchObject({
    skipped: 'outside_hours',
  }) // San José
  const first = await sendDeadlineAlerts(db, { now: at('2026-03-18T10:00') })
  expect(first.sent).toBeGreaterThanOrEqual(1)
  const mails = (await mailTo(agent.email)).filter((m) => m.relatedEntityId === caseId)
  expect(mails.map((m) => m.template)).toEqual(['pqr-alert'])
  expect(mails[0]!.subject).toMatch(/vence en 4 día\(s\) hábil\(es\)/)
  expect(mails[0]!.text).toContain('25/03/2026')
  expect(mails[0]!.text).toContain(`/gestion/casos/${caseId}`)

  await sendDeadlineAlerts(db, { now: at('2026-03-18T15:00') })
  expect((await mailTo(agent.email)).filter((m) => m.relatedEntityId === caseId)).toHaveLength(1)
})

test('the second alert comes 2 business days before; the coordinator and the area leader hear once it is overdue', async () => {
  await sendDeadlineAlerts(db, { now: at('2026-03-20T09:00') }) // Friday 20: 24 and 25 left
  const agentMails = (await mailTo(agent.email)).filter((m) => m.relatedEntityId === caseId)
  expect(agentMails.map((m) => m.idempotencyKey).sort()).toEqual([
    `pqr-alert:${caseId}:2026-03-25:agent_first:${agent.id}`,
    `pqr-alert:${caseId}:2026-03-25:agent_second:${agent.id}`,
  ])
  expect((await mailTo(coordinator.email)).filter((m) => m.relatedEntityId === caseId)).toHaveLength(0)

  await sendDeadlineAlerts(db, { now: at('2026-03-26T08:00') })
  await sendDeadlineAlerts(db, { now: at('2026-03-26T11:00') })
  for (const person of [coordinator, leader]) {
    const mails = (await mailTo(person.email)).filter((m) => m.relatedEntityId === caseId)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe(
      `PQR ${(await db.select().from(pqrCases).where(eq(pqrCases.id, caseId)))[0]!.radicado}: plazo vencido`,
    )
  }
  expect((await mailTo(otherLeader.email)).filter((m) => m.relatedEntityId === caseId)).toHaveLength(0)
})

test('the sending window is a setting', async () => {
  const { settings } = await import('../../db/schema/system')
  await db
    .insert(settings)
    .values({
      key: 'notices.sending_window',
      value: { from: '05:00', to: '06:00' },
      effectiveFrom: '2026-01-01',
      note: 'prueba',
    })
  expect((await sendDeadlineAlerts(db, { now: at('2026-03-18T10:00') })).skipped).toBe('outside_hours')
  expect((await sendDeadlineAlerts(db, { now: at('2026-03-18T05:30') })).skipped).toBeNull()
})
