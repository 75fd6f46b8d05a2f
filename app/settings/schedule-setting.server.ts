/**
 * Schedules a new value for a setting from a date on. A change never rewrites history: the date may not be in the
 * past, and a value already in force (effective today or earlier) is never replaced; a value scheduled for a future
 * date may be replaced before it starts. The audit trail is written in the caller's transaction.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { jsonb } from '~/trail/jsonb'
import { recordTrail } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { todayInBogota, type IsoDate } from '~/utils/format'
import { settings } from '../../db/schema/system'
import { isSettingKey, settingDefinition, type SettingKey } from './catalog'
import { getSetting } from './read.server'

export type SettingsErrorCode = 'settings/unknown_key' | 'settings/invalid_value' | 'settings/past_date'

export type ScheduleSettingInput = {
  key: string
  value: unknown
  effectiveFrom: IsoDate
  note: string
  actorUserId: string
  requestId?: string | null
  ip?: string | null
  now?: Date
}

export async function scheduleSetting(
  tx: DbOrTx,
  input: ScheduleSettingInput,
): Promise<
  Result<{ key: SettingKey; value: unknown; effectiveFrom: IsoDate }, DomainError<SettingsErrorCode>>
> {
  if (!isSettingKey(input.key)) return fail(new DomainError('settings/unknown_key', 'Ese ajuste no existe.'))
  const key = input.key
  const parsed = settingDefinition(key).schema.safeParse(input.value)
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'El valor no es válido.'
    return fail(new DomainError('settings/invalid_value', message))
  }
  const today = todayInBogota(input.now)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveFrom) || input.effectiveFrom < today) {
    return fail(new DomainError('settings/past_date', 'La fecha de vigencia no puede ser anterior a hoy.'))
  }
  const before = await getSetting(key, { on: input.effectiveFrom, db: tx })
  const replacesScheduled = input.effectiveFrom > today
  const inserted = await tx
    .insert(settings)
    .values({
      key,
      value: jsonb(parsed.data),
      effectiveFrom: input.effectiveFrom,
      note: input.note,
      createdBy: input.actorUserId,
    })
    .onConflictDoUpdate({
      target: [settings.key, settings.effectiveFrom],
      set: {
        value: jsonb(parsed.data),
        note: input.note,
        createdBy: input.actorUserId,
        createdAt: sql`now()`,
      },
      // Only a value that has not started yet may be replaced.
      setWhere: replacesScheduled ? sql`true` : sql`false`,
    })
    .returning({ id: settings.id })
  if (inserted.length === 0) {
    return fail(
      new DomainError(
        'settings/past_date',
        'Ya hay un valor vigente desde esa fecha; programe el cambio para mañana o después.',
      ),
    )
  }
  await recordTrail(tx, {
    entityType: 'setting',
    entityId: key,
    action: 'setting.scheduled',
    actor: { kind: 'user', userId: input.actorUserId },
    summary: { before, after: parsed.data, effectiveFrom: input.effectiveFrom, note: input.note },
    requestId: input.requestId,
    ip: input.ip,
  })
  return ok({ key, value: parsed.data, effectiveFrom: input.effectiveFrom })
}
