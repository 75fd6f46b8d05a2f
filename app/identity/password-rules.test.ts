import { expect, test } from 'vitest'
import { passwordProblem } from './password-rules'

test.each([
  ['corta', /al menos 12/],
  ['Password1234', /muy común/],
  ['aaaaaaaaaaaaaaa', /muy común/],
  ['ventanilla2026!', /muy común/],
  ['marta.gomez-clave-larga', /correo/],
])('%s is refused', (password, message) => {
  expect(passwordProblem(password, { email: 'marta.gomez@example.com' })).toMatch(message)
})

test('a long passphrase without symbols is accepted', () => {
  expect(passwordProblem('el rio bogota baja lento', { email: 'marta.gomez@example.com' })).toBeNull()
})
