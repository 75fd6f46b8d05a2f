/**
 * Approval of a draft tariff version by a coordinator who did not enter it (4-eyes; the CHECK constraint
 * tariff_versions_four_eyes_check enforces the same), after validation against the legal caps and minimums.
 * Earlier approved versions of the area become superseded; they stay in force for their own dates.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { tariffVersions } from '../../../db/schema/tariffs'
import { solidarityLimits } from './limits.server'
import { loadVersionValues } from './queries.server'
import { validateTariffVersion } from './validate'

export type ApproveError = DomainError<
  'billing/tariff_not_found' | 'billing/tariff_not_draft' | 'billing/four_eyes' | 'billing/tariff_invalid' | 'billing/tariff_not_later'
>

export type ApproveInput = {
  versionId: string
  approvedBy: string
  approvalAct: string
  now?: Date
  requestId?: string | null
  ip?: string | null
}

export async function approveTariffVersion(db: Db, input: ApproveInput): Promise<Result<{ versionId: string }, ApproveError>> {
  const approvalAct = input.approvalAct.trim()
  const now = input.now ?? new Date()
  return db.transaction(async (tx) => {
    const [version] = await tx.select().from(tariffVersions).where(eq(tariffVersions.id, input.versionId)).for('update')
    if (!version) return fail(new DomainError('billing/tariff_not_found', 'La versión de tarifas no existe.'))
    if (version.status !== 'draft') {
      return fail(new DomainError('billing/tariff_not_draft', 'Esta versión ya fue aprobada; las versiones aprobadas no se modifican.'))
    }
    if (version.enteredBy === input.approvedBy) {
      return fail(
        new DomainError('billing/four_eyes', 'Quien registró la versión no puede aprobarla: debe aprobarla otro coordinador.'),
      )
    }
    const errors: string[] = []
    if (!approvalAct) errors.push('Indique el acto que aprueba la tarifa (por ejemplo, «Acuerdo Concejo 012 de 2026»).')
    const [later] = await tx
      .select({ effectiveFrom: tariffVersions.effectiveFrom })
      .from(tariffVersions)
      .where(
        and(
          eq(tariffVersions.serviceAreaId, version.serviceAreaId),
          inArray(tariffVersions.status, ['approved', 'superseded']),
          sql`${tariffVersions.effectiveFrom} >= ${version.effectiveFrom}`,
        ),
      )
      .limit(1)
    if (later) {
      return fail(
        new DomainError(
          'billing/tariff_not_later',
          `Ya hay una versión aprobada vigente desde el ${formatDate(later.effectiveFrom)}; la nueva debe regir desde una fecha posterior.`,
        ),
      )
    }
    const limits = await solidarityLimits(tx, version.effectiveFrom)
    errors.push(...validateTariffVersion(await loadVersionValues(tx, version.id), limits))
    if (errors.length > 0) {
      return fail(new DomainError('billing/tariff_invalid', `No se puede aprobar la versión: ${errors.join(' ')}`))
    }
    await tx
      .update(tariffVersions)
      .set({ status: 'superseded' })
      .where(
        and(
          eq(tariffVersions.serviceAreaId, version.serviceAreaId),
          eq(tariffVersions.status, 'approved'),
          lt(tariffVersions.effectiveFrom, version.effectiveFrom),
        ),
      )
    await tx
      .update(tariffVersions)
      .set({ status: 'approved', approvedBy: input.approvedBy, approvedAt: now, approvalAct })
      .where(and(eq(tariffVersions.id, version.id), eq(tariffVersions.status, 'draft')))
    await recordTrail(tx, {
      entityType: 'tariff_version',
      entityId: version.id,
      action: 'tariff.approved',
      actor: { kind: 'user', userId: input.approvedBy },
      summary: { before: { status: 'draft' }, after: { status: 'approved', approvalAct, effectiveFrom: version.effectiveFrom } },
      requestId: input.requestId,
      ip: input.ip,
      occurredAt: now,
    })
    return ok({ versionId: version.id })
  })
}
