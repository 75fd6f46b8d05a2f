import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { consumptions } from '../../../db/schema/critica'
import { workOrders } from '../../../db/schema/service'
import { insertBillingCycle, insertMeteredAccount, insertReadings, type CycleFixture } from '../../../tests/factories/billing-cycle'
import { releasedConsumptions } from './queries.server'
import { pendingDeviationSettlements, recordDeviationVisit, reviewConsumptions } from './review.server'
import { runCritica } from './run.server'

let fx: CycleFixture
let current: string
const ids: Record<string, string> = {}

// Seven months of readings; the crítica runs on the 7th (index 6), history from the six before it.
const SERIES: Record<string, Array<number | null>> = {
  normal: [100, 120, 140, 160, 180, 200, 222], // average 20, consumption 22
  up: [100, 120, 140, 160, 180, 200, 260], // 60 > 20 × 1.65
  down: [1000, 1050, 1100, 1150, 1200, 1250, 1260], // average 50, consumption 10 < 50 × 0.65
  zero: [10, 20, 30, 40, 50, 60, 60],
  noReading: [100, 115, 130, 145, 160, 175, null], // estimated on own average 15
  rollover: [99900, 99920, 99940, 99960, 99980, 99995, 10], // 15 m³ across the wrap
  negative: [500, 520, 540, 560, 580, 600, 450],
}

beforeAll(async () => {
  fx = await insertBillingCycle(db, 7)
  current = fx.periodIds[6]!
  let n = 100
  for (const [name, values] of Object.entries(SERIES)) {
    const account = await insertMeteredAccount(db, fx, { number: `GIR-${n++}` })
    await insertReadings(db, fx, account, values)
    ids[name] = account.accountId
  }
})

const byAccount = async () => {
  const found = await db.select().from(consumptions).where(eq(consumptions.periodId, current))
  return new Map(found.map((r) => [r.accountId, r]))
}

describe('crítica of a cycle period', () => {
  test('stores every account once with its class, billed m³ and basis, and opens a visit for each deviation', async () => {
    const progress: number[] = []
    const result = await runCritica(db, { periodId: current, batchSize: 3, onProgress: (p) => void progress.push(p.processed) })
    expect(result).toEqual({ processed: 7, total: 7, deviations: 2 })
    expect(progress).toEqual([3, 6, 7])
    const rows = await byAccount()
    const pick = (name: string) => {
      const r = rows.get(ids[name]!)!
      return [r.classification, r.measuredM3, r.billedM3, r.basis, r.status]
    }
    expect(pick('normal')).toEqual(['normal', 22, 22, 'measured', 'pending'])
    expect(pick('up')).toEqual(['significant_deviation_up', 60, 20, 'average', 'pending']) // Ley 142 art. 149
    expect(pick('down')).toEqual(['significant_deviation_down', 10, 50, 'average', 'pending'])
    expect(pick('zero')).toEqual(['zero', 0, 0, 'measured', 'pending'])
    expect(pick('noReading')).toEqual(['no_reading', null, 15, 'estimated', 'pending']) // Ley 142 art. 146
    expect(pick('rollover')).toEqual(['rollover', 15, 15, 'measured', 'pending'])
    expect(pick('negative')).toEqual(['negative', null, 20, 'average', 'pending'])
    const visits = await db.select().from(workOrders).where(eq(workOrders.kind, 'deviation_visit'))
    expect(visits.map((v) => v.accountId).sort()).toEqual([ids.up, ids.down].sort())
    expect(rows.get(ids.up!)!.workOrderId).toBe(visits.find((v) => v.accountId === ids.up)!.id)
  })

  test('a second run changes nothing already reviewed and opens no second visit', async () => {
    await reviewConsumptions(db, { periodId: current, decision: 'release', classifications: ['normal'], by: fx.userId })
    await runCritica(db, { periodId: current })
    const visits = await db.select().from(workOrders).where(eq(workOrders.kind, 'deviation_visit'))
    expect(visits).toHaveLength(2)
    expect((await byAccount()).get(ids.normal!)!.status).toBe('released')
  })

  test('only released consumptions reach the liquidation, page by page in account order', async () => {
    const rows = await byAccount()
    await reviewConsumptions(db, { periodId: current, decision: 'hold', consumptionIds: [rows.get(ids.negative!)!.id], by: fx.userId })
    await reviewConsumptions(db, { periodId: current, decision: 'release', by: fx.userId })
    const first = await releasedConsumptions(db, { periodId: current, limit: 4 })
    const rest = await releasedConsumptions(db, { periodId: current, limit: 4, afterAccountId: first.at(-1)!.accountId })
    const all = [...first, ...rest]
    expect(first).toHaveLength(4)
    expect(all).toHaveLength(6)
    expect(all.map((r) => r.accountId)).toEqual([...all.map((r) => r.accountId)].sort())
    expect(all.map((r) => r.accountId)).not.toContain(ids.negative)
    const inZone = await releasedConsumptions(db, { periodId: current, zoneId: fx.zoneId })
    expect(inZone).toHaveLength(6)
  })

  test('the visit result leaves the difference with the average to be settled by a note', async () => {
    const rows = await byAccount()
    const up = rows.get(ids.up!)!
    const recorded = await recordDeviationVisit(db, { consumptionId: up.id, realM3: 58, note: 'Fuga interna reparada', by: fx.userId })
    expect(recorded).toEqual({ ok: true, value: { differenceM3: 38 } })
    const pending = await pendingDeviationSettlements(db, current)
    expect(pending).toEqual([
      { consumptionId: up.id, accountId: ids.up, periodId: current, status: 'released', billedM3: 20, resolvedM3: 58, differenceM3: 38 },
    ])
    const [visit] = await db.select().from(workOrders).where(eq(workOrders.id, up.workOrderId!))
    expect(visit!.status).toBe('done')
    const again = await recordDeviationVisit(db, { consumptionId: up.id, realM3: 1, note: 'x', by: fx.userId })
    expect(again).toMatchObject({ ok: false, error: { code: 'billing/visit_already_recorded' } })
  })
})
