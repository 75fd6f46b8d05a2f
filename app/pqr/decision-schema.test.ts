import { describe, expect, test } from 'vitest'
import { PesosSchema, TemplateVersionSchema } from './decision-schema'

describe('decision form schemas', () => {
  test('a note amount is read as pesos; empty means no note; zero and text are refused', () => {
    expect(PesosSchema.parse('20.000')).toBe('20000')
    expect(PesosSchema.parse('$ 20.000,50')).toBe('20000.50')
    expect(PesosSchema.parse('')).toBeUndefined()
    expect(PesosSchema.safeParse('0').success).toBe(false)
    expect(PesosSchema.safeParse('veinte').success).toBe(false)
  })

  test('a template version naming an unknown placeholder is refused with its name', () => {
    const base = {
      code: 'nueva_plantilla',
      decisionType: 'accede',
      title: 'Accede',
      body: 'Señor(a) {{nombre}}, sobre {{radicado}}: accede.',
      legalGrounds: 'Ley 142 de 1994.',
    }
    expect(TemplateVersionSchema.safeParse(base).success).toBe(true)
    const bad = TemplateVersionSchema.safeParse({
      ...base,
      body: 'Señor(a) {{nombres}}, sobre {{radicado}}: accede.',
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('Marcadores desconocidos: {{nombres}}.')
  })
})
