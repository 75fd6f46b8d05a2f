/**
 * Walks every chain of the audit trail in key order, in batches (keyset pagination on the unique index), and
 * recomputes each hash. Memory stays flat whatever the size of the trail.
 */
import { sql } from 'drizzle-orm'
import { db as defaultDb, rows, type DbOrTx } from '~/db.server'
import { hashEntry, type HashedFields } from './hash'

export type BrokenEntry = {
  entityType: string
  entityId: string
  seq: number | null
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'head_mismatch'
}

export type VerifyReport = { entries: number; chains: number; broken: BrokenEntry[] }

type Row = Omit<HashedFields, 'seq'> & { seq: number; prevHash: string | null; hash: string }

const BATCH = 1000

export async function verifyTrail(
  dbOrTx: DbOrTx = defaultDb,
  opts: { onProgress?: (checked: number) => void; batchSize?: number } = {},
): Promise<VerifyReport> {
  const batchSize = opts.batchSize ?? BATCH
  const broken: BrokenEntry[] = []
  let entries = 0
  let chains = 0
  let chainKey = ''
  let expectedSeq = 1
  let prevHash: string | null = null
  let cursor: { t: string; i: string; s: number } | null = null
  for (;;) {
    const batch: Row[] = await rows<Row>(
      dbOrTx,
      sql`select entity_type as "entityType", entity_id as "entityId", seq,
                 to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
                 actor_kind as "actorKind", actor_user_id as "actorUserId", actor_job_id as "actorJobId",
                 actor_label as "actorLabel", action, summary, request_id as "requestId", ip,
                 prev_hash as "prevHash", hash
          from audit_trail
          ${cursor ? sql`where (entity_type, entity_id, seq) > (${cursor.t}, ${cursor.i}, ${cursor.s})` : sql``}
          order by entity_type, entity_id, seq
          limit ${batchSize}`,
    )
    for (const row of batch) {
      const key = `${row.entityType}\u0000${row.entityId}`
      if (key !== chainKey) {
        chainKey = key
        chains++
        expectedSeq = 1
        prevHash = null
      }
      const seq = Number(row.seq)
      const fail = (reason: BrokenEntry['reason']) =>
        broken.push({ entityType: row.entityType, entityId: row.entityId, seq, reason })
      if (seq !== expectedSeq) fail('seq_gap')
      else if (row.prevHash !== prevHash) fail('prev_hash_mismatch')
      else if (hashEntry(row.prevHash, fieldsOf(row)) !== row.hash) fail('hash_mismatch')
      expectedSeq = seq + 1
      prevHash = row.hash
    }
    entries += batch.length
    opts.onProgress?.(entries)
    const last = batch[batch.length - 1]
    if (!last || batch.length < batchSize) break
    cursor = { t: last.entityType, i: last.entityId, s: Number(last.seq) }
  }
  broken.push(...(await headMismatches(dbOrTx)))
  return { entries, chains, broken }
}

function fieldsOf(row: Row): HashedFields {
  return {
    entityType: row.entityType,
    entityId: row.entityId,
    seq: Number(row.seq),
    occurredAt: row.occurredAt,
    actorKind: row.actorKind,
    actorUserId: row.actorUserId,
    actorJobId: row.actorJobId,
    actorLabel: row.actorLabel,
    action: row.action,
    summary: typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary,
    requestId: row.requestId,
    ip: row.ip,
  }
}

/** A chain whose last entries were removed still ends cleanly; its head row remembers how long it was. */
async function headMismatches(dbOrTx: DbOrTx): Promise<BrokenEntry[]> {
  const found = await rows<{ entityType: string; entityId: string; seq: number | null }>(
    dbOrTx,
    sql`select h.entity_type as "entityType", h.entity_id as "entityId", t.last_seq as seq
        from audit_trail_heads h
        left join lateral (select max(seq) as last_seq, (array_agg(hash order by seq desc))[1] as last_hash
                           from audit_trail a
                           where a.entity_type = h.entity_type and a.entity_id = h.entity_id) t on true
        where t.last_seq is distinct from h.seq or t.last_hash is distinct from h.hash`,
  )
  return found.map((r) => ({
    ...r,
    seq: r.seq === null ? null : Number(r.seq),
    reason: 'head_mismatch' as const,
  }))
}
