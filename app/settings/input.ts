/** Between the admin form and the catalogue: reading what a person types, and showing a value (client-safe). */
import { settingDefinition, type SettingKey } from './catalog'

/** A value as a person reads it (the admin page and the trail use it). */
export function describeSettingValue(key: SettingKey, value: unknown): string {
  const { kind } = settingDefinition(key)
  if (kind === 'boolean') return value ? 'Sí' : 'No'
  if (kind === 'percent') return `${String(value).replace('.', ',')} %`
  if (kind === 'time_window') {
    const w = value as { from: string; to: string }
    return `${w.from} a ${w.to}`
  }
  if (kind === 'business_days') return `${String(value)} días hábiles`
  if (kind === 'days') return `${String(value)} días`
  if (kind === 'hours') return `${String(value)} horas`
  if (kind === 'amount') return `$ ${String(value)}`
  return String(value)
}

/**
 * Turns what a person types in the admin form into the value the catalogue schema checks: whole numbers for day and
 * hour counts, decimal strings with a point for percentages and amounts (a Colombian "1,25" becomes "1.25"; "85.400"
 * with dot grouping becomes "85400"), sí/no for booleans, "07:00-19:00" for time windows. Unparseable text is passed
 * through unchanged so the schema gives its own message.
 */
export function parseSettingInput(key: SettingKey, raw: string): unknown {
  const text = raw.trim()
  const { kind } = settingDefinition(key)
  switch (kind) {
    case 'days':
    case 'business_days':
    case 'hours':
    case 'integer':
      return /^\d+$/.test(text) ? Number(text) : text
    case 'percent':
      return text.replace(/\s*%$/, '').replace(',', '.')
    case 'amount': {
      const plain = text.replace(/^\$\s*/, '')
      return /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(plain)
        ? plain.replace(/\./g, '').replace(',', '.')
        : plain.replace(',', '.')
    }
    case 'boolean': {
      const lower = text.toLowerCase()
      if (['sí', 'si', 'true', '1'].includes(lower)) return true
      if (['no', 'false', '0'].includes(lower)) return false
      return text
    }
    case 'time_window': {
      const match = /^(\d{2}:\d{2})\s*(?:-|a|–)\s*(\d{2}:\d{2})$/.exec(text)
      return match ? { from: match[1], to: match[2] } : text
    }
    default:
      return text
  }
}
