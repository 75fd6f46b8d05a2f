import { expect, test } from 'vitest'
import { homePathFor, safeRedirectPath } from './redirect'

const subscriber = { role: 'subscriber' as const }
const agent = { role: 'agent' as const }

test('subscribers land on /mi-cuenta and staff on /gestion', () => {
  expect(homePathFor(subscriber)).toBe('/mi-cuenta')
  expect(homePathFor(agent)).toBe('/gestion')
})

test.each([
  ['/mi-cuenta/facturas?x=1', subscriber, '/mi-cuenta/facturas?x=1'],
  ['/gestion/casos', agent, '/gestion/casos'],
  ['//evil.example/x', subscriber, '/mi-cuenta'],
  ['/\\evil.example', subscriber, '/mi-cuenta'],
  ['https://evil.example/', agent, '/gestion'],
  ['javascript:alert(1)', agent, '/gestion'],
  ['/gestion', subscriber, '/mi-cuenta'],
  ['/mi-cuenta', agent, '/gestion'],
  ['/ingresar?redirectTo=/x', agent, '/gestion'],
  [undefined, agent, '/gestion'],
])('redirectTo %s for %o goes to %s', (redirectTo, user, expected) => {
  expect(safeRedirectPath(redirectTo, user)).toBe(expected)
})
