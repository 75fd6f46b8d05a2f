/** The settings admin page's read model: each catalogue key with its value in force and the values scheduled. */
import type { DbOrTx } from '~/db.server'
import type { IsoDate } from '~/utils/format'
import { SETTING_KEYS, settingDefinition, type SettingKind } from './catalog'
import { describeSettingValue } from './input'
import { listSettingVersions } from './read.server'

export type SettingAdminRow = {
  key: string
  label: string
  kind: SettingKind
  source: string
  confirmed: boolean
  current: { display: string; effectiveFrom: IsoDate | null; note: string | null }
  scheduled: Array<{ display: string; effectiveFrom: IsoDate; note: string }>
}

export async function listSettingsForAdmin(dbOrTx: DbOrTx, today: IsoDate): Promise<SettingAdminRow[]> {
  const versions = await listSettingVersions(dbOrTx)
  return SETTING_KEYS.map((key) => {
    const d = settingDefinition(key)
    const own = versions.filter((v) => v.key === key)
    const inForce = own.filter((v) => v.effectiveFrom <= today).at(-1)
    return {
      key,
      label: d.label,
      kind: d.kind,
      source: d.source,
      confirmed: d.confirmed,
      current: inForce
        ? {
            display: describeSettingValue(key, inForce.value),
            effectiveFrom: inForce.effectiveFrom,
            note: inForce.note,
          }
        : { display: describeSettingValue(key, d.default), effectiveFrom: null, note: null },
      scheduled: own
        .filter((v) => v.effectiveFrom > today)
        .map((v) => ({
          display: describeSettingValue(key, v.value),
          effectiveFrom: v.effectiveFrom,
          note: v.note,
        })),
    }
  })
}
