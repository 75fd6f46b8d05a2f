import { describe, expect, test } from 'vitest'
import { deliveredLate, parseDeliveryForm } from './delivery-form'

const A = '0193a3c4-0000-7000-8000-000000000001'
const B = '0193a3c4-0000-7000-8000-000000000002'
const opts = { today: '2026-03-10', labelOf: (id: string) => `Factura ${id.slice(-1)}` }

describe('parseDeliveryForm', () => {
  test('keeps rows with a result, skips the rest, trims notes', () => {
    const out = parseDeliveryForm(
      [
        [`resultado.${A}`, 'delivered'],
        [`fecha.${A}`, '2026-03-09'],
        [`nota.${A}`, '  portería '],
        [`resultado.${B}`, ''],
        [`fecha.${B}`, ''],
      ],
      opts,
    )
    expect(out).toEqual({ ok: true, results: [{ invoiceId: A, result: 'delivered', deliveredOn: '2026-03-09', note: 'portería' }] })
  })

  test('a result without a date, a future date or an unknown result is refused with the invoice named', () => {
    const out = parseDeliveryForm(
      [
        [`resultado.${A}`, 'returned'],
        [`fecha.${A}`, ''],
        [`resultado.${B}`, 'delivered'],
        [`fecha.${B}`, '2026-03-11'],
      ],
      opts,
    )
    expect(out).toEqual({ ok: false, errors: ['Factura 1: Escriba la fecha como AAAA-MM-DD.', 'Factura 2: la fecha no puede ser posterior a hoy.'] })
    expect(parseDeliveryForm([[`resultado.${A}`, 'perdida'], [`fecha.${A}`, '2026-03-01']], opts).ok).toBe(false)
  })

  test('an empty form asks for at least one result', () => {
    expect(parseDeliveryForm([], opts)).toEqual({ ok: false, errors: ['Elija el resultado de al menos una factura.'] })
  })
})

test('a delivery less than the minimum days before pago oportuno is late', () => {
  expect(deliveredLate('2026-03-16', '2026-03-21', 5)).toBe(false)
  expect(deliveredLate('2026-03-17', '2026-03-21', 5)).toBe(true)
})
