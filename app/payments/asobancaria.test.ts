import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  type AsobancariaFile,
  type AsobancariaParseResult,
  asobancariaContentHash,
  asobancariaDuplicateKey,
  buildAsobancaria2001,
  describeBank,
  describeMedio,
  describeProcedencia,
  parseAsobancaria2001,
} from './asobancaria'

// formats.md §1.11, byte for byte (LF, unpadded lines).
const FIXTURE = readFileSync('tests/fixtures/asobancaria/formats-1-11.txt', 'utf8')
const fixtureLines = FIXTURE.trimEnd().split('\n')

function parsed(content: string): AsobancariaFile {
  const result = parseAsobancaria2001(content)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.file
}

function errorsOf(result: AsobancariaParseResult) {
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

/** Replaces characters of a fixture line at 1-based position `start`. */
function patch(lines: string[], lineNo: number, start: number, text: string): string {
  const copy = [...lines]
  const l = copy[lineNo - 1]!.padEnd(162)
  copy[lineNo - 1] = l.slice(0, start - 1) + text + l.slice(start - 1 + text.length)
  return copy.join('\n')
}

describe('parseAsobancaria2001 on the formats.md §1.11 fixture', () => {
  const file = parsed(FIXTURE)

  it('reads every header field', () => {
    expect(file.header).toEqual({
      nit: '9001234568',
      collectionDate: '2025-03-14',
      bankCode: '007',
      bankName: 'Bancolombia',
      account: '00000012345678901',
      generatedOn: '2025-03-15',
      generatedAt: '06:30',
      modifier: 'A',
      accountType: '01',
    })
  })

  it('reads the lote, every payment field and the totals', () => {
    expect(file.lotes).toHaveLength(1)
    const [lote] = file.lotes
    expect(lote).toMatchObject({ line: 2, number: 1, serviceCode: '7709998039933' })
    expect(lote!.totals).toEqual({ count: 2, amount: '127500.50' })
    expect(lote!.payments).toEqual([
      {
        line: 3,
        reference: '123456',
        amount: '85400.00',
        procedencia: '01',
        medio: '01',
        operation: '000001',
        authorization: '000000',
        debitBank: '007',
        branch: '0123',
        sequence: '0000001',
        returnCause: null,
      },
      {
        line: 4,
        reference: '123457',
        amount: '42100.50',
        procedencia: '03',
        medio: '15',
        operation: '000002',
        authorization: '123456',
        debitBank: '051',
        branch: '0000',
        sequence: '0000002',
        returnCause: null,
      },
    ])
    expect(file.totals).toEqual({ count: 2, amount: '127500.50' })
  })

  it('labels known codes in Spanish and keeps unknown ones raw as "Otro"', () => {
    expect(describeProcedencia('03')).toEqual({ code: '03', label: 'ACH Colombia (PSE)', known: true })
    expect(describeMedio('15').label).toBe('Débito a cuenta por internet')
    expect(describeProcedencia('31')).toEqual({ code: '31', label: 'Otro (31)', known: false })
    expect(describeMedio('53').known).toBe(false)
    expect(describeBank('051').label).toBe('Davivienda')
  })

  it('keeps an unknown procedencia/medio code instead of rejecting the file', () => {
    const payment = parsed(patch(fixtureLines, 3, 65, '3153')).lotes[0]!.payments[0]!
    expect([payment.procedencia, payment.medio]).toEqual(['31', '53'])
  })

  it('gives the duplicate-file key and a hash that ignores line ends and padding', () => {
    expect(asobancariaDuplicateKey(file.header)).toBe('9001234568|2025-03-14|007|A')
    const hash = asobancariaContentHash(FIXTURE)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    const padded = fixtureLines.map((l) => l.padEnd(162)).join('\r\n')
    expect(asobancariaContentHash(padded)).toBe(hash)
    expect(asobancariaContentHash(patch(fixtureLines, 3, 60, '1'))).not.toBe(hash)
  })
})

describe('parseAsobancaria2001 tolerances', () => {
  it('accepts CRLF line ends, padded lines and a missing final newline', () => {
    const crlf = fixtureLines.map((l) => l.padEnd(162)).join('\r\n')
    expect(parsed(crlf)).toEqual(parsed(FIXTURE))
  })

  it('accepts an unpadded last line after padded CRLF lines, as real bank files have', () => {
    const text = buildAsobancaria2001(parsed(FIXTURE), { padding: 'all-but-last', finalNewline: false })
    expect(text.split('\r\n').at(-1)).toBe('09000000002000000000012750050')
    expect(parsed(text).totals).toEqual({ count: 2, amount: '127500.50' })
  })

  it('keeps a return cause when present', () => {
    expect(parsed(patch(fixtureLines, 4, 95, 'R01')).lotes[0]!.payments[1]!.returnCause).toBe('R01')
  })
})

describe('parseAsobancaria2001 errors name the line', () => {
  it('a wrong lote total', () => {
    const errors = errorsOf(parseAsobancaria2001(patch(fixtureLines, 5, 12, '000000000012750051')))
    expect(errors).toEqual([
      {
        line: 5,
        message: expect.stringMatching(
          /^El lote 0001 declara un total de \$ 127\.500,51, pero sus pagos suman \$ 127\.500,50$/,
        ),
      },
    ])
  })

  it('a wrong file count', () => {
    const errors = errorsOf(parseAsobancaria2001(patch(fixtureLines, 6, 3, '000000003')))
    expect(errors).toEqual([
      { line: 6, message: 'El control de archivo (09) declara 3 pagos, pero el archivo contiene 2' },
    ])
  })

  it('a wrong lote count and lote number in the 08 record', () => {
    const errors = errorsOf(parseAsobancaria2001(patch(fixtureLines, 5, 3, '000000001')))
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [5, 'El lote 0001 declara 1 pagos en su control (08), pero contiene 2'],
    ])
    const lote = errorsOf(parseAsobancaria2001(patch(fixtureLines, 5, 30, '0002')))
    expect(lote).toEqual([
      { line: 5, message: 'El control de lote (08) indica el lote 0002, pero cierra el lote 0001' },
    ])
  })

  it('a bad record order', () => {
    const swapped = [fixtureLines[0]!, fixtureLines[2]!, fixtureLines[1]!, ...fixtureLines.slice(3)].join(
      '\n',
    )
    const errors = errorsOf(parseAsobancaria2001(swapped))
    expect(errors[0]).toEqual({
      line: 2,
      message:
        'Registro fuera de orden: detalle de pago (06) después de un encabezado de archivo (01); se esperaba encabezado de lote (05)',
    })
    expect(errors.every((e) => e.line >= 2)).toBe(true)
  })

  it('a missing file control and content after it', () => {
    const noTrailer = errorsOf(parseAsobancaria2001(fixtureLines.slice(0, 5).join('\n')))
    expect(noTrailer).toEqual([{ line: 5, message: 'Falta el control de archivo (09) al final del archivo' }])
    const after = errorsOf(parseAsobancaria2001([...fixtureLines, fixtureLines[1]].join('\n')))
    expect(after).toEqual([{ line: 7, message: 'Hay contenido después del control de archivo (09)' }])
  })

  it('a non-numeric amount, without cascading into the totals', () => {
    const errors = errorsOf(parseAsobancaria2001(patch(fixtureLines, 4, 51, '0000000421005X')))
    expect(errors).toEqual([
      {
        line: 4,
        message: 'valor recaudado (posiciones 51–64): debe ser numérico y se leyó «0000000421005X»',
      },
    ])
  })

  it('an impossible date, a bad time, a long line and an unknown record type, all collected', () => {
    const bad = patch(patch(fixtureLines, 1, 13, '20250230').split('\n'), 1, 49, '2460').split('\n')
    bad[3] = bad[3]!.padEnd(163, 'x')
    bad.splice(4, 0, '07')
    const errors = errorsOf(parseAsobancaria2001(bad.join('\n')))
    expect(errors.map((e) => e.line)).toEqual([1, 1, 4, 5])
    expect(errors[0]!.message).toBe(
      'fecha de recaudo (posiciones 13–20): la fecha «20250230» no existe (formato AAAAMMDD)',
    )
    expect(errors[1]!.message).toContain('la hora «2460» no es válida')
    expect(errors[2]!.message).toBe('La línea tiene 163 caracteres; el formato Asobancaria 2001 admite 162')
    expect(errors[3]!.message).toBe('Tipo de registro desconocido «07»')
  })

  it('a lote left open before the file control', () => {
    const errors = errorsOf(parseAsobancaria2001([...fixtureLines.slice(0, 4), fixtureLines[5]].join('\n')))
    expect(errors).toEqual([
      {
        line: 5,
        message:
          'Registro fuera de orden: control de archivo (09) después de un detalle de pago (06); se esperaba detalle de pago (06) o control de lote (08)',
      },
    ])
  })

  it('an empty file', () => {
    expect(errorsOf(parseAsobancaria2001('\r\n'))).toEqual([{ line: 1, message: 'El archivo está vacío' }])
  })
})

