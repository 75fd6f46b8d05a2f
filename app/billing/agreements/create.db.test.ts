import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { money, toDb } from '~/billing/money'
import { getBalance } from '~/billing/ledger/balance.server'
import { insertAccount, insertApprovedTariff, insertArea, insertPeriod, releaseConsumption } from '~/billing/ledger/test-fixtures.server'
import { issueLiquidation } from '~/billing/liquidation/issue.server'
import { runLiquidation } from '~/billing/liquidation/run.server'
import { startLiquidation } from '~/billing/liquidation/start.server'
import { paymentAgreements } from '../../../db/schema/service'
import { createPaymentAgreement } from './create.server'

const actor = { kind: 'system', label: 'prueba' } as const
let where: { areaId: string; zoneId: string; cycleId: string }
let jan: string
let feb: string
let account: string

async function liquidate(periodId: string, issue: boolean) {
  const started = await db.transaction((tx) => startLiquidation(tx, { periodId, actor }))
  if (!started.ok) throw started.error
  expect((await runLiquidation(db, started.value.runId)).ok).toBe(true)
  if (issue) expect((await db.transaction((tx) => issueLiquidation(tx, { runId: started.value.runId, actor }))).ok).toBe(true)
}

beforeAll(async () => {
  where = await insertArea(db, { band: 'above_2000' })
  await insertApprovedTariff(db, where.areaId)
  jan = await insertPeriod(db, where.cycleId, '2026-01')
  feb = await insertPeriod(db, where.cycleId, '2026-02')
  account = await insertAccount(db, where, { estrato: 3 })
  await releaseConsumption(db, account, jan, 18)
  await releaseConsumption(db, account, feb, 18)
  await liquidate(jan, true) // issued 2026-02-06, due 2026-02-21, unpaid
})

describe('createPaymentAgreement', () => {
  test('moves the overdue debt into the agreement: balance before = balance after + the instalments to bill', async () => {
    const on = '2026-02-25'
    const before = await getBalance(db, account, { on })
    expect(before.overdue.gt(0)).toBe(true)
    const created = await db.transaction((tx) => createPaymentAgreement(tx, { accountId: account, instalments: 4, on, actor }))
    if (!created.ok) throw created.error
    const { principal, instalmentAmount, lastInstalment } = created.value
    expect(principal).toBe(toDb(before.overdue))
    const instalments = money(instalmentAmount).times(3).plus(lastInstalment)
    expect(toDb(instalments)).toBe(principal)
    expect(money(lastInstalment).gte(instalmentAmount)).toBe(true)
    const after = await getBalance(db, account, { on })
    expect(toDb(after.total.plus(instalments))).toBe(toDb(before.total))
    expect(toDb(after.overdue)).toBe('0.00')
    const again = await db.transaction((tx) => createPaymentAgreement(tx, { accountId: account, instalments: 2, on, actor }))
    expect(!again.ok && again.error.message).toBe('La cuenta ya tiene un acuerdo de pago vigente.')
  })

  test('the next liquidation bills instalment 1 and no interest on the moved debt', async () => {
    await liquidate(feb, false)
    const [agreement] = await db.select().from(paymentAgreements).where(eq(paymentAgreements.accountId, account))
    const lines = await rows<{ concept: string; amount: string; description: string }>(
      db,
      sql`select l.concept, l.amount::text, l.description from invoice_lines l join invoices i on i.id = l.invoice_id
           where i.account_id = ${account}::uuid and i.period_id = ${feb}::uuid order by l.position`,
    )
    expect(lines.filter((l) => l.concept === 'cuota_acuerdo').map((l) => [l.description, l.amount])).toEqual([
      ['Acuerdo de pago: cuota 1 de 4', agreement!.instalmentAmount],
    ])
    expect(lines.some((l) => l.concept === 'interes_mora')).toBe(false)
  })

  test('refuses too many instalments and an account without overdue debt, in Spanish', async () => {
    const other = await insertAccount(db, where, { estrato: 2 })
    const many = await db.transaction((tx) => createPaymentAgreement(tx, { accountId: other, instalments: 500, on: '2026-02-25', actor }))
    expect(!many.ok && many.error.message).toBe('El número de cuotas debe estar entre 1 y 36.')
    const none = await db.transaction((tx) => createPaymentAgreement(tx, { accountId: other, instalments: 3, on: '2026-02-25', actor }))
    expect(!none.ok && none.error.message).toMatch(/no tiene deuda vencida/)
  })
})
