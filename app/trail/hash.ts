/** The hash of one trail entry: sha256(prev_hash + canonical JSON of the entry), hex. Shared by writer and verifier. */
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json'

export type HashedFields = {
  entityType: string
  entityId: string
  seq: number
  /** ISO 8601 in UTC with milliseconds, e.g. 2026-03-01T14:00:00.000Z */
  occurredAt: string
  actorKind: 'user' | 'job' | 'system'
  actorUserId: string | null
  actorJobId: string | null
  actorLabel: string | null
  action: string
  summary: unknown
  requestId: string | null
  ip: string | null
}

export function hashEntry(prevHash: string | null, fields: HashedFields): string {
  return createHash('sha256')
    .update((prevHash ?? '') + canonicalJson(fields))
    .digest('hex')
}
