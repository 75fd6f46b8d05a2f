import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { insertArea } from '~/billing/ledger/test-fixtures.server'
import { db } from '~/db.server'
import { pqrCases } from '../../db/schema/pqr'
import { countDashboard, dashboardWindow, listDashboardBucket } from './dashboard.server'
import { sweepSilencio } from './silencio.server'
import { insertTestCase } from './test-fixtures.server'

// Thursday 19 March 2026, 10:00 in Bogotá. "Por vencer" (3 business days): 20, 24, 25 March (23 is San José).
const NOW = new Date('2026-03-19T15:00:00Z')
const ids: Record<string, string> = {}
let area: string
let other: string

/** A case in `state` whose next company step is due on `dueOn` (set directly: the buckets read the stored clock). */
async function caseDue(
  name: string,
  dueOn: string | null,
  overrides: Parameters<typeof insertTestCase>[1] = {},
) {
  const c = await insertTestCase(
    db,
    { filedOn: '2026-02-20', areaId: area, ...overrides },
    new Date('2026-02-20T15:00:00Z'),
  )
  const silencioRisk = overrides.silencioRisk ?? false
  await db
    .update(pqrCases)
    .set({ nextStepDueOn: dueOn, dueOn: dueOn ?? c.dueOn, silencioRisk })
    .where(eq(pqrCases.id, c.id))
  ids[name] = c.id
}

beforeAll(async () => {
  area = (await insertArea(db, { band: 'above_2000' })).areaId
  other = (await insertArea(db, { band: 'above_2000' })).areaId
  await caseDue('today', '2026-03-19', { state: 'en_tramite' })
  await caseDue('soon', '2026-03-25', { state: 'asignada' })
  await caseDue('later', '2026-03-26', { state: 'asignada' })
  await caseDue('citationOverdue', '2026-03-17', { state: 'decidida' })
  await caseDue('recursoWindow', '2026-03-19', { state: 'en_termino_de_recursos' }) // the user's term, not ours
  await caseDue('risk', '2026-03-10', { state: 'notificada', silencioRisk: true })
  await caseDue('otherArea', '2026-03-19', { state: 'en_tramite', areaId: other })
  await caseDue('lapsed', '2026-03-13', { state: 'en_tramite' }) // its real answer deadline (filed 20 February)
  await sweepSilencio(db, { now: NOW, actor: { kind: 'system', label: 'Prueba' } }) // 'lapsed' falls into silencio
})

test('each bucket counts the cases whose company deadline falls in it, for all areas or one', async () => {
  const w = await dashboardWindow(db, NOW)
  expect(w).toEqual({ today: '2026-03-19', soonUntil: '2026-03-25', atRiskDays: 3 })
  const all = await countDashboard(db, w, { areaId: null })
  expect(all).toMatchObject({ 'vence-hoy': 2, 'por-vencer': 1, vencidos: 1, 'en-riesgo': 1, silencio: 1 })
  const mine = await countDashboard(db, w, { areaId: area })
  expect(mine).toMatchObject({ 'vence-hoy': 1, 'por-vencer': 1, vencidos: 1, 'en-riesgo': 1, silencio: 1 })
  expect(await countDashboard(db, w, { areaId: other })).toMatchObject({
    'vence-hoy': 1,
    'por-vencer': 0,
    vencidos: 0,
    silencio: 0,
  })
})

test('the lists link each case and show the recognition deadline of the cases in silencio', async () => {
  const w = await dashboardWindow(db, NOW)
  const page = { limit: 10, offset: 0 }
  expect((await listDashboardBucket(db, 'vence-hoy', w, { areaId: area }, page)).map((r) => r.id)).toEqual([
    ids.today,
  ])
  expect((await listDashboardBucket(db, 'vencidos', w, { areaId: null }, page)).map((r) => r.id)).toEqual([
    ids.citationOverdue,
  ])
  const [silencio] = await listDashboardBucket(db, 'silencio', w, { areaId: area }, page)
  expect(silencio).toMatchObject({ id: ids.lapsed, state: 'silencio_positivo', dueOn: '2026-03-13' })
  // 00:00 of 14 March in Bogotá + 72 hours.
  expect(silencio!.recognitionDueAt).toBe('2026-03-17T05:00:00.000Z')
  const [risk] = await listDashboardBucket(db, 'en-riesgo', w, { areaId: area }, page)
  expect(risk).toMatchObject({ id: ids.risk, silencioRisk: true })
})
