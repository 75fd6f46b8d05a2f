/**
 * The staff trail browser: one entity's chain, newest last, with its hashes re-checked (the same rule as
 * app/trail/verify.server.ts, restricted to one chain so the page stays fast).
 */
import { sql } from 'drizzle-orm'
import { db, rows } from '~/db.server'
import { hashEntry, type HashedFields } from '~/trail/hash'

export type TrailViewEntry = {
  seq: number
  occurredAt: string
  actorKind: string
  actorName: string | null
  actorLabel: string | null
  action: string
  summary: unknown
  ip: string | null
  isIntact: boolean
}

type Row = Omit<HashedFields, 'seq'> & { seq: number; prevHash: string | null; hash: string; actorName: string | null }

export async function readEntityTrail(entityType: string, entityId: string): Promise<{ entries: TrailViewEntry[]; isChainIntact: boolean }> {
  const found = await rows<Row>(
    db,
    sql`select a.entity_type as "entityType", a.entity_id as "entityId", a.seq,
               to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
               a.actor_kind as "actorKind", a.actor_user_id as "actorUserId", a.actor_job_id as "actorJobId",
               a.actor_label as "actorLabel", a.action, a.summary, a.request_id as "requestId", a.ip,
               a.prev_hash as "prevHash", a.hash, u.full_name as "actorName"
          from audit_trail a
          left join users u on u.id = a.actor_user_id
         where a.entity_type = ${entityType} and a.entity_id = ${entityId}
         order by a.seq
         limit 1000`,
  )
  const [head] = await rows<{ seq: number; hash: string | null }>(
    db,
    sql`select seq, hash from audit_trail_heads where entity_type = ${entityType} and entity_id = ${entityId}`,
  )
  let prevHash: string | null = null
  let isChainIntact = true
  const entries = found.map((row, i) => {
    const summary = typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary
    const fields: HashedFields = {
      entityType: row.entityType,
      entityId: row.entityId,
      seq: Number(row.seq),
      occurredAt: row.occurredAt,
      actorKind: row.actorKind,
      actorUserId: row.actorUserId,
      actorJobId: row.actorJobId,
      actorLabel: row.actorLabel,
      action: row.action,
      summary,
      requestId: row.requestId,
      ip: row.ip,
    }
    const isIntact = Number(row.seq) === i + 1 && row.prevHash === prevHash && hashEntry(row.prevHash, fields) === row.hash
    if (!isIntact) isChainIntact = false
    prevHash = row.hash
    return {
      seq: Number(row.seq),
      occurredAt: row.occurredAt,
      actorKind: row.actorKind,
      actorName: row.actorName,
      actorLabel: row.actorLabel,
      action: row.action,
      summary,
      ip: row.ip,
      isIntact,
    }
  })
  if (head && (Number(head.seq) !== found.length || head.hash !== prevHash)) isChainIntact = false
  return { entries, isChainIntact }
}

/** The most recently touched chains, to start browsing from. */
export async function listRecentEntities(limit = 30): Promise<{ entityType: string; entityId: string; lastAt: string }[]> {
  return rows(
    db,
    sql`select entity_type as "entityType", entity_id as "entityId",
               to_char(max(occurred_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastAt"
          from audit_trail
         group by entity_type, entity_id
         order by max(occurred_at) desc
         limit ${limit}`,
  )
}
