/** The queue (order, filters, area scope, capped count, the plan on the partial index), assignment and visits. */
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertArea } from '~/billing/ledger/test-fixtures.server'
import { db, rows } from '~/db.server'
import { describeOnServer } from '../../tests/setup/engine'
import { pqrCases, pqrEvents, pqrWorkOrders } from '../../db/schema/pqr'
import { workOrders } from '../../db/schema/service'
import { assignCase, autoAssignCase, autoAssignUnassigned, takeCase } from './assign.server'
import { insertBillingClaim, insertStaffUser } from './decide-fixtures.server'
import { parseQueueFilters } from './queue-filters'
import { listQueue } from './queue.server'
import { insertTestCase } from './test-fixtures.server'
import { orderVisit, recordVisitResult } from './work-orders.server'

const NOW = new Date('2026-03-10T15:00:00Z')
let areaA: string
let areaB: string
const filters = (q: string) => parseQueueFilters(new URLSearchParams(q))

beforeAll(async () => {
  areaA = (await insertArea(db, { band: 'above_2000' })).areaId
  areaB = (await insertArea(db, { band: 'below_1000' })).areaId
  // Filed on different days: due dates differ; one closed case never shows.
  await insertTestCase(db, { areaId: areaA, filedOn: '2026-03-05', subject: 'tercero' }, NOW)
  await insertTestCase(
    db,
    { areaId: areaB, filedOn: '2026-03-02', subject: 'primero', typeCode: 'queja', channel: 'telefonico' },
    NOW,
  )
  await insertTestCase(db, { areaId: areaA, filedOn: '2026-03-03', subject: 'segundo' }, NOW)
  await insertTestCase(
    db,
    { areaId: areaA, filedOn: '2026-03-01', subject: 'cerrado', state: 'cerrada' },
    NOW,
  )
})

describe('the queue', () => {
  test('lists open cases by legal deadline with business days left, filtered and scoped to the viewer area', async () => {
    const viewer = { id: (await insertStaffUser(db, 'agent')).id, serviceAreaId: null }
    const all = await listQueue(db, filters(''), viewer, NOW)
    const mine = all.rows.filter((r) => ['primero', 'segundo', 'tercero', 'cerrado'].includes(r.subject))
    expect(mine.map((r) => r.subject)).toEqual(['primero', 'segundo', 'tercero'])
    // Filed Monday 2 March → due 23 March is San José: due Tuesday 24 March; from 10 March, 9 business days left.
    expect(mine[0]).toMatchObject({
      dueOn: '2026-03-24',
      businessDaysLeft: 9,
      typeName: 'Queja',
      channel: 'telefonico',
    })
    expect((await listQueue(db, filters('tipo=queja'), viewer, NOW)).rows.map((r) => r.subject)).toContain(
      'primero',
    )
    expect(
      (await listQueue(db, filters('tipo=queja'), viewer, NOW)).rows.map((r) => r.subject),
    ).not.toContain('segundo')
    expect((await listQueue(db, filters(`area=${areaA}`), viewer, NOW)).rows.map((r) => r.subject)).toEqual([
      'segundo',
      'tercero',
    ])
    const leader = { id: viewer.id, serviceAreaId: areaB }
    expect((await listQueue(db, filters(`area=${areaA}`), leader, NOW)).rows.map((r) => r.subject)).toEqual([
      'primero',
    ])
    expect(
      (await listQueue(db, filters('canal=telefonico&estado=radicada'), viewer, NOW)).total,
    ).toBeGreaterThanOrEqual(1)
    expect(filters('estado=nada&pagina=-3&canal=portal')).toEqual({ canal: 'portal', pagina: 1 })
  })
})

describeOnServer('the queue plan', () => {
  test('the page query uses the partial queue index', async () => {
    await db.execute(sql`analyze pqr_cases`)
    // One connection for the setting and the plan (the pool would hand out another one).
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      await tx.execute(sql`set local enable_sort = off`)
      return rows<{ 'QUERY PLAN': string }>(
        tx,
        sql`explain select id from pqr_cases where state not in ('cerrada', 'firme') and area_id = ${areaA}::uuid order by due_on, id limit 25`,
      )
    })
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/pqr_cases_(area_)?queue_idx/)
  })
})

