import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeEach, expect, test } from 'vitest'
import { db, rows, type Db } from '~/db.server'
import * as schema from '../../db/schema'
import { describeOnServer } from '../../tests/setup/engine'
import { canonicalJson } from './canonical-json'
import { recordTrail } from './record.server'
import { verifyTrail } from './verify.server'

const actor = { kind: 'system', label: 'prueba' } as const

beforeEach(async () => {
  await db.execute(sql`truncate audit_trail, audit_trail_heads`)
})

test('canonical JSON sorts keys at every depth and ignores undefined', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
    '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
  )
})

test('entries of one entity form a chain with consecutive sequence numbers', async () => {
  const first = await db.transaction((tx) =>
    recordTrail(tx, {
      entityType: 'pqr_case',
      entityId: 'c1',
      action: 'filed',
      actor,
      summary: { after: { n: 1 } },
    }),
  )
  const second = await db.transaction((tx) =>
    recordTrail(tx, {
      entityType: 'pqr_case',
      entityId: 'c1',
      action: 'assigned',
      actor,
      requestId: 'r1',
      ip: '10.0.0.1',
    }),
  )
  await db.transaction((tx) =>
    recordTrail(tx, { entityType: 'pqr_case', entityId: 'c2', action: 'filed', actor }),
  )
  expect([first.seq, second.seq]).toEqual([1, 2])
  const stored = await rows<{ prev_hash: string | null }>(
    db,
    sql`select prev_hash from audit_trail where seq = 2`,
  )
  expect(stored[0]?.prev_hash).toBe(first.hash)
  const report = await verifyTrail(db, { batchSize: 2 })
  expect(report).toMatchObject({ entries: 3, chains: 2, broken: [] })
})

test('an entry written in a transaction that rolls back leaves no trace and no gap', async () => {
  await db
    .transaction(async (tx) => {
      await recordTrail(tx, { entityType: 'invoice', entityId: 'i1', action: 'issued', actor })
      throw new Error('rollback')
    })
    .catch(() => {})
  const again = await db.transaction((tx) =>
    recordTrail(tx, { entityType: 'invoice', entityId: 'i1', action: 'issued', actor }),
  )
  expect(again.seq).toBe(1)
})

test('the trail refuses UPDATE and DELETE', async () => {
  await db.transaction((tx) =>
    recordTrail(tx, { entityType: 'invoice', entityId: 'i9', action: 'issued', actor }),
  )
  await expect(db.execute(sql`update audit_trail set action = 'x'`)).rejects.toThrow()
  await expect(db.execute(sql`delete from audit_trail`)).rejects.toThrow()
})

test('verify detects exactly the entity whose row was edited', async () => {
  for (const id of ['a', 'b', 'c']) {
    for (let i = 0; i < 3; i++) {
      await db.transaction((tx) =>
        recordTrail(tx, {
          entityType: 'account',
          entityId: id,
          action: `step${i}`,
          actor,
          summary: { before: i, after: i + 1 },
        }),
      )
    }
  }
  await db.execute(sql`alter table audit_trail disable trigger audit_trail_append_only`)
  await db.execute(
    sql`update audit_trail set summary = '{"before":1,"after":99}'::jsonb where entity_id = 'b' and seq = 2`,
  )
  await db.execute(sql`alter table audit_trail enable trigger audit_trail_append_only`)
  const report = await verifyTrail(db, { batchSize: 4 })
  expect(report.entries).toBe(9)
  expect(report.broken).toEqual([{ entityType: 'account', entityId: 'b', seq: 2, reason: 'hash_mismatch' }])
})

describeOnServer('concurrent writers on the PostgreSQL server', () => {
  const clients: postgres.Sql[] = []
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 5 })))
  })

  test('concurrent writes to one entity from several connections keep one valid chain', async () => {
    const dbs: Db[] = Array.from({ length: 4 }, () => {
      const client = postgres(process.env.DATABASE_URL!, { max: 3, onnotice: () => {} })
      clients.push(client)
      return drizzle({ client, schema }) as unknown as Db
    })
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        dbs[i % dbs.length]!.transaction((tx) =>
          recordTrail(tx, { entityType: 'account', entityId: 'hot', action: `w${i}`, actor }),
        ),
      ),
    )
    const report = await verifyTrail(db)
    expect(report).toMatchObject({ entries: 40, chains: 1, broken: [] })
  })
})
