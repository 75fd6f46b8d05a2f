import { describe, expect, test } from 'vitest'
import { demoTariffValues } from './demo-values'
import { LEGAL_LIMITS_2026, validateTariffVersion } from './validate'

const withFactor = (category: string, factor: string) => {
  const v = demoTariffValues()
  for (const f of v.factors) if (f.category === category && f.service === 'acueducto') f.factor = factor
  return v
}

describe('solidarity factors against the legal caps and minimums (Ley 142 art. 99.6; Ley 1450/2011 art. 125)', () => {
  test('the demo values are valid', () => {
    expect(validateTariffVersion(demoTariffValues(), LEGAL_LIMITS_2026)).toEqual([])
  })
  test.each([
    ['estrato_1', '-0.7000', null],
    ['estrato_1', '-0.7001', 'Estrato 1, acueducto: el subsidio de 70,01 % supera el tope legal de 70 %.'],
    ['estrato_2', '-0.4000', null],
    ['estrato_2', '-0.4100', 'Estrato 2, acueducto: el subsidio de 41 % supera el tope legal de 40 %.'],
    ['estrato_3', '-0.1500', null],
    ['estrato_3', '-0.1600', 'Estrato 3, acueducto: el subsidio de 16 % supera el tope legal de 15 %.'],
    ['estrato_3', '0.0500', 'Estrato 3, acueducto: es un aporte de 5 %; el Estrato 3 solo admite subsidio.'],
    ['estrato_4', '0.0000', null],
    ['estrato_4', '-0.0100', 'Estrato 4, acueducto: debe ser 0 % (el estrato 4 no recibe subsidio ni paga aporte), y es -1 %.'],
    ['estrato_5', '0.5000', null],
    ['estrato_5', '0.4999', 'Estrato 5, acueducto: el aporte de 49,99 % es inferior al mínimo legal de 50 %.'],
    ['estrato_6', '0.6000', null],
    ['estrato_6', '0.5000', 'Estrato 6, acueducto: el aporte de 50 % es inferior al mínimo legal de 60 %.'],
    ['commercial', '0.4900', 'Comercial, acueducto: el aporte de 49 % es inferior al mínimo legal de 50 %.'],
    ['industrial', '0.3000', null],
    ['industrial', '0.2000', 'Industrial, acueducto: el aporte de 20 % es inferior al mínimo legal de 30 %.'],
    ['official', '0.1000', null],
    ['official', '-0.1000', 'Oficial, acueducto: un usuario oficial no recibe subsidio (-10 %).'],
  ])('%s at %s', (category, factor, message) => {
    expect(validateTariffVersion(withFactor(category, factor), LEGAL_LIMITS_2026)).toEqual(message ? [message] : [])
  })
})

test('missing rates, factors and a zero price are all reported', () => {
  const v = demoTariffValues()
  v.meteredRates = v.meteredRates.filter((r) => r.service === 'acueducto')
  v.meteredRates[0]!.basicPrice = '0'
  v.factors = v.factors.filter((f) => !(f.category === 'special' && f.service === 'aseo'))
  expect(validateTariffVersion(v, LEGAL_LIMITS_2026)).toEqual([
    'Acueducto: el precio del consumo básico debe ser mayor que cero (es 0).',
    'Falta la tarifa de Alcantarillado.',
    'Especial, aseo: falta el factor de subsidio o aporte.',
  ])
})
