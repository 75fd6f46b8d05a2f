/**
 * Collections staff upload the formats.md §1.11 Asobancaria file (its two references have wrong check digits, so both
 * payments wait in pagos por identificar), follow the import to its report, assign one payment to a subscriber's
 * account with confirmation, and record a bank return of it. axe at 360 px on every page visited.
 */
import fs from 'node:fs'
import { checkA11y, expect, loginAs, test } from './fixtures'

const FIXTURE = 'tests/fixtures/asobancaria/formats-1-11.txt'

function subscriberAccountNumber(): string {
  const file = process.env.E2E_FACTS_FILE
  if (!file) throw new Error('E2E_FACTS_FILE no está definido (tests/e2e/global-setup.ts)')
  const facts = JSON.parse(fs.readFileSync(file, 'utf8')) as { accounts: Array<{ number: string }> }
  return facts.accounts[0]!.number
}

test('a bank file is imported as a job, an unidentified payment is assigned, and a bank return is recorded', async ({ page }) => {
  const accountNumber = subscriberAccountNumber()
  await loginAs(page, 'collections')
  await page.goto('/gestion/pagos/archivos')
  await expect(page.getByRole('heading', { name: 'Archivos de recaudo bancario' })).toBeVisible()
  await checkA11y(page)

  await page.getByLabel('Archivo del banco (.txt)').setInputFiles(FIXTURE)
  await page.getByRole('button', { name: 'Cargar e importar' }).click()
  await page.waitForURL(/\/gestion\/pagos\/archivos\/[0-9a-f-]{36}$/)
  // The page polls the job while it runs; the report appears when it ends.
  await expect(page.getByRole('table', { name: 'Resultado de la importación' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('row', { name: /Pagos por identificar 2/ })).toBeVisible()
  await checkA11y(page)

  // The same file again is refused, naming the earlier upload.
  await page.goto('/gestion/pagos/archivos')
  await page.getByLabel('Archivo del banco (.txt)').setInputFiles(FIXTURE)
  await page.getByRole('button', { name: 'Cargar e importar' }).click()
  await expect(page.getByText(/Este archivo ya fue cargado .*«formats-1-11\.txt»/)).toBeVisible()

  await page.goto('/gestion/pagos/por-identificar')
  await checkA11y(page)
  await page.getByRole('link', { name: 'Abrir el pago con referencia 123456' }).click()
  await expect(page.getByRole('heading', { name: /Pago de .*85\.400 con referencia 123456/ })).toBeVisible()
  await checkA11y(page)
  await page.getByLabel('Número de cuenta').fill(accountNumber)
  await page.getByRole('button', { name: 'Buscar la cuenta' }).click()
  await expect(page.getByRole('heading', { name: `¿Asignar el pago a la cuenta ${accountNumber}?` })).toBeVisible()
  await checkA11y(page)
  await page.getByLabel('Confirmo que el pago corresponde a esta cuenta').check()
  await page.getByRole('button', { name: 'Sí, asignar' }).click()
  await expect(page.getByText(new RegExp(`Cuenta ${accountNumber} · `))).toBeVisible()

  await page.goto(`/gestion/pagos/devoluciones?q=${encodeURIComponent(accountNumber)}`)
  const row = page.getByRole('row').filter({ hasText: '85.400' }).filter({ hasText: '14/03/2025' })
  await row.getByRole('link', { name: /Registrar la devolución/ }).click()
  await page.getByLabel('Causal de devolución').selectOption('R01')
  await page.getByLabel(/Confirmo que el banco devolvió este pago/).check()
  await checkA11y(page)
  await page.getByRole('button', { name: 'Registrar la devolución' }).click()
  await expect(page.getByRole('status')).toContainText('Devolución registrada')
  await expect(page.getByRole('table', { name: 'Últimas devoluciones registradas' })).toContainText('Devolución bancaria R01 (Fondos insuficientes)')
  await checkA11y(page)
})