describe('assignment', () => {
  test('taking a case assigns it to the agent (radicada → asignada); a second taker is refused', async () => {
    const c = await insertTestCase(db, { areaId: areaA }, NOW)
    const ana = await insertStaffUser(db, 'agent', { serviceAreaId: areaA })
    const beto = await insertStaffUser(db, 'agent', { serviceAreaId: areaA })
    expect(await takeCase({ caseId: c.id, actor: { id: ana.id }, now: NOW })).toMatchObject({
      ok: true,
      value: { assigneeId: ana.id },
    })
    expect(await takeCase({ caseId: c.id, actor: { id: beto.id }, now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'pqr/already_assigned' },
    })
    const [row] = await db.select().from(pqrCases).where(eq(pqrCases.id, c.id))
    expect(row).toMatchObject({ state: 'asignada', assignedTo: ana.id })
    const otherArea = await insertStaffUser(db, 'agent', { serviceAreaId: areaB })
    const coordinator = await insertStaffUser(db, 'coordinator')
    expect(
      await assignCase({ caseId: c.id, assigneeId: otherArea.id, actor: { id: coordinator.id }, now: NOW }),
    ).toMatchObject({ ok: false, error: { code: 'pqr/other_area' } })
    expect(
      await assignCase({ caseId: c.id, assigneeId: beto.id, actor: { id: coordinator.id }, now: NOW }),
    ).toMatchObject({ ok: true })
    const events = await db
      .select({ kind: pqrEvents.kind, body: pqrEvents.body })
      .from(pqrEvents)
      .where(eq(pqrEvents.caseId, c.id))
    expect(events.map((e) => e.kind)).toEqual(['assigned', 'assigned'])
  })

  test('automatic assignment picks the least-loaded active agent of the case area', async () => {
    const { areaId } = await insertArea(db, { band: 'above_2000' })
    const busy = await insertStaffUser(db, 'agent', { serviceAreaId: areaId, fullName: 'A Ocupada' })
    const free = await insertStaffUser(db, 'agent', { serviceAreaId: areaId, fullName: 'B Libre' })
    await insertStaffUser(db, 'agent', { serviceAreaId: areaB, fullName: 'C Otra área' })
    await insertTestCase(db, { areaId, assignedTo: busy.id, state: 'asignada' }, NOW)
    const c = await insertTestCase(db, { areaId }, NOW)
    const actor = { kind: 'system', label: 'Prueba' } as const
    expect(await autoAssignCase({ caseId: c.id, actor, now: NOW })).toMatchObject({
      ok: true,
      value: { assigneeId: free.id },
    })
    // Two more unassigned cases: loads become 1 and 1, then the tie goes by name.
    await insertTestCase(db, { areaId, filedOn: '2026-03-02' }, NOW)
    await insertTestCase(db, { areaId, filedOn: '2026-03-03' }, NOW)
    expect(await autoAssignUnassigned({ areaId, actor, now: NOW })).toEqual({ assigned: 2, failed: [] })
    const counts = await rows<{ assigned_to: string; n: number }>(
      db,
      sql`select assigned_to, count(*)::int as n from pqr_cases where area_id = ${areaId}::uuid group by assigned_to`,
    )
    expect(Object.fromEntries(counts.map((r) => [r.assigned_to, r.n]))).toEqual({
      [busy.id]: 2,
      [free.id]: 2,
    })
  })
})

describe('visits ordered for a case', () => {
  test('a visit creates a work order on the account linked to the case (en_pruebas); its result returns the case to en_tramite', async () => {
    const claim = await insertBillingClaim(db, { now: NOW, overrides: { state: 'en_tramite' } })
    const agent = await insertStaffUser(db, 'agent')
    const ordered = await orderVisit({
      caseId: claim.case.id,
      kind: 'meter_check',
      reason: 'Verificar el medidor',
      scheduledOn: '2026-03-12',
      actor: { id: agent.id },
      now: NOW,
    })
    if (!ordered.ok) throw ordered.error
    const [order] = await db.select().from(workOrders).where(eq(workOrders.id, ordered.value.workOrderId))
    expect(order).toMatchObject({
      accountId: claim.accountId,
      kind: 'meter_check',
      status: 'scheduled',
      scheduledOn: '2026-03-12',
    })
    expect(await db.select().from(pqrWorkOrders).where(eq(pqrWorkOrders.caseId, claim.case.id))).toHaveLength(
      1,
    )
    expect((await db.select().from(pqrCases).where(eq(pqrCases.id, claim.case.id)))[0]!.state).toBe(
      'en_pruebas',
    )
    const bad = await recordVisitResult({
      caseId: claim.case.id,
      workOrderId: ordered.value.workOrderId,
      visitedOn: '2026-03-20',
      findings: 'futuro',
      actor: { id: agent.id },
      now: NOW,
    })
    expect(bad.ok).toBe(false)
    const done = await recordVisitResult({
      caseId: claim.case.id,
      workOrderId: ordered.value.workOrderId,
      visitedOn: '2026-03-10',
      findings: 'Medidor frenado',
      meterReading: 1234,
      meterOk: false,
      actor: { id: agent.id },
      now: NOW,
    })
    expect(done.ok).toBe(true)
    const [after] = await db.select().from(workOrders).where(eq(workOrders.id, ordered.value.workOrderId))
    expect(after).toMatchObject({
      status: 'done',
      result: expect.objectContaining({ findings: 'Medidor frenado', meterReading: 1234, meterOk: false }),
    })
    expect((await db.select().from(pqrCases).where(eq(pqrCases.id, claim.case.id)))[0]!.state).toBe(
      'en_tramite',
    )
    const again = await recordVisitResult({
      caseId: claim.case.id,
      workOrderId: ordered.value.workOrderId,
      visitedOn: '2026-03-10',
      findings: 'otra vez',
      actor: { id: agent.id },
      now: NOW,
    })
    expect(again.ok).toBe(false)
  })
})
