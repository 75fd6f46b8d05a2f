import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { auditTrail } from '../../db/schema/system'
import { pqrCases, pqrDecisions, pqrEvents, pqrNotifications } from '../../db/schema/pqr'
import { refreshCaseClocks } from './clock-refresh.server'
import { recordCaseEvent, transitionCase } from './events.server'
import { formatRadicado, nextRadicado } from './radicado.server'
import { insertTestCase } from './test-fixtures.server'

const actor = { kind: 'system', label: 'Prueba' } as const
// Tuesday 3 March 2026, 10:00 in Bogotá.
const NOW = new Date('2026-03-03T15:00:00Z')
const caseRow = async (id: string) => (await db.select().from(pqrCases).where(eq(pqrCases.id, id)))[0]!

describe('radicados', () => {
  test('are consecutive per year and direction, formatted with the year, E/S and six digits', async () => {
    const a = await db.transaction((tx) => nextRadicado(tx, 'entrada', { now: new Date('2031-05-01T12:00:00Z') }))
    const b = await db.transaction((tx) => nextRadicado(tx, 'entrada', { now: new Date('2031-05-02T12:00:00Z') }))
    const s = await db.transaction((tx) => nextRadicado(tx, 'salida', { now: new Date('2031-05-02T12:00:00Z') }))
    expect(b.seq).toBe(a.seq + 1)
    expect(b.radicado).toBe(formatRadicado(2031, 'entrada', a.seq + 1))
    expect(s).toEqual({ radicado: '2031-S-000001', year: 2031, seq: 1 })
    expect(formatRadicado(2026, 'entrada', 123)).toBe('2026-E-000123')
  })

  test('a rolled-back filing gives its number back (gapless)', async () => {
    const now = new Date('2032-01-10T15:00:00Z')
    await expect(
      db.transaction(async (tx) => {
        await nextRadicado(tx, 'entrada', { now })
        throw new Error('falla después de numerar')
      }),
    ).rejects.toThrow('falla')
    expect((await db.transaction((tx) => nextRadicado(tx, 'entrada', { now }))).radicado).toBe('2032-E-000001')
  })

  test('the year is the Bogotá year: 31 Dec 20:00 in Bogotá is still the old year', async () => {
    const r = await db.transaction((tx) => nextRadicado(tx, 'salida', { now: new Date('2033-01-01T01:00:00Z') }))
    expect(r.year).toBe(2032)
  })
})