describe('buildAsobancaria2001', () => {
  it('reproduces the §1.11 fixture byte for byte from its parse', () => {
    expect(buildAsobancaria2001(parsed(FIXTURE), { lineEnding: '\n', padding: 'none' })).toBe(FIXTURE)
  })

  it('writes 162-character records and round-trips several lotes', () => {
    const input = {
      header: { ...parsed(FIXTURE).header, modifier: 'B' },
      lotes: [
        { serviceCode: '7709998039933', payments: [{ reference: '0000001230', amount: '1.50' }] },
        {
          serviceCode: '7709998039933',
          payments: [
            { reference: '0000004564', amount: '999999999999.99', procedencia: '31', medio: '53' },
            { reference: '7', amount: '0', returnCause: 'R02' },
          ],
        },
      ],
    }
    const text = buildAsobancaria2001(input)
    expect(
      text
        .split('\r\n')
        .slice(0, -1)
        .every((l) => l.length === 162),
    ).toBe(true)
    const file = parsed(text)
    expect(file.lotes.map((l) => [l.number, l.totals])).toEqual([
      [1, { count: 1, amount: '1.50' }],
      [2, { count: 2, amount: '999999999999.99' }],
    ])
    expect(file.lotes[1]!.payments.map((p) => [p.reference, p.amount, p.procedencia, p.returnCause])).toEqual(
      [
        ['4564', '999999999999.99', '31', null],
        ['7', '0.00', '01', 'R02'],
      ],
    )
    expect(file.totals).toEqual({ count: 3, amount: '1000000000001.49' })
    expect(buildAsobancaria2001(file)).toBe(text)
  })

  it('refuses amounts with fractions of a centavo or that do not fit', () => {
    const header = parsed(FIXTURE).header
    expect(() =>
      buildAsobancaria2001({
        header,
        lotes: [{ serviceCode: '1', payments: [{ reference: '1', amount: '1.005' }] }],
      }),
    ).toThrow()
    expect(() =>
      buildAsobancaria2001({
        header,
        lotes: [{ serviceCode: '1', payments: [{ reference: '1', amount: '1000000000000' }] }],
      }),
    ).toThrow()
  })
})
