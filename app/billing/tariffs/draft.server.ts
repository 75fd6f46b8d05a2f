/**
 * Drafts of tariff versions: created (copying the area's latest version unless values are given) and edited until
 * approved. The database refuses changes to approved versions (db/migrations/0002_030-tariffs-immutable.sql); the checks
 * here give the person a clear message first.
 */
import { and, eq } from 'drizzle-orm'
import type { Db, Tx } from '~/db.server'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import {
  tariffMeteredRates,
  tariffOtherCharges,
  tariffSolidarityFactors,
  tariffVersions,
  tariffWasteCharges,
} from '../../../db/schema/tariffs'
import { latestVersionId, loadVersionValues } from './queries.server'
import type { VersionToValidate } from './validate'

export type DraftError = DomainError<'billing/tariff_not_found' | 'billing/tariff_not_draft'>

type Audit = { requestId?: string | null; ip?: string | null; now?: Date }

export type CreateDraftInput = Audit & {
  serviceAreaId: string
  effectiveFrom: string
  enteredBy: string
  notes?: string | null
  /** Without values the draft copies the area's latest version (or starts empty when there is none). */
  values?: VersionToValidate
}

async function writeValues(tx: Tx, versionId: string, values: VersionToValidate): Promise<void> {
  if (values.meteredRates.length > 0) {
    await tx.insert(tariffMeteredRates).values(values.meteredRates.map((r) => ({ ...r, versionId })))
  }
  if (values.wasteCharges.length > 0) {
    await tx.insert(tariffWasteCharges).values(values.wasteCharges.map((w) => ({ ...w, versionId })))
  }
  if (values.factors.length > 0) {
    await tx.insert(tariffSolidarityFactors).values(values.factors.map((f) => ({ ...f, versionId })))
  }
  if (values.otherCharges.length > 0) {
    await tx.insert(tariffOtherCharges).values(values.otherCharges.map((o) => ({ ...o, versionId })))
  }
}

const EMPTY: VersionToValidate = { meteredRates: [], wasteCharges: [], factors: [], otherCharges: [] }

export async function createTariffDraft(db: Db, input: CreateDraftInput): Promise<{ versionId: string }> {
  return db.transaction(async (tx) => {
    const sourceId = input.values ? null : await latestVersionId(tx, input.serviceAreaId)
    const values = input.values ?? (sourceId ? await loadVersionValues(tx, sourceId) : EMPTY)
    const [row] = await tx
      .insert(tariffVersions)
      .values({
        serviceAreaId: input.serviceAreaId,
        effectiveFrom: input.effectiveFrom,
        enteredBy: input.enteredBy,
        notes: input.notes ?? null,
        createdAt: input.now,
      })
      .returning({ id: tariffVersions.id })
    const versionId = row!.id
    await writeValues(tx, versionId, values)
    await recordTrail(tx, {
      entityType: 'tariff_version',
      entityId: versionId,
      action: 'tariff.draft_created',
      actor: { kind: 'user', userId: input.enteredBy },
      summary: { after: { effectiveFrom: input.effectiveFrom, copiedFrom: sourceId } },
      requestId: input.requestId,
      ip: input.ip,
      occurredAt: input.now,
    })
    return { versionId }
  })
}

export type UpdateDraftInput = Audit & {
  versionId: string
  by: string
  effectiveFrom: string
  notes?: string | null
  values: VersionToValidate
}

/** Replaces a draft's values; refused once the version is approved. */
export async function updateTariffDraft(db: Db, input: UpdateDraftInput): Promise<Result<{ versionId: string }, DraftError>> {
  return db.transaction(async (tx) => {
    const [version] = await tx.select().from(tariffVersions).where(eq(tariffVersions.id, input.versionId)).for('update')
    if (!version) return fail(new DomainError('billing/tariff_not_found', 'La versión de tarifas no existe.'))
    if (version.status !== 'draft') {
      return fail(new DomainError('billing/tariff_not_draft', 'Esta versión ya fue aprobada; las versiones aprobadas no se modifican.'))
    }
    const before = await loadVersionValues(tx, version.id)
    for (const table of [tariffMeteredRates, tariffWasteCharges, tariffSolidarityFactors, tariffOtherCharges]) {
      await tx.delete(table).where(eq(table.versionId, version.id))
    }
    await writeValues(tx, version.id, input.values)
    await tx
      .update(tariffVersions)
      .set({ effectiveFrom: input.effectiveFrom, notes: input.notes ?? null })
      .where(and(eq(tariffVersions.id, version.id), eq(tariffVersions.status, 'draft')))
    await recordTrail(tx, {
      entityType: 'tariff_version',
      entityId: version.id,
      action: 'tariff.draft_updated',
      actor: { kind: 'user', userId: input.by },
      summary: { before: { effectiveFrom: version.effectiveFrom, values: before }, after: { effectiveFrom: input.effectiveFrom, values: input.values } },
      requestId: input.requestId,
      ip: input.ip,
      occurredAt: input.now,
    })
    return ok({ versionId: version.id })
  })
}