describe('transitions', () => {
  test('an allowed transition records the event with the states, the trail and refreshed clocks', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03' }, NOW)
    expect(c.dueOn).toBe('2026-03-25') // 15 business days (San José moved to Monday 23 March)
    const moved = await db.transaction((tx) =>
      transitionCase(tx, { caseId: c.id, to: 'asignada', kind: 'assigned', body: 'A la agente', actor, now: NOW }),
    )
    expect(moved).toEqual({ ok: true, value: { from: 'radicada', to: 'asignada' } })
    const [event] = await db.select().from(pqrEvents).where(eq(pqrEvents.caseId, c.id))
    expect(event).toMatchObject({ kind: 'assigned', fromState: 'radicada', toState: 'asignada', actorLabel: 'Prueba' })
    const trail = await db.select().from(auditTrail).where(and(eq(auditTrail.entityType, 'pqr_case'), eq(auditTrail.entityId, c.id)))
    expect(trail.map((t) => t.action)).toEqual(['pqr.assigned'])
    expect((await caseRow(c.id)).state).toBe('asignada')
  })

  test('a transition the table refuses changes nothing and records nothing', async () => {
    const c = await insertTestCase(db, {}, NOW)
    const result = await db.transaction((tx) => transitionCase(tx, { caseId: c.id, to: 'notificada', actor, now: NOW }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('pqr/invalid_transition')
    expect((await caseRow(c.id)).state).toBe('radicada')
    expect(await db.select().from(pqrEvents).where(eq(pqrEvents.caseId, c.id))).toHaveLength(0)
  })

  test('closing sets closed_at; an unknown case is not found', async () => {
    const c = await insertTestCase(db, {}, NOW)
    await db.transaction((tx) => transitionCase(tx, { caseId: c.id, to: 'cerrada', actor, now: NOW }))
    expect((await caseRow(c.id)).closedAt?.toISOString()).toBe(NOW.toISOString())
    const missing = await db.transaction((tx) =>
      transitionCase(tx, { caseId: '00000000-0000-4000-8000-000000000000', to: 'asignada', actor }),
    )
    expect(!missing.ok && missing.error.code).toBe('pqr/not_found')
  })
})

describe('stored clocks', () => {
  test('an accepted art. 158 extension moves due_on', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03' }, NOW)
    await recordCaseEvent(db, { caseId: c.id, kind: 'extension_granted', data: { grantedOn: '2026-03-20', businessDays: 10 }, actor })
    await refreshCaseClocks(db, c.id, { now: NOW })
    expect((await caseRow(c.id)).dueOn).toBe('2026-04-10') // +10 business days (Holy Week 2–3 April)
  })

  test('an issued decision, an electronic notice opened: the next step and the recurso window are stored', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'decidida' }, NOW)
    const [d] = await db
      .insert(pqrDecisions)
      .values({ caseId: c.id, decisionType: 'accede', status: 'issued', body: 'x', legalGrounds: 'y', recursos: [], issuedAt: new Date('2026-03-10T15:00:00Z') })
      .returning()
    await refreshCaseClocks(db, c.id, { now: new Date('2026-03-10T16:00:00Z') })
    expect(await caseRow(c.id)).toMatchObject({ nextStepDueOn: '2026-03-17', recursoUntil: null, silencioRisk: false })
    await db.insert(pqrNotifications).values({
      caseId: c.id,
      decisionId: d!.id,
      kind: 'electronica',
      sentAt: new Date('2026-03-11T15:00:00Z'),
      openedAt: new Date('2026-03-12T15:00:00Z'),
    })
    await refreshCaseClocks(db, c.id, { now: new Date('2026-03-12T16:00:00Z') })
    const row = await caseRow(c.id)
    expect(row.recursoUntil).toBe('2026-03-19')
    expect(row.nextStepDueOn).toBe('2026-03-19')
  })

  test('a decision not cited in time is flagged as a silencio risk', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'decidida' }, NOW)
    await db.insert(pqrDecisions).values({ caseId: c.id, decisionType: 'no_accede', status: 'issued', body: 'x', legalGrounds: 'y', recursos: [], issuedAt: new Date('2026-03-10T15:00:00Z') })
    await refreshCaseClocks(db, c.id, { now: new Date('2026-03-25T15:00:00Z') })
    expect((await caseRow(c.id)).silencioRisk).toBe(true)
  })

  test('citation, then an aviso delivered: the recurso window runs from the business day after delivery (CPACA art. 69)', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'citada' }, NOW)
    const [d] = await db
      .insert(pqrDecisions)
      .values({ caseId: c.id, decisionType: 'no_accede', status: 'issued', body: 'x', legalGrounds: 'y', recursos: [], issuedAt: new Date('2026-03-10T15:00:00Z') })
      .returning()
    await db.insert(pqrNotifications).values([
      { caseId: c.id, decisionId: d!.id, kind: 'citacion', sentAt: new Date('2026-03-11T15:00:00Z') },
      { caseId: c.id, decisionId: d!.id, kind: 'aviso', sentAt: new Date('2026-03-19T15:00:00Z'), deliveredOn: '2026-03-24' },
    ])
    await refreshCaseClocks(db, c.id, { now: new Date('2026-03-24T20:00:00Z') })
    expect(await caseRow(c.id)).toMatchObject({ recursoUntil: '2026-04-01', nextStepDueOn: '2026-04-01', silencioRisk: false })
  })

  test('a traslado leaves no next step', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03' }, NOW)
    await db.transaction((tx) => transitionCase(tx, { caseId: c.id, to: 'remitida_por_competencia', kind: 'traslado', actor, now: new Date('2026-03-05T15:00:00Z') }))
    expect(await caseRow(c.id)).toMatchObject({ nextStepDueOn: null, trasladoDueOn: '2026-03-10' })
  })
})
