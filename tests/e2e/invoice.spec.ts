import fs from 'node:fs'
import { checkA11y, expect, loginAs, test } from './fixtures'

test('the demo subscriber opens an invoice at 360 px: lines, chart, explanation, and downloads the PDF', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await loginAs(page, 'subscriber')
  await checkA11y(page)
  await page.getByRole('link', { name: /^Ver factura/ }).first().click()
  await expect(page).toHaveURL(/\/mi-cuenta\/facturas\/[0-9a-f-]{36}$/)
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1, name: /^Factura de / })).toBeVisible()

  const lines = main.getByRole('table', { name: /^Conceptos de / })
  await expect(lines.getByRole('rowheader', { name: /cargo fijo/ }).first()).toBeVisible()
  await expect(lines.getByRole('rowheader', { name: 'Total a pagar' })).toBeVisible()
  await expect(main.getByText('Lectura anterior')).toBeVisible()

  await expect(main.getByRole('img', { name: /Consumo facturado por periodo/ })).toBeVisible()
  const history = main.getByRole('table', { name: 'Consumo y valor por periodo' })
  expect(await history.getByRole('row').count()).toBeGreaterThanOrEqual(3)
  await expect(history.getByText(/\(esta factura\)/)).toBeVisible()

  const explanation = main.getByRole('region', { name: '¿Por qué cambió su factura?' })
  await expect(explanation.getByRole('listitem').first()).toContainText(/periodo/)

  const scrollWidth = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
  await checkA11y(page)

  const [download] = await Promise.all([page.waitForEvent('download'), main.getByRole('link', { name: 'Descargar PDF' }).click()])
  expect(download.suggestedFilename()).toMatch(/^factura-.+\.pdf$/)
  const file = await download.path()
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
})

test('a coordinator prepares a delivery batch, records a result and downloads the printable PDF', async ({ page }) => {
  await loginAs(page, 'coordinator')
  await page.goto('/gestion/facturacion/reparto')
  await checkA11y(page)
  await page.getByRole('button', { name: 'Preparar el lote' }).click()
  await expect(page).toHaveURL(/\/gestion\/facturacion\/reparto\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: /^Lote de reparto / })).toBeVisible()
  const first = page.getByRole('table', { name: /^Facturas en el orden de la ruta/ }).getByRole('row').nth(1)
  await first.getByRole('combobox').selectOption('returned')
  const today = await first.getByLabel(/^Fecha de entrega/).getAttribute('max')
  await first.getByLabel(/^Fecha de entrega/).fill(today!)
  await page.getByRole('button', { name: 'Guardar los resultados de esta página' }).click()
  await expect(page.getByText(/Con resultado registrado: 1\./)).toBeVisible()
  await checkA11y(page)
  // The PDF is rendered by a job (the e2e server runs the worker); the page polls it and shows the link when stored.
  const downloadLink = page.getByRole('link', { name: /^Descargar el lote/ })
  await expect(downloadLink).toBeVisible({ timeout: 30_000 })
  await checkA11y(page)
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()])
  expect(download.suggestedFilename()).toMatch(/^reparto-.+\.pdf$/)
})
