/** Small pure readers over a `TariffSchedule`, shared by the catalogue pages and the liquidation engine. */
import type { TariffCategory, TariffSchedule, WasteServiceRate } from './types'

function sameCategory(a: TariffCategory, b: TariffCategory): boolean {
  if (a.useClass !== b.useClass) return false
  return a.useClass !== 'residential' || (b.useClass === 'residential' && a.estrato === b.estrato)
}

/** The aseo charge for a category: its own entry when the version has one, else the reference entry in `rates`. */
export function wasteRateFor(schedule: TariffSchedule, category: TariffCategory): WasteServiceRate | undefined {
  const own = schedule.wasteRates?.find((r) => sameCategory(r.category, category))
  if (own) return { service: 'aseo', fixedCharge: own.fixedCharge, variableCharge: own.variableCharge }
  return schedule.rates.find((r): r is WasteServiceRate => r.service === 'aseo')
}
