import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, rows } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { users } from '../../db/schema'
import { readEntityTrail } from './trail-view.server'

test('an entity’s trail shows who, when and what, and its chain verifies; a missing tail is detected', async () => {
  const [actor] = await db.insert(users).values({ email: 'auditora@example.com', fullName: 'Aura Auditora', role: 'auditor' }).returning()
  await db.transaction(async (tx) => {
    await recordTrail(tx, { entityType: 'user', entityId: 'u-1', action: 'registration', actor: { kind: 'user', userId: actor!.id } })
    await recordTrail(tx, { entityType: 'user', entityId: 'u-1', action: 'email.verified', actor: { kind: 'system', label: 'Sistema' } })
  })
  const view = await readEntityTrail('user', 'u-1')
  expect(view.isChainIntact).toBe(true)
  expect(view.entries.map((e) => [e.seq, e.action, e.actorName ?? e.actorLabel])).toEqual([
    [1, 'registration', 'Aura Auditora'],
    [2, 'email.verified', 'Sistema'],
  ])
  // The head remembers 2 entries; pretend a third existed (what a deleted tail looks like).
  await rows(db, sql`update audit_trail_heads set seq = 3 where entity_type = 'user' and entity_id = 'u-1'`)
  expect((await readEntityTrail('user', 'u-1')).isChainIntact).toBe(false)
})
