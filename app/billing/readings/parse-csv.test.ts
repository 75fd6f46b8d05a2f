import { describe, expect, test } from 'vitest'
import { checkReadingsAgainstCycle, parseReadingsCsv, parseSpanishDate } from './parse-csv'

describe('parseSpanishDate', () => {
  test.each([
    ['02/03/2026', '2026-03-02'],
    ['2/3/2026', '2026-03-02'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2026', null],
    ['31/04/2026', null],
    ['2026-03-02', null],
    ['', null],
  ])('%s → %s', (text, iso) => expect(parseSpanishDate(text)).toBe(iso))
})

describe('parseReadingsCsv', () => {
  test('a good file with comma or semicolon, BOM, CRLF and blank lines', () => {
    const text = '\uFEFFcuenta;lectura;fecha;lector;anomalia\r\nGIR-100;00222;02/08/2026;L07;\r\n\r\nGIR-101;;02/08/2026;L07;SL\r\n'
    expect(parseReadingsCsv(text)).toEqual({
      rows: [
        { line: 2, accountNumber: 'GIR-100', value: 222, readOn: '2026-08-02', readerCode: 'L07', anomalyCode: null },
        { line: 4, accountNumber: 'GIR-101', value: null, readOn: '2026-08-02', readerCode: 'L07', anomalyCode: 'SL' },
      ],
      errors: [],
    })
  })

  test('missing columns are reported on line 1 and nothing else is read', () => {
    const r = parseReadingsCsv('cuenta,lectura,fecha\nGIR-100,1,02/08/2026')
    expect(r.rows).toEqual([])
    expect(r.errors).toEqual([
      { line: 1, message: 'Encabezado inválido: faltan las columnas lector, anomalia. Debe ser exactamente: cuenta,lectura,fecha,lector,anomalia.' },
    ])
  })

  test('every bad row is reported with its line number and reason', () => {
    const text = [
      'cuenta,lectura,fecha,lector,anomalia',
      'GIR-100,12a,02/08/2026,L1,', // 2 non-numeric
      'GIR-101,15,31/02/2026,L1,', // 3 bad date
      'GIR-102,,02/08/2026,L1,', // 4 no value, no anomaly
      'GIR-103,-5,02/08/2026,L1,', // 5 negative
      'GIR-104,20,02/08/2026,L1', // 6 missing a column
      'GIR-105,20,02/08/2026,,', // 7 no reader
      'GIR-105,21,02/08/2026,L1,', // 8 duplicate of the (bad) line 7
      'GIR-106,30,02/08/2026,L1,', // 9 good
    ].join('\n')
    const r = parseReadingsCsv(text)
    expect(r.rows.map((x) => x.line)).toEqual([9])
    expect(r.errors).toEqual([
      { line: 2, message: 'La lectura «12a» no es un número entero de m³.' },
      { line: 3, message: 'La fecha «31/02/2026» no es válida (use dd/mm/aaaa).' },
      { line: 4, message: 'Sin lectura debe indicar un código de anomalía.' },
      { line: 5, message: 'La lectura «-5» no es un número entero de m³.' },
      { line: 6, message: 'Tiene 4 columnas y deben ser 5.' },
      { line: 7, message: 'Falta el código del lector.' },
      { line: 8, message: 'La cuenta GIR-105 ya aparece en la línea 7.' },
    ])
  })

  test('an empty file says so', () => {
    expect(parseReadingsCsv('cuenta,lectura,fecha,lector,anomalia\n').errors).toEqual([{ line: 1, message: 'El archivo no tiene lecturas.' }])
  })
})

describe('checkReadingsAgainstCycle', () => {
  const period = { code: '2026-07', startsOn: '2026-07-01', issueOn: '2026-08-05' }
  const accounts = new Map([
    ['A1', { accountId: 'a1', meterId: 'm1', isMeterActive: true, dialDigits: 5 }],
    ['A2', { accountId: 'a2', meterId: 'm2', isMeterActive: false, dialDigits: 5 }],
    ['A3', { accountId: 'a3', meterId: null, isMeterActive: false, dialDigits: 5 }],
  ])
  const row = (line: number, accountNumber: string, value: number | null, readOn: string) => ({
    line,
    accountNumber,
    value,
    readOn,
    readerCode: 'L1',
    anomalyCode: null,
  })
  test('unknown account, inactive or missing meter, date outside the period, value beyond the register', () => {
    const errors = checkReadingsAgainstCycle(
      [
        row(2, 'A1', 10, '2026-08-02'),
        row(3, 'ZZ', 10, '2026-08-02'),
        row(4, 'A2', 10, '2026-08-02'),
        row(5, 'A3', 10, '2026-08-02'),
        row(6, 'A1', 10, '2026-08-06'),
        row(7, 'A1', 100000, '2026-07-01'),
      ],
      accounts,
      period,
    )
    expect(errors).toEqual([
      { line: 3, message: 'La cuenta ZZ no existe en este ciclo.' },
      { line: 4, message: 'La cuenta A2 no tiene un medidor activo.' },
      { line: 5, message: 'La cuenta A3 no tiene un medidor activo.' },
      { line: 6, message: 'La fecha 06/08/2026 está fuera del periodo 2026-07 (01/07/2026 a 05/08/2026).' },
      { line: 7, message: 'La lectura 100000 no cabe en un medidor de 5 dígitos.' },
    ])
  })
})
