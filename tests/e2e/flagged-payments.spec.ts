/**
 * Collections staff reach the suspicious online payments from the staff navigation; with no flagged attempt the
 * queue says so. axe at 360 px. (Flagging needs an event signed with the gateway's secret, which the browser cannot
 * make: the flag, its detail and its review are covered by app/routes/gestion.pagos.sospechosos.db.test.ts.)
 */
import { checkA11y, expect, loginAs, test } from './fixtures'

test('collections staff open the suspicious payments queue from the navigation and see its empty state', async ({ page }) => {
  await loginAs(page, 'collections')
  await page.getByRole('link', { name: 'Pagos sospechosos' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pagos en línea sospechosos' })).toBeVisible()
  await expect(page.getByText('No hay pagos sospechosos por revisar')).toBeVisible()
  await checkA11y(page)
  await page.getByRole('link', { name: 'Revisados' }).click()
  await expect(page.getByText('Todavía no hay pagos sospechosos revisados')).toBeVisible()
  await checkA11y(page)
})
