/**
 * Writes one audit-trail entry inside the caller's transaction, so the change and its record commit together.
 * Each entity (entity_type, entity_id) is its own hash chain. The head row of that chain is upserted first: its row
 * lock serialises concurrent writers of the same entity until their transactions end, while writers of other
 * entities never wait.
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { auditTrail } from '../../db/schema/system'
import { hashEntry, type HashedFields } from './hash'
import { jsonb } from './jsonb'

export type TrailActor =
  | { kind: 'user'; userId: string; label?: string }
  | { kind: 'job'; jobId: string; label?: string }
  | { kind: 'system'; label: string }

export type TrailInput = {
  entityType: string
  entityId: string
  action: string
  actor: TrailActor
  /** Usually `{ before, after }`; stored as jsonb. Keep PII out of it where the entity id already identifies it. */
  summary?: Record<string, unknown>
  requestId?: string | null
  ip?: string | null
  occurredAt?: Date
}

export type RecordedTrail = { id: number; seq: number; hash: string }

/** Call it with the transaction that makes the change (a bare `db` would let a failed insert leave a seq gap). */
export async function recordTrail(tx: DbOrTx, input: TrailInput): Promise<RecordedTrail> {
  const head = await rows<{ seq: number; hash: string | null }>(
    tx,
    sql`insert into audit_trail_heads (entity_type, entity_id, seq, hash)
        values (${input.entityType}, ${input.entityId}, 1, null)
        on conflict (entity_type, entity_id) do update set seq = audit_trail_heads.seq + 1
        returning seq, hash`,
  )
  const { seq, hash: prevHash } = head[0]!
  const fields: HashedFields = {
    entityType: input.entityType,
    entityId: input.entityId,
    seq: Number(seq),
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    actorKind: input.actor.kind,
    actorUserId: input.actor.kind === 'user' ? input.actor.userId : null,
    actorJobId: input.actor.kind === 'job' ? input.actor.jobId : null,
    actorLabel: input.actor.label ?? null,
    action: input.action,
    // What jsonb will give back: dates as strings, undefined dropped.
    summary: JSON.parse(JSON.stringify(input.summary ?? {})),
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
  }
  const hash = hashEntry(prevHash, fields)
  const [row] = await tx
    .insert(auditTrail)
    .values({
      ...fields,
      summary: jsonb(fields.summary),
      occurredAt: new Date(fields.occurredAt),
      prevHash,
      hash,
    })
    .returning({ id: auditTrail.id })
  await tx.execute(
    sql`update audit_trail_heads set hash = ${hash}
        where entity_type = ${input.entityType} and entity_id = ${input.entityId}`,
  )
  return { id: row!.id, seq: fields.seq, hash }
}
