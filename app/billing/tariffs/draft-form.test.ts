import { expect, test } from 'vitest'
import { demoTariffValues } from './demo-values'
import { draftFormDefaults, parseDraftForm } from './draft-form'

test('the edit form round-trips a version, factors typed as percentages', () => {
  const values = demoTariffValues()
  const form = draftFormDefaults(values)
  expect(form['f.estrato_1.acueducto']).toBe('-60')
  expect(parseDraftForm(form, values)).toEqual({ ok: true, values })
})

test('Colombian decimal commas are accepted; bad values are named', () => {
  const values = demoTariffValues()
  const form = { ...draftFormDefaults(values), 'm.acueducto.fixedCharge': '11000,5', 'f.estrato_6.aseo': 'sesenta', 'w.commercial.fixedCharge': '' }
  expect(parseDraftForm(form, values)).toEqual({
    ok: false,
    errors: [
      'Aseo Comercial (cargo fijo): escriba un valor en pesos como 10450 o 10450,37.',
      'Estrato 6, aseo: escriba el factor en porcentaje, como -60 o 50.',
    ],
  })
  const good = parseDraftForm({ ...draftFormDefaults(values), 'm.acueducto.fixedCharge': '11000,5' }, values)
  expect(good.ok && good.values.meteredRates[0]!.fixedCharge).toBe('11000.50')
})
