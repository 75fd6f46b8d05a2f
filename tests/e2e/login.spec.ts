import { DEMO_LOGINS } from '../../db/seed/users'
import { ROLE_LABELS } from '../../app/ui/labels'
import { checkA11y, expect, homePathForRole, loginAs, logout, test } from './fixtures'

test('the sign-in page is accessible at 360 px', async ({ page }) => {
  await page.goto('/ingresar')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await checkA11y(page)
})

for (const login of DEMO_LOGINS) {
  test(`${login.role} (${login.email}) signs in, lands on their home and signs out`, async ({ page }) => {
    await loginAs(page, login.email)
    expect(new URL(page.url()).pathname).toBe(homePathForRole(login.role))
    await expect(page.getByRole('heading', { level: 1 })).toContainText(login.fullName)
    const main = page.getByRole('main')
    if (login.role === 'subscriber') {
      await expect(
        main.getByRole('heading', { level: 2, name: /^(Cuenta |Aún no tiene cuentas)/ }).first(),
      ).toBeVisible()
    } else {
      // Staff see which role they are working as.
      await expect(main.getByText(ROLE_LABELS[login.role], { exact: true }).first()).toBeVisible()
    }
    await checkA11y(page)
    await logout(page)
    await page.goto(homePathForRole(login.role))
    await expect(page).toHaveURL(/\/ingresar/)
  })
}

test('a wrong password keeps the person on the sign-in page with a message', async ({ page }) => {
  await page.goto('/ingresar')
  await page.getByLabel('Correo electrónico').fill(DEMO_LOGINS[0]!.email)
  await page.getByLabel('Contraseña', { exact: true }).fill('no-es-la-clave')
  await page.getByRole('button', { name: 'Ingresar' }).click()
  await expect(page.getByText('Correo o contraseña incorrectos.')).toBeVisible()
  await expect(page).toHaveURL(/\/ingresar/)
  await checkA11y(page)
})
