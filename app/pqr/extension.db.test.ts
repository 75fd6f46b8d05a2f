import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { pqrCases, pqrEvents, pqrTasks } from '../../db/schema/pqr'
import { emailOutbox } from '../../db/schema/system'
import { decideExtension, requestExtension, type StaffActor } from './extension.server'
import { insertUser } from './silencio-test-fixtures.server'
import { sweepSilencio } from './silencio.server'
import { insertTestCase } from './test-fixtures.server'

// Filed Tuesday 3 March 2026 → due Wednesday 25 March 2026.
const FILED = new Date('2026-03-03T15:00:00Z')
const ASKED = new Date('2026-03-16T15:00:00Z')
const APPROVED = new Date('2026-03-17T15:00:00Z')
const visit = {
  reason: 'visita' as const,
  businessDays: 10,
  justification: 'Se ordenó visita técnica al predio para revisar el medidor.',
}

let agent: StaffActor
let coordinator: StaffActor
let coordinatorEmail: string
const asActor = (u: { id: string; fullName: string; serviceAreaId: string | null }): StaffActor => ({
  id: u.id,
  fullName: u.fullName,
  serviceAreaId: u.serviceAreaId,
})
const caseRow = async (id: string) => (await db.select().from(pqrCases).where(eq(pqrCases.id, id)))[0]!
const eventsOf = async (id: string) =>
  (await db.select().from(pqrEvents).where(eq(pqrEvents.caseId, id)).orderBy(pqrEvents.occurredAt)).map(
    (e) => e.kind,
  )

beforeAll(async () => {
  agent = asActor(await insertUser(db, 'agent', { name: 'Agente Uno' }))
  const coordinatorUser = await insertUser(db, 'coordinator', { name: 'Coordinadora' })
  coordinator = asActor(coordinatorUser)
  coordinatorEmail = coordinatorUser.email
})

