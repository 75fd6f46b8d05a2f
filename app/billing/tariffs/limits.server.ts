/**
 * The legal subsidy caps and minimum contributions in force on a date (Ley 142 art. 99.6; Ley 1450/2011 art. 125,
 * extended by later Planes Nacionales de Desarrollo). They change by law, so they are settings (percent strings).
 */
import type { DbOrTx } from '~/db.server'
import { getSettingsSnapshot } from '~/settings/read.server'
import { money } from '../money'
import type { SolidarityLimits } from './validate'

const fraction = (percent: string) => money(percent).dividedBy(100).toString()

export async function solidarityLimits(db: DbOrTx, on: string): Promise<SolidarityLimits> {
  const s = await getSettingsSnapshot(on, db)
  return {
    subsidyCaps: {
      estrato_1: fraction(s['billing.subsidy_cap_e1_percent']),
      estrato_2: fraction(s['billing.subsidy_cap_e2_percent']),
      estrato_3: fraction(s['billing.subsidy_cap_e3_percent']),
    },
    minimumContributions: {
      estrato_5: fraction(s['billing.contribution_min_e5_percent']),
      estrato_6: fraction(s['billing.contribution_min_e6_percent']),
      commercial: fraction(s['billing.contribution_min_commercial_percent']),
      industrial: fraction(s['billing.contribution_min_industrial_percent']),
    },
  }
}
