import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { processOneJob } from '~/jobs/worker.server'
import { jobs } from '../../../db/schema/system'
import { readings } from '../../../db/schema/readings'
import { insertBillingCycle, insertMeteredAccount, type CycleFixture } from '../../../tests/factories/billing-cycle'
import { importReadings } from './import.server'
import { importReadingsJob } from './jobs.server'
import { recordManualReading } from './manual-entry.server'

let fx: CycleFixture
let periodId: string // 2026-01: 01/01/2026 to its issue date 05/02/2026

beforeAll(async () => {
  fx = await insertBillingCycle(db, 2)
  periodId = fx.periodIds[0]!
  await insertMeteredAccount(db, fx, { number: 'GIR-001' })
  await insertMeteredAccount(db, fx, { number: 'GIR-002' })
  await insertMeteredAccount(db, fx, { number: 'GIR-003', isMeterActive: false })
  await insertMeteredAccount(db, fx, { number: 'GIR-004', dialDigits: 4 })
})

const periodReadings = () => db.select().from(readings).where(eq(readings.periodId, periodId))
const HEADER = 'cuenta,lectura,fecha,lector,anomalia'

describe('readings import', () => {
  test('a file with one malformed row applies nothing and names the line', async () => {
    const csv = [HEADER, 'GIR-001,120,02/02/2026,L01,', 'GIR-002,12O,02/02/2026,L01,', 'GIR-004,77,02/02/2026,L01,'].join('\n')
    const result = await importReadings(db, { periodId, csv, by: fx.userId })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('billing/readings_rejected')
    expect(result.error.lineErrors).toEqual([{ line: 3, message: 'La lectura «12O» no es un número entero de m³.' }])
    expect(result.error.message).toContain('no se aplicó ninguna lectura. Línea 3: La lectura «12O»')
    expect(await periodReadings()).toEqual([])
  })

  test('errors against the cycle: unknown account, inactive meter, date outside the period, duplicate', async () => {
    const csv = [
      HEADER,
      'GIR-999,10,02/02/2026,L01,',
      'GIR-003,10,02/02/2026,L01,',
      'GIR-001,10,06/02/2026,L01,',
      'GIR-002,10,02/02/2026,L01,',
      'GIR-002,11,02/02/2026,L01,',
    ].join('\n')
    const result = await importReadings(db, { periodId, csv, by: fx.userId })
    if (result.ok) throw new Error('expected a rejection')
    expect(result.error.lineErrors!.map((e) => e.line)).toEqual([2, 3, 4, 6])
    expect(result.error.lineErrors![2]!.message).toBe('La fecha 06/02/2026 está fuera del periodo 2026-01 (01/01/2026 a 05/02/2026).')
    expect(await periodReadings()).toEqual([])
  })

  test('a good file upserts every reading with source, who and when; a second file replaces values', async () => {
    const now = new Date('2026-02-03T14:00:00Z')
    const csv = [HEADER, 'GIR-001,120,02/02/2026,L01,', 'GIR-002,,02/02/2026,L01,SL', 'GIR-004,77,02/02/2026,L02,'].join('\n')
    expect(await importReadings(db, { periodId, csv, by: fx.userId, now })).toEqual({ ok: true, value: { applied: 3 } })
    const again = [HEADER, 'GIR-001,121,02/02/2026,L01,'].join('\n')
    expect((await importReadings(db, { periodId, csv: again, by: fx.userId, now })).ok).toBe(true)
    const found = await periodReadings()
    expect(found).toHaveLength(3)
    const one = found.find((r) => r.value === 121)!
    expect(one).toMatchObject({ source: 'import', recordedBy: fx.userId, readOn: '2026-02-02', readerCode: 'L01' })
    expect(one.recordedAt.toISOString()).toBe(now.toISOString())
    expect(found.find((r) => r.anomalyCode === 'SL')!.value).toBeNull()
  })

  test('manual entry uses the same validation and records source manual', async () => {
    const bad = await recordManualReading(db, { periodId, accountNumber: 'GIR-004', value: '12345', readOn: '02/02/2026', readerCode: 'L9', by: fx.userId })
    expect(bad).toMatchObject({ ok: false, error: { message: 'La lectura 12345 no cabe en un medidor de 4 dígitos.' } })
    const good = await recordManualReading(db, { periodId, accountNumber: 'GIR-004', value: '80', readOn: '03/02/2026', readerCode: 'L9', by: fx.userId })
    expect(good.ok).toBe(true)
    const [row] = (await periodReadings()).filter((r) => r.value === 80)
    expect(row).toMatchObject({ source: 'manual', readOn: '2026-02-03', recordedBy: fx.userId })
  })

  test('a large file runs as a job with progress and its result', async () => {
    const csv = [HEADER, 'GIR-001,130,02/02/2026,L01,', 'GIR-002,40,02/02/2026,L01,'].join('\n')
    const { id } = await importReadingsJob.enqueue(db, { periodId, csv, by: fx.userId })
    await processOneJob('test-worker')
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id))
    expect(job).toMatchObject({ status: 'succeeded', result: { ok: true, applied: 2 }, progressDone: 2, progressTotal: 2 })
  })
})
