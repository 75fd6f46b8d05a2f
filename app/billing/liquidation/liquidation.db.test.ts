import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { sum, toDb } from '~/billing/money'
import { getBalance } from '~/billing/ledger/balance.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod, insertStaff, releaseConsumption } from '~/billing/ledger/test-fixtures.server'
import { describeOnServer } from '../../../tests/setup/engine'
import { invoices, liquidationRuns } from '../../../db/schema/ledger'
import { drainJobs } from '~/jobs/worker.server'
import { jobs } from '../../../db/schema/system'
import { issueLiquidation } from './issue.server'
import { requestLiquidation } from './jobs.server'
import { getControlReport, totalOf } from './report.server'
import { runLiquidation } from './run.server'
import { startLiquidation } from './start.server'
import type { RunContext } from './batch.server'
import { orderedUuid } from './ids'
import { openWriter } from './write.server'

const actor = { kind: 'system', label: 'prueba' } as const
let where: { areaId: string; zoneId: string; cycleId: string }
let jan: string
let feb: string
const accountIds: string[] = []

beforeAll(async () => {
  where = await insertArea(db, { band: 'above_2000' })
  await insertApprovedTariff(db, where.areaId)
  jan = await insertPeriod(db, where.cycleId, '2026-01')
  feb = await insertPeriod(db, where.cycleId, '2026-02')
  const categories = [{ estrato: 1 }, { estrato: 2 }, { estrato: 3 }, { estrato: 4 }, { estrato: 5 }, { estrato: 6 }, { useClass: 'commercial' }, { useClass: 'industrial' }, { useClass: 'official' }] as const
  let m3 = 5
  for (const c of categories) {
    const id = await insertAccount(db, where, c)
    accountIds.push(id)
    await releaseConsumption(db, id, jan, m3)
    await releaseConsumption(db, id, feb, m3 + 3)
    m3 += 4
  }
})

async function liquidate(periodId: string) {
  const started = await db.transaction((tx) => startLiquidation(tx, { periodId, actor }))
  if (!started.ok) throw started.error
  const outcome = await runLiquidation(db, started.value.runId, { batchSize: 4 })
  return { runId: started.value.runId, outcome }
}

async function checkRunConsistency(runId: string) {
  const mismatches = await rows(
    db,
    sql`select i.id from invoices i
          left join lateral (select coalesce(sum(amount), 0) as s from invoice_lines where invoice_id = i.id) l on true
          left join lateral (select coalesce(sum(amount), 0) as s from ledger_entries where invoice_id = i.id) e on true
         where i.liquidation_run_id = ${runId}::uuid
           and (i.current_charges <> l.s or i.current_charges <> e.s or i.total_to_pay <> i.previous_balance + i.current_charges)`,
  )
  expect(mismatches).toEqual([])
  const report = await getControlReport(db, runId)
  const invoiceSum = await rows<{ s: string }>(db, sql`select sum(current_charges)::text as s from invoices where liquidation_run_id = ${runId}::uuid`)
  expect(report.totals.currentCharges).toBe(toDb(sum([invoiceSum[0]!.s])))
  expect(totalOf(report.byCategory)).toBe(report.totals.currentCharges)
  expect(totalOf(report.byService)).toBe(report.totals.currentCharges)
  expect(totalOf(report.byConcept)).toBe(report.totals.currentCharges)
  const subsidies = report.byConcept.find((c) => c.concept === 'subsidio')?.amount ?? '0'
  const contributions = report.byConcept.find((c) => c.concept === 'contribucion')?.amount ?? '0'
  expect(report.totals.solidarityBalance).toBe(toDb(sum([contributions, subsidies])))
  return report
}

