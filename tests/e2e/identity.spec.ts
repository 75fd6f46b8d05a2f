/**
 * Registration → email verification → link a second account → sign out → password reset → sign in with the new
 * password; axe on every page visited. Needs `registrationAccounts` in the facts file (two unlinked accounts with the
 * holder's document and the payment reference of their latest issued invoice): see the identity issue's report.
 */
import fs from 'node:fs'
import { checkA11y, expect, logout, test } from './fixtures'

type RegistrationAccount = { number: string; documentNumber: string; paymentReference: string }

function registrationAccounts(): RegistrationAccount[] {
  const file = process.env.E2E_FACTS_FILE
  if (!file) return []
  const facts = JSON.parse(fs.readFileSync(file, 'utf8')) as { registrationAccounts?: RegistrationAccount[] }
  return facts.registrationAccounts ?? []
}

async function linkFromLastEmail(to: string, path: string): Promise<string> {
  process.env.MAIL_DIR = process.env.E2E_MAIL_DIR
  const { readLastEmail } = await import('../../app/mail/local-mailbox.server')
  for (let i = 0; i < 40; i++) {
    const mail = await readLastEmail(to)
    const match = mail?.html.match(new RegExp(`https?://[^"\\s]*${path}\\?token=[A-Za-z0-9_%-]+`))
    if (match) return match[0].replace(/&amp;/g, '&')
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`No llegó el correo con ${path} a ${to}`)
}

test('a new subscriber registers, verifies, links a second account, resets the password and signs in', async ({ page }) => {
  const accounts = registrationAccounts()
  test.skip(accounts.length < 2, 'faltan registrationAccounts en E2E_FACTS_FILE (tests/server/prepare-db.ts)')
  const [first, second] = accounts as [RegistrationAccount, RegistrationAccount]
  const email = `nuevo.${Date.now()}@correo.test`

  await page.goto('/registro')
  await checkA11y(page)
  await page.getByLabel('Nombre completo').fill('Nuevo Suscriptor de Prueba')
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email)
  await page.getByLabel('Contraseña', { exact: true }).fill('el agua del rio es limpia')
  await page.getByLabel('Número de cuenta (contrato)').fill(first.number)
  await page.getByLabel('Número de documento del titular').fill(first.documentNumber)
  await page.getByLabel('Referencia de pago').fill(first.paymentReference)
  await page.getByLabel(/Autorizo el tratamiento/).check()
  await page.getByRole('button', { name: 'Registrarme' }).click()
  await expect(page.getByRole('heading', { name: 'Revise su correo' })).toBeVisible()
  await checkA11y(page)

  await page.goto(await linkFromLastEmail(email, '/verificar-correo'))
  await checkA11y(page)
  await page.getByRole('button', { name: 'Confirmar mi correo' }).click()
  await expect(page).toHaveURL(/\/ingresar\?correo=confirmado/)
  await checkA11y(page)
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email)
  await page.getByLabel('Contraseña', { exact: true }).fill('el agua del rio es limpia')
  await page.getByRole('button', { name: 'Ingresar' }).click()
  await expect(page).toHaveURL(/\/mi-cuenta/)
  await expect(page.getByRole('main').getByText(first.number).first()).toBeVisible()

  await page.goto('/mi-cuenta/vincular')
  await checkA11y(page)
  await page.getByLabel('Número de cuenta (contrato)').fill(second.number)
  await page.getByLabel('Número de documento del titular').fill(second.documentNumber)
  await page.getByLabel('Referencia de pago').fill(second.paymentReference)
  await page.getByRole('button', { name: 'Vincular la cuenta' }).click()
  await expect(page).toHaveURL(/\/mi-cuenta/)
  await expect(page.getByRole('main').getByText(second.number).first()).toBeVisible()
  await page.goto('/mi-cuenta/perfil')
  await checkA11y(page)
  await logout(page)

  await page.goto('/recuperar-clave')
  await checkA11y(page)
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email)
  await page.getByRole('button', { name: 'Enviar el enlace' }).click()
  await expect(page.getByText(/Si el correo está registrado/)).toBeVisible()
  await page.goto(await linkFromLastEmail(email, '/recuperar-clave/nueva'))
  await checkA11y(page)
  await page.getByLabel('Nueva contraseña', { exact: true }).fill('una frase nueva y larga')
  await page.getByLabel('Repita la nueva contraseña').fill('una frase nueva y larga')
  await page.getByRole('button', { name: 'Cambiar la contraseña' }).click()
  await expect(page).toHaveURL(/\/ingresar\?clave=cambiada/)
  await checkA11y(page)
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email)
  await page.getByLabel('Contraseña', { exact: true }).fill('una frase nueva y larga')
  await page.getByRole('button', { name: 'Ingresar' }).click()
  await expect(page).toHaveURL(/\/mi-cuenta/)
})

test('pages carry a nonce-based CSP and a cross-site form post is refused', async ({ page, request }) => {
  const response = await page.goto('/ingresar')
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  // Hydration works under the CSP: the client-side validation message appears without a round trip.
  await page.getByRole('button', { name: 'Ingresar' }).click()
  await expect(page.getByText('Escriba su correo electrónico.')).toBeVisible()
  const refused = await request.post('/ingresar', {
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    form: { email: 'x@example.com', password: 'y' },
  })
  expect(refused.status()).toBe(403)
})