describe('extension of the answer term (Ley 142 art. 158)', () => {
  test('an agent asks, a coordinator approves: the event the clocks read, the new due date, the notice to the user', async () => {
    const c = await insertTestCase(
      db,
      {
        filedOn: '2026-03-03',
        state: 'en_tramite',
        filerEmail: 'usuaria.prorroga@plazos.test',
        assignedTo: agent.id,
      },
      FILED,
    )
    expect(c.dueOn).toBe('2026-03-25')
    const asked = await requestExtension({ caseId: c.id, ...visit }, agent, { now: ASKED })
    expect(asked.ok).toBe(true)
    const taskId = asked.ok ? asked.value.taskId : ''
    expect((await db.select().from(pqrTasks).where(eq(pqrTasks.id, taskId)))[0]).toMatchObject({
      kind: 'extension_approval',
      status: 'open',
    })

    const [ask] = await db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.idempotencyKey, `extension-request:${taskId}:${coordinator.id}`))
    expect(ask!.toAddress).toBe(coordinatorEmail)
    expect(ask!.subject).toBe(`Ampliación por aprobar: PQR ${c.radicado}`)

    const self = await decideExtension({ taskId, decision: { decision: 'approve', confirm: 'si' } }, agent, {
      now: APPROVED,
    })
    expect(!self.ok && self.error.code).toBe('pqr/same_person')

    const approved = await decideExtension(
      { taskId, decision: { decision: 'approve', confirm: 'si' } },
      coordinator,
      { now: APPROVED },
    )
    // 25 March + 10 business days, Holy Week (2–3 April) excluded: 10 April.
    expect(approved).toEqual({ ok: true, value: { caseId: c.id, newDueOn: '2026-04-10' } })
    const row = await caseRow(c.id)
    expect(row).toMatchObject({ dueOn: '2026-04-10', nextStepDueOn: '2026-04-10', state: 'en_pruebas' })
    const [granted] = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'extension_granted')))
    expect(granted!.data).toMatchObject({ grantedOn: '2026-03-17', businessDays: 10 })
    expect(await eventsOf(c.id)).toEqual([
      'extension_requested',
      'extension_granted',
      'state_changed',
      'extension_notice_sent',
    ])
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'usuaria.prorroga@plazos.test'))
    expect(mail!.template).toBe('extension-notice')
    expect(mail!.text).toContain('10/04/2026')
    expect(mail!.text).toContain('Visita técnica ordenada')
    expect((await db.select().from(pqrTasks).where(eq(pqrTasks.id, taskId)))[0]).toMatchObject({
      status: 'done',
      outcome: 'approved',
      resolvedBy: coordinator.id,
    })

    // The sweep respects the extended deadline: not silencio on 26 March any more.
    const swept = await sweepSilencio(db, {
      now: new Date('2026-03-26T15:00:00Z'),
      actor: { kind: 'system', label: 'x' },
    })
    expect(swept.caseIds).not.toContain(c.id)

    const second = await requestExtension({ caseId: c.id, ...visit }, agent, { now: APPROVED })
    expect(!second.ok && second.error.code).toBe('pqr/extension_exists')
  })

  test('the request is refused after the deadline, beyond the setting, or twice pending', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'asignada' }, FILED)
    const late = await requestExtension({ caseId: c.id, ...visit }, agent, {
      now: new Date('2026-03-26T15:00:00Z'),
    })
    expect(!late.ok && late.error.code).toBe('pqr/extension_late')
    const long = await requestExtension({ caseId: c.id, ...visit, businessDays: 16 }, agent, { now: ASKED })
    expect(!long.ok && long.error.message).toMatch(/1 a 15 días hábiles/)
    expect(await eventsOf(c.id)).toEqual([])
    expect((await requestExtension({ caseId: c.id, ...visit }, agent, { now: ASKED })).ok).toBe(true)
    const twice = await requestExtension({ caseId: c.id, ...visit }, agent, { now: ASKED })
    expect(!twice.ok && twice.error.code).toBe('pqr/extension_pending')
  })

  test('an approval that comes after the deadline is refused and changes nothing', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'en_tramite' }, FILED)
    const asked = await requestExtension({ caseId: c.id, ...visit, reason: 'demora_usuario' }, agent, {
      now: ASKED,
    })
    const taskId = asked.ok ? asked.value.taskId : ''
    const late = await decideExtension(
      { taskId, decision: { decision: 'approve', confirm: 'si' } },
      coordinator,
      { now: new Date('2026-03-26T15:00:00Z') },
    )
    expect(!late.ok && late.error.code).toBe('pqr/extension_late')
    expect((await caseRow(c.id)).dueOn).toBe('2026-03-25')
    expect((await db.select().from(pqrTasks).where(eq(pqrTasks.id, taskId)))[0]!.status).toBe('open')
    // The silencio sweep closes the request that can no longer be granted.
    await sweepSilencio(db, { now: new Date('2026-03-26T15:00:00Z'), actor: { kind: 'system', label: 'x' } })
    expect((await db.select().from(pqrTasks).where(eq(pqrTasks.id, taskId)))[0]).toMatchObject({
      status: 'cancelled',
      outcome: 'term_expired',
    })
  })

  test('a coordinator denies with a reason: the term stands, the task is closed', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'en_tramite' }, FILED)
    const asked = await requestExtension({ caseId: c.id, ...visit, reason: 'pruebas' }, agent, { now: ASKED })
    const taskId = asked.ok ? asked.value.taskId : ''
    const denied = await decideExtension(
      { taskId, decision: { decision: 'deny', note: 'La prueba no es necesaria para decidir.' } },
      coordinator,
      { now: APPROVED },
    )
    expect(denied).toEqual({ ok: true, value: { caseId: c.id, newDueOn: null } })
    expect(await caseRow(c.id)).toMatchObject({ dueOn: '2026-03-25', state: 'en_tramite' })
    expect(await eventsOf(c.id)).toEqual(['extension_requested', 'extension_denied'])
  })

  test('staff scoped to another area do not see the case', async () => {
    const { insertArea } = await import('~/billing/ledger/test-fixtures.server')
    const mine = await insertArea(db, { band: 'above_2000' })
    const other = await insertArea(db, { band: 'above_2000' })
    const scoped = asActor(await insertUser(db, 'agent', { areaId: other.areaId }))
    const c = await insertTestCase(db, { filedOn: '2026-03-03', areaId: mine.areaId }, FILED)
    const outcome = await requestExtension({ caseId: c.id, ...visit }, scoped, { now: ASKED })
    expect(!outcome.ok && outcome.error.code).toBe('pqr/not_found')
  })
})
