import { describe, expect, test } from 'vitest'
import { explainInvoiceChange, type ExplainInvoice, type ExplainLine } from './explain'

const line = (l: Partial<ExplainLine> & Pick<ExplainLine, 'concept' | 'amount'>): ExplainLine => ({
  service: 'acueducto',
  description: `Acueducto: ${l.concept}`,
  unitPrice: null,
  ...l,
})

function invoice(periodLabel: string, billedM3: string | null, lines: ExplainLine[]): ExplainInvoice {
  const total = lines.reduce((s, l) => s + Number(l.amount), 0)
  return { periodLabel, billedM3, currentCharges: `${total}.00`, lines }
}

const base = (m3: string, price = '2500.00', fixed = '9000.00') => [
  line({ concept: 'cargo_fijo', unitPrice: fixed, amount: fixed }),
  line({ concept: 'consumo_basico', unitPrice: price, amount: String(Number(m3) * Number(price)) }),
]

describe('explainInvoiceChange', () => {
  test('a first invoice says there is nothing to compare', () => {
    expect(explainInvoiceChange(invoice('enero 2026', '10', base('10')), null)).toEqual([
      'Esta es la primera factura de su cuenta en el portal: aún no hay un periodo anterior para comparar.',
    ])
  })

  test('consumption up: amount, m³ and percentage', () => {
    const s = explainInvoiceChange(invoice('febrero 2026', '15', base('15')), invoice('enero 2026', '10', base('10')))
    expect(s[0]).toMatch(/^El valor de este periodo es \$\s?12\.500 mayor que el del periodo anterior\.$/)
    expect(s[1]).toBe('Su consumo subió 5 m³ (50 %): pasó de 10 m³ en enero 2026 a 15 m³ en febrero 2026.')
    expect(s).toHaveLength(2)
  })

  test('consumption down', () => {
    const s = explainInvoiceChange(invoice('febrero 2026', '8', base('8')), invoice('enero 2026', '10', base('10')))
    expect(s[0]).toMatch(/menor que el del periodo anterior/)
    expect(s[1]).toBe('Su consumo bajó 2 m³ (20 %): pasó de 10 m³ en enero 2026 a 8 m³ en febrero 2026.')
  })

  test('same consumption and same prices: says so', () => {
    const s = explainInvoiceChange(invoice('febrero 2026', '10', base('10')), invoice('enero 2026', '10', base('10')))
    expect(s).toEqual([
      'El valor de los consumos y cargos de este periodo es igual al del periodo anterior.',
      'Su consumo fue igual al del periodo anterior: 10 m³.',
    ])
  })

  test('a tariff change names the concept, the service and both prices', () => {
    const s = explainInvoiceChange(invoice('julio 2026', '10', base('10', '2600.00', '9500.00')), invoice('junio 2026', '10', base('10')))
    expect(s).toHaveLength(4)
    expect(s[2]).toMatch(/^El cargo fijo de acueducto subió de \$\s?9\.000 a \$\s?9\.500 \(cambio de tarifa\)\.$/)
    expect(s[3]).toMatch(/^El precio del consumo básico de acueducto subió de \$\s?2\.500 a \$\s?2\.600 por m³ \(cambio de tarifa\)\.$/)
  })

  test('one-off charges added and removed are listed; subsidies and rounding are not', () => {
    const previous = invoice('enero 2026', '10', [
      ...base('10'),
      line({ concept: 'subsidio', amount: '-5000', description: 'Acueducto: subsidio 40 %' }),
      line({ service: null, concept: 'interes_mora', amount: '1200', description: 'Intereses de mora (1.5 % mensual)' }),
    ])
    const current = invoice('febrero 2026', '10', [
      ...base('10'),
      line({ concept: 'subsidio', amount: '-5000', description: 'Acueducto: subsidio 40 %' }),
      line({ service: null, concept: 'otro_cobro', amount: '45000', description: 'Reconexión del servicio' }),
      line({ service: null, concept: 'ajuste_decena', amount: '3', description: 'Ajuste a la decena' }),
    ])
    const s = explainInvoiceChange(current, previous)
    expect(s).toContainEqual(expect.stringMatching(/^Nuevo cobro en esta factura: Reconexión del servicio \(\$\s?45\.000\)\.$/))
    expect(s).toContainEqual(expect.stringMatching(/^Ya no aparece el cobro «Intereses de mora \(1\.5 % mensual\)» \(\$\s?1\.200 en el periodo anterior\)\.$/))
    expect(s.join(' ')).not.toMatch(/subsidio|decena/)
  })

  test('no consumption on either invoice (aseo only): no consumption sentence', () => {
    const lines = [line({ service: 'aseo', concept: 'aseo', amount: '12000', description: 'Aseo: recolección y disposición' })]
    expect(explainInvoiceChange(invoice('b', null, lines), invoice('a', null, lines))).toHaveLength(1)
  })
})
