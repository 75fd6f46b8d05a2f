import { describe, expect, test } from 'vitest'
import {
  describeRenderProblem,
  placeholdersIn,
  renderTemplate,
  unknownPlaceholders,
} from './decision-template'

describe('decision templates', () => {
  test('every placeholder is filled, with or without spaces inside the braces', () => {
    const result = renderTemplate(
      'Señor(a) {{nombre}}, sobre el radicado {{ radicado }} del {{fecha_radicacion}}: {{nombre}}.',
      {
        nombre: 'Ana Pérez',
        radicado: '2026-000123',
        fecha_radicacion: '02/03/2026',
      },
    )
    expect(result).toEqual({
      ok: true,
      text: 'Señor(a) Ana Pérez, sobre el radicado 2026-000123 del 02/03/2026: Ana Pérez.',
    })
  })

  test('an unknown placeholder is reported, never printed as braces', () => {
    expect(unknownPlaceholders('Hola {{nombre}} {{nombr}} {{valor}}')).toEqual(['nombr', 'valor'])
    const result = renderTemplate('Hola {{nombr}}', { nombre: 'Ana' })
    expect(result).toEqual({ ok: false, unknown: ['nombr'], missing: [] })
  })

  test('a known placeholder without a value in the case is reported unless allowed empty', () => {
    const result = renderTemplate('Facturas: {{facturas}}. Crédito: {{valor_credito}}', { facturas: '' })
    expect(result).toEqual({ ok: false, unknown: [], missing: ['valor_credito'] })
    if (result.ok) throw new Error('expected a failure')
    expect(describeRenderProblem(result)).toBe(
      'La plantilla no se puede completar (sin dato en el caso: {{valor_credito}}).',
    )
    expect(renderTemplate('Crédito: {{valor_credito}}.', {}, { allowEmpty: ['valor_credito'] })).toEqual({
      ok: true,
      text: 'Crédito: .',
    })
  })

  test('text without placeholders is left as it is, single braces included', () => {
    expect(placeholdersIn('Sin marcadores {ni} llaves simples')).toEqual([])
    expect(renderTemplate('Sin marcadores {ni} llaves', {})).toEqual({
      ok: true,
      text: 'Sin marcadores {ni} llaves',
    })
  })
})
