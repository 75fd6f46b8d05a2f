/**
 * New versions of decision templates. A version is never edited: drafting uses the latest version of each code and a
 * decision keeps the version it was drafted from (its template_id), so what was issued can always be reproduced.
 */
import { eq, max } from 'drizzle-orm'
import { db as defaultDb, type Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { pqrDecisionTemplates, type DecisionType } from '../../db/schema/pqr'
import { unknownPlaceholders } from './decision-template'

export type TemplateVersionInput = {
  code: string
  decisionType: DecisionType
  title: string
  body: string
  legalGrounds: string
  actor: { id: string }
}

export async function addTemplateVersion(
  input: TemplateVersionInput,
  db: Db = defaultDb,
): Promise<Result<{ id: string; version: number }>> {
  const unknown = unknownPlaceholders(`${input.title}\n${input.body}\n${input.legalGrounds}`)
  if (unknown.length)
    return fail(
      new DomainError(
        'pqr/template_placeholders',
        `Marcadores desconocidos: ${unknown.map((n) => `{{${n}}}`).join(', ')}.`,
      ),
    )
  return db.transaction(async (tx) => {
    // Serialise versions of one code (the unique index would reject a concurrent duplicate anyway).
    const [current] = await tx
      .select({ v: max(pqrDecisionTemplates.version) })
      .from(pqrDecisionTemplates)
      .where(eq(pqrDecisionTemplates.code, input.code))
    const version = (current?.v ?? 0) + 1
    const [row] = await tx
      .insert(pqrDecisionTemplates)
      .values({
        code: input.code,
        version,
        decisionType: input.decisionType,
        title: input.title,
        body: input.body,
        legalGrounds: input.legalGrounds,
        createdBy: input.actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: pqrDecisionTemplates.id })
    if (!row)
      return fail(
        new DomainError(
          'pqr/template_version_taken',
          'Otra persona guardó una versión de esta plantilla al mismo tiempo. Intente de nuevo.',
        ),
      )
    await recordTrail(tx, {
      entityType: 'pqr_decision_template',
      entityId: row.id,
      action: 'pqr.template_version_added',
      actor: { kind: 'user', userId: input.actor.id },
      summary: { code: input.code, version, decisionType: input.decisionType },
    })
    return ok({ id: row.id, version })
  })
}
