/**
 * Reads settings as they stand on a date: the row with the latest effective_from on or before that date, else the
 * catalogue default. Dates are Bogotá calendar dates (IsoDate).
 */
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm'
import { db as defaultDb, type DbOrTx } from '~/db.server'
import { todayInBogota, type IsoDate } from '~/utils/format'
import { settings } from '../../db/schema/system'
import { SETTING_KEYS, settingDefinition, type SettingKey, type SettingValue } from './catalog'

// Read as text and parsed here: drizzle's jsonb decoder re-parses a top-level JSON string ("1.25" → 1.25).
const valueText = sql<string>`${settings.value}::text`

type ReadOptions = { on?: IsoDate; db?: DbOrTx; now?: Date }

export async function getSetting<K extends SettingKey>(
  key: K,
  opts: ReadOptions = {},
): Promise<SettingValue<K>> {
  const on = opts.on ?? todayInBogota(opts.now)
  const [row] = await (opts.db ?? defaultDb)
    .select({ value: valueText })
    .from(settings)
    .where(and(eq(settings.key, key), lte(settings.effectiveFrom, on)))
    .orderBy(desc(settings.effectiveFrom))
    .limit(1)
  return (row ? JSON.parse(row.value) : settingDefinition(key).default) as SettingValue<K>
}

export type SettingsSnapshot = { [K in SettingKey]: SettingValue<K> }

/** Every setting in force on `on`, in one query. */
export async function getSettingsSnapshot(
  on?: IsoDate,
  dbOrTx: DbOrTx = defaultDb,
): Promise<SettingsSnapshot> {
  const date = on ?? todayInBogota()
  const found = await dbOrTx
    .selectDistinctOn([settings.key], { key: settings.key, value: valueText })
    .from(settings)
    .where(lte(settings.effectiveFrom, date))
    .orderBy(settings.key, desc(settings.effectiveFrom))
  const byKey = new Map(found.map((r) => [r.key, JSON.parse(r.value) as unknown]))
  const snapshot: Record<string, unknown> = {}
  for (const key of SETTING_KEYS)
    snapshot[key] = byKey.has(key) ? byKey.get(key) : settingDefinition(key).default
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
  const found = await dbOrTx
    .select({
      key: settings.key,
      value: valueText,
      effectiveFrom: settings.effectiveFrom,
      note: settings.note,
      createdBy: settings.createdBy,
      createdAt: settings.createdAt,
    })
    .from(settings)
    .orderBy(asc(settings.key), asc(settings.effectiveFrom))
  return found.map((r) => ({ ...r, value: JSON.parse(r.value) as unknown }))
}
