/**
 * Realistic tariff values for demo data and tests: COP amounts of a mid-size Colombian municipality and solidarity
 * factors at common municipal values within the legal limits (../shared/domain/formats.md §6.4).
 */
import { money } from '../money'
import { CATEGORY_CODES, type CategoryCode } from './categories'
import { SERVICES } from './types'
import type { VersionToValidate } from './validate'

const FACTORS: Record<CategoryCode, string> = {
  estrato_1: '-0.6000',
  estrato_2: '-0.3500',
  estrato_3: '-0.1200',
  estrato_4: '0.0000',
  estrato_5: '0.5000',
  estrato_6: '0.6000',
  commercial: '0.5000',
  industrial: '0.3000',
  official: '0.0000',
  special: '0.0000',
}

/** Aseo fixed + variable per subscriber-month; non-residential producers generate more tonnage. */
const WASTE: Record<CategoryCode, [string, string]> = {
  estrato_1: ['9800', '7400'],
  estrato_2: ['9800', '8100'],
  estrato_3: ['9800', '8900'],
  estrato_4: ['9800', '9600'],
  estrato_5: ['9800', '10900'],
  estrato_6: ['9800', '12300'],
  commercial: ['11200', '13800'],
  industrial: ['11200', '15400'],
  official: ['9800', '9600'],
  special: ['9800', '9600'],
}

/** `scale` multiplies every amount (e.g. '1.045' for a mid-year update by the IPC), rounded to the centavo. */
export function demoTariffValues(scale = '1', approvalAct = 'Resolución de Gerencia 004 de 2025'): VersionToValidate {
  const amount = (v: string) => money(v).times(scale).toDecimalPlaces(2).toFixed(2)
  return {
    meteredRates: [
      { service: 'acueducto', fixedCharge: amount('10450.37'), basicPrice: amount('2874.12'), complementaryPrice: amount('2874.12'), luxuryPrice: amount('3448.94') },
      { service: 'alcantarillado', fixedCharge: amount('7235.80'), basicPrice: amount('2315.66'), complementaryPrice: amount('2315.66'), luxuryPrice: amount('2778.79') },
    ],
    wasteCharges: CATEGORY_CODES.map((category) => ({
      category,
      fixedCharge: amount(WASTE[category][0]),
      variableCharge: amount(WASTE[category][1]),
    })),
    factors: CATEGORY_CODES.flatMap((category) => SERVICES.map((service) => ({ category, service, factor: FACTORS[category] }))),
    otherCharges: [
      { code: 'reconexion', label: 'Reconexión del servicio', amount: amount('38500'), approvalAct },
      { code: 'reinstalacion', label: 'Reinstalación del servicio', amount: amount('86200'), approvalAct },
      { code: 'visita_tecnica', label: 'Visita técnica a solicitud del usuario', amount: amount('21400'), approvalAct },
      { code: 'duplicado_factura', label: 'Duplicado de factura', amount: amount('3200'), approvalAct },
    ],
  }
}