describe('liquidation of a cycle period', () => {
  test('drafts every account with a released consumption; totals agree with lines, ledger and report', async () => {
    const { runId, outcome } = await liquidate(jan)
    expect(outcome).toEqual({ ok: true, invoices: 9 })
    const report = await checkRunConsistency(runId)
    expect(report.totals.invoices).toBe(9)
    expect(Number(report.totals.subsidies)).toBeGreaterThan(0)
    expect(Number(report.totals.contributions)).toBeGreaterThan(0)
    // Drafts are not part of any balance yet.
    const [anyInvoice] = await db.select().from(invoices).where(eq(invoices.liquidationRunId, runId)).limit(1)
    expect(toDb((await getBalance(db, anyInvoice!.accountId, { on: '2026-02-10' })).total)).toBe('0.00')
  })

  test('re-running a draft run replaces its drafts with the same result', async () => {
    const before = await db.select().from(invoices).where(eq(invoices.periodId, jan))
    const { runId, outcome } = await liquidate(jan)
    expect(outcome.ok).toBe(true)
    const after = await db.select().from(invoices).where(eq(invoices.periodId, jan))
    expect(after.map((i) => i.id).sort()).not.toEqual(before.map((i) => i.id).sort())
    const key = (list: typeof before) => list.map((i) => `${i.accountId}:${i.currentCharges}`).sort()
    expect(key(after)).toEqual(key(before))
    await checkRunConsistency(runId)
  })

  test('issuing makes the invoices part of the balance; a second liquidation changes nothing', async () => {
    const [run] = await db.select().from(liquidationRuns).where(eq(liquidationRuns.periodId, jan))
    const issued = await db.transaction((tx) => issueLiquidation(tx, { runId: run!.id, actor }))
    expect(issued).toEqual({ ok: true, value: { invoices: 9 } })
    const list = await db.select().from(invoices).where(eq(invoices.periodId, jan))
    expect(list.every((i) => i.status === 'issued' && i.number !== null)).toBe(true)
    // Issuing opens each invoice for allocation (the trigger of 0017_open-invoices.sql); drafts never were.
    const open = await rows<{ invoice_id: string }>(db, sql`select o.invoice_id from open_invoices o join invoices i on i.id = o.invoice_id where i.period_id = ${jan}::uuid`)
    expect(open.map((o) => o.invoice_id).sort()).toEqual(list.map((i) => i.id).sort())
    const again = await db.transaction((tx) => startLiquidation(tx, { periodId: jan, actor }))
    expect(again.ok).toBe(false)
    const after = await db.select().from(invoices).where(eq(invoices.periodId, jan))
    expect(after).toEqual(list)
    const one = list[0]!
    expect(toDb((await getBalance(db, one.accountId, { on: '2026-02-10' })).total)).toBe(one.totalToPay)
  })

  test('the next period carries the previous balance and charges interest on the overdue part', async () => {
    const { runId } = await liquidate(feb)
    await checkRunConsistency(runId)
    const list = await db.select().from(invoices).where(eq(invoices.periodId, feb))
    const previous = await db.select().from(invoices).where(eq(invoices.periodId, jan))
    for (const inv of list) {
      const prior = previous.find((p) => p.accountId === inv.accountId)!
      expect(inv.previousBalance).toBe(prior.totalToPay)
    }
    const interest = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from invoice_lines l join invoices i on i.id = l.invoice_id
           where i.period_id = ${feb}::uuid and l.concept = 'interes_mora'`,
    )
    expect(interest[0]!.n).toBe(9)
  })

  test('an area without an approved tariff fails the run with a clear Spanish message', async () => {
    const other = await insertArea(db, { band: 'below_1000' })
    const staff = await insertStaff(db)
    const { createTariffDraft } = await import('~/billing/tariffs/draft.server')
    await createTariffDraft(db, { serviceAreaId: other.areaId, effectiveFrom: '2025-01-01', enteredBy: staff.enteredBy })
    const period = await insertPeriod(db, other.cycleId, '2026-01')
    const account = await insertAccount(db, other)
    await releaseConsumption(db, account, period, 10)
    const { outcome, runId } = await liquidate(period)
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.error).toMatch(/No hay una tarifa aprobada vigente/)
    const [run] = await db.select().from(liquidationRuns).where(eq(liquidationRuns.id, runId))
    expect(run!.status).toBe('failed')
  })
})

describe('the batch writer', () => {
  test('with set-based checks, a batch naming an account that does not exist writes nothing and fails', async () => {
    const [run] = await db.select().from(liquidationRuns).where(eq(liquidationRuns.periodId, jan))
    const ctx = { runId: run!.id, periodId: jan } as RunContext
    const writer = await openWriter(db, ctx, { setBased: true })
    const missing = '00000000-0000-4000-8000-000000000000'
    const invoice = `${orderedUuid()}\t${missing}\t${jan}\tdraft\t2026-02-06\t2026-02-21\t2026-02-26\t1\t0.00\t1.00\t1.00\t9999999990\t${run!.id}\n`
    const batch = { accountIds: [missing], invoices: invoice, entries: '', lines: '', billedCharges: [] }
    await expect(writer.write(batch)).rejects.toThrow(/no longer exists/)
    expect(await db.select().from(invoices).where(eq(invoices.accountId, missing))).toEqual([])
  })
})

describe('the liquidation job', () => {
  test('runs through the queue and leaves its progress readable', async () => {
    const period = await insertPeriod(db, where.cycleId, '2026-04')
    for (const id of accountIds) await releaseConsumption(db, id, period, 12)
    const requested = await requestLiquidation(db, { periodId: period, actor })
    if (!requested.ok) throw requested.error
    await drainJobs({ db })
    const [job] = await db.select().from(jobs).where(eq(jobs.id, requested.value.jobId!))
    expect([job!.status, job!.progressDone, job!.progressTotal]).toEqual(['succeeded', 9, 9])
    const [run] = await db.select().from(liquidationRuns).where(eq(liquidationRuns.id, requested.value.runId))
    expect(run!.status).toBe('draft')
    expect((run!.totals as { invoices: number }).invoices).toBe(9)
  })
})

describeOnServer('concurrent liquidations', () => {
  test('two liquidations of the same cycle period started at once produce one run', async () => {
    const period = await insertPeriod(db, where.cycleId, '2026-03')
    const [a, b] = await Promise.all([
      db.transaction((tx) => startLiquidation(tx, { periodId: period, actor })),
      db.transaction((tx) => startLiquidation(tx, { periodId: period, actor })),
    ])
    expect(a.ok && b.ok).toBe(true)
    if (!a.ok || !b.ok) return
    expect(a.value.runId).toBe(b.value.runId)
    expect([a.value.isNew, b.value.isNew].sort()).toEqual([false, true])
  })
})
