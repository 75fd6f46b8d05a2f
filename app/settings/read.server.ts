/**
 * Reads settings as they stand on a date: the row with the latest effective_from on or before that date, else the
 * catalogue default. Dates are Bogotá calendar dates (IsoDate).
 */
import { and, asc, desc, eq, lte } from 'drizzle-orm'
import { db as defaultDb, type DbOrTx } from '~/db.server'
import { todayInBogota, type IsoDate } from '~/utils/format'
import { settings } from '../../db/schema/system'
import { SETTING_KEYS, settingDefinition, type SettingKey, type SettingValue } from './catalog'

type ReadOptions = { on?: IsoDate; db?: DbOrTx; now?: Date }

export async function getSetting<K extends SettingKey>(key: K, opts: ReadOptions = {}): Promise<SettingValue<K>> {
  const on = opts.on ?? todayInBogota(opts.now)
  const [row] = await (opts.db ?? defaultDb)
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, key), lte(settings.effectiveFrom, on)))
    .orderBy(desc(settings.effectiveFrom))
    .limit(1)
  return (row ? row.value : settingDefinition(key).default) as SettingValue<K>
}

export type SettingsSnapshot = { [K in SettingKey]: SettingValue<K> }

/** Every setting in force on `on`, in one query. */
export async function getSettingsSnapshot(on?: IsoDate, dbOrTx: DbOrTx = defaultDb): Promise<SettingsSnapshot> {
  const date = on ?? todayInBogota()
  const found = await dbOrTx
    .selectDistinctOn([settings.key], { key: settings.key, value: settings.value })
    .from(settings)
    .where(lte(settings.effectiveFrom, date))
    .orderBy(settings.key, desc(settings.effectiveFrom))
  const byKey = new Map(found.map((r) => [r.key, r.value]))
  const snapshot: Record<string, unknown> = {}
  for (const key of SETTING_KEYS) snapshot[key] = byKey.has(key) ? byKey.get(key) : settingDefinition(key).default
  return snapshot as SettingsSnapshot
}

export type SettingVersion = {
  key: string
  value: unknown
  effectiveFrom: IsoDate
  note: string
  createdBy: string | null
  createdAt: Date
}

/** Every stored version, oldest first per key (the admin page splits them into past, current and scheduled). */
export async function listSettingVersions(dbOrTx: DbOrTx = defaultDb): Promise<SettingVersion[]> {
  return dbOrTx
    .select({
      key: settings.key,
      value: settings.value,
      effectiveFrom: settings.effectiveFrom,
      note: settings.note,
      createdBy: settings.createdBy,
      createdAt: settings.createdAt,
    })
    .from(settings)
    .orderBy(asc(settings.key), asc(settings.effectiveFrom))
}
