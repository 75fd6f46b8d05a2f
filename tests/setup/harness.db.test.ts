import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, engine, rows } from '~/db.server'
import { users } from '../../db/schema'

test('each test file starts from a migrated database of its own', async () => {
  const result = await rows<{ n: number }>(db, sql`select count(*)::int as n from users`)
  expect(result[0]?.n).toBe(0)
  await db.insert(users).values({ email: 'a@example.com', fullName: 'A', role: 'admin' })
  const after = await db.select().from(users)
  expect(after).toHaveLength(1)
  expect(['postgres', 'pglite']).toContain(engine().kind)
})
