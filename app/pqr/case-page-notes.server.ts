/** Notes on the case timeline: internal ones (staff only) or visible to the filer, with who and when. */
import { eq } from 'drizzle-orm'
import { db as defaultDb, type Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { pqrCases } from '../../db/schema/pqr'
import { recordCaseEvent } from './events.server'

export async function addCaseNote(
  input: { caseId: string; body: string; internal: boolean; actor: { id: string }; now?: Date },
  db: Db = defaultDb,
): Promise<Result<{ eventId: string }>> {
  const body = input.body.trim()
  if (body.length < 3) return fail(new DomainError('pqr/empty_note', 'Escriba la nota.'))
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ id: pqrCases.id }).from(pqrCases).where(eq(pqrCases.id, input.caseId))
    if (!c) return fail(new DomainError('pqr/not_found', 'No encontramos el caso.'))
    const actor = { kind: 'user' as const, userId: input.actor.id }
    const { eventId } = await recordCaseEvent(tx, {
      caseId: c.id,
      kind: 'note',
      body,
      internal: input.internal,
      actor,
      occurredAt: input.now,
    })
    await recordTrail(tx, {
      entityType: 'pqr_case',
      entityId: c.id,
      action: 'pqr.note',
      actor,
      summary: { eventId, internal: input.internal },
    })
    return ok({ eventId })
  })
}
