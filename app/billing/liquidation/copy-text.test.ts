import { describe, expect, test } from 'vitest'
import { copyField, copyRow } from './copy-text'

describe('COPY text format', () => {
  test.each([
    [null, '\\N'],
    [undefined, '\\N'],
    [12, '12'],
    ['Acueducto: cargo fijo', 'Acueducto: cargo fijo'],
    ['a\tb', 'a\\tb'],
    ['línea 1\nlínea 2\r', 'línea 1\\nlínea 2\\r'],
    ['C:\\ruta', 'C:\\\\ruta'],
    ['', ''],
  ])('field %j → %j', (value, expected) => {
    expect(copyField(value)).toBe(expected)
  })

  test('a row is tab-separated and ends in a newline', () => {
    expect(copyRow(['a', null, 3, 'x\ty'])).toBe('a\t\\N\t3\tx\\ty\n')
  })
})
