import { expect, test } from 'vitest'
import { compareTariffValues } from './compare'
import { demoTariffValues } from './demo-values'

test('comparing a version with its IPC update marks every amount as changed by the same percent, factors unchanged', () => {
  const rows = compareTariffValues(demoTariffValues('1'), demoTariffValues('1.052'))
  const fixed = rows.find((r) => r.group === 'Acueducto' && r.label === 'Cargo fijo')!
  expect(fixed).toEqual({ group: 'Acueducto', label: 'Cargo fijo', left: '10450.37', right: '10993.79', isDifferent: true, changePercent: '5.20' })
  const factor = rows.find((r) => r.label === 'Estrato 1, acueducto')!
  expect(factor).toMatchObject({ left: '-0.6000', right: '-0.6000', isDifferent: false, changePercent: null })
  expect(rows.filter((r) => r.group === 'Factores de subsidio y aporte').every((r) => !r.isDifferent)).toBe(true)
})

test('a value present on one side only is a difference', () => {
  const left = demoTariffValues()
  const right = { ...demoTariffValues(), otherCharges: [] }
  const rows = compareTariffValues(left, right)
  expect(rows.find((r) => r.label === 'Reconexión del servicio')).toMatchObject({ left: '38500.00', right: null, isDifferent: true })
})
