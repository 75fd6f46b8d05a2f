import { expect, test } from 'vitest'
import { DOCUMENT_TYPES } from '../../db/schema/premises'
import { DOCUMENT_TYPE_LIST, documentTypeLabel, formatNit, isValidNit, nitCheckDigit } from './documents'

test.each([
  ['860069804', '2'],
  ['900373923', '8'],
  ['860007386', '1'],
  ['900123456', '8'],
  ['800197268', '4'],
  ['890900286', '0'],
])('the NIT %s has check digit %s (formats.md §6.2 vectors)', (nit, dv) => {
  expect(nitCheckDigit(nit)).toBe(dv)
  expect(isValidNit(nit, dv)).toBe(true)
})

test('a wrong check digit or a non-numeric NIT is rejected', () => {
  expect(isValidNit('900123456', '7')).toBe(false)
  expect(isValidNit('90012345A', '8')).toBe(false)
  expect(() => nitCheckDigit('')).toThrow()
})

test.each([
  ['900123456', '8', '900.123.456-8'],
  ['8600698', '5', '8.600.698-5'],
  ['79123456', null, '79.123.456'],
])('formatNit(%s, %s) prints %s', (nit, dv, printed) => {
  expect(formatNit(nit, dv)).toBe(printed)
})

test('the document-type list matches the database enum, in order', () => {
  expect(DOCUMENT_TYPE_LIST.map((d) => d.abbreviation)).toEqual([...DOCUMENT_TYPES])
  expect(documentTypeLabel('CC')).toBe('Cédula de ciudadanía')
  expect(new Set(DOCUMENT_TYPE_LIST.map((d) => d.code)).size).toBe(DOCUMENT_TYPE_LIST.length)
})
