/**
 * Issue 6 acceptance: the demo subscriber files a reclamo against an invoice with an attachment and gets a radicado;
 * the demo agent takes it from the queue, orders a visit, drafts and issues a partial decision with a credit; the
 * subscriber (who consented to electronic notification) opens the decision — the notification is recorded — and sees
 * until when a recurso can be filed; the account shows the credit on the invoice. axe runs on every page.
 */
import { checkA11y, expect, loginAs, logout, test } from './fixtures'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

test('a reclamo from filing to the notified decision with a credit note', async ({ page }) => {
  test.setTimeout(180_000)
  // 1. The subscriber files a reclamo against the first invoice of the account, with a PDF and consent.
  await loginAs(page, 'subscriber')
  await page.goto('/mi-cuenta/pqr/nueva')
  await checkA11y(page)
  const form = page.getByRole('main')
  await form.getByLabel('Tipo de solicitud').selectOption('reclamo')
  await form.getByLabel('Motivo').selectOption('102')
  await form.getByLabel('Asunto').fill('Cobro de consumo muy alto')
  await form
    .getByLabel('Hechos y lo que solicita')
    .fill('La factura cobra el doble de mi consumo habitual. Solicito revisar el medidor y ajustar el cobro.')
  const invoiceField = form.getByLabel(/^Factura No\. .* valor en reclamo$/).first()
  const invoiceLabel = (await form.locator('label[for="claim-0"]').textContent()) ?? ''
  const invoiceNumber = /Factura No\. (\d+)/.exec(invoiceLabel)?.[1]
  expect(invoiceNumber, 'the first invoice has a number').toBeTruthy()
  await invoiceField.fill('30.000')
  await form.getByLabel('Número de documento').fill('79555123')
  await form
    .getByLabel('Documentos de soporte (opcional)')
    .setInputFiles({ name: 'foto-medidor.pdf', mimeType: 'application/pdf', buffer: PDF })
  await form.getByLabel(/Autorizo que la respuesta me sea notificada/).check()
  await form.getByRole('button', { name: 'Radicar' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Su solicitud quedó radicada' })).toBeVisible()
  const radicado = (await page
    .getByText(/Número de radicado:/)
    .locator('strong')
    .textContent())!.trim()
  expect(radicado).toMatch(/^\d{4}-E-\d{6}$/)
  await checkA11y(page)
  // The receipt is a public page (no session header): sign out from the portal.
  await page.goto('/mi-cuenta')
  await logout(page)

  // 2. The agent takes it from the queue, orders a visit, drafts and issues a partial decision with a credit.
  await loginAs(page, 'agent')
  await page.goto('/gestion/casos?agente=sin')
  await checkA11y(page)
  await page.getByRole('button', { name: `Tomar el caso ${radicado}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Caso ${radicado}` })).toBeVisible()
  await expect(page.getByRole('link', { name: 'foto-medidor.pdf' })).toBeVisible()
  await checkA11y(page)
  await page.getByLabel('Qué debe verificarse').fill('Revisar el medidor y tomar la lectura actual')
  await page.getByRole('button', { name: 'Ordenar visita' }).click()
  await expect(page.getByText('En pruebas', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Decisión', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Decisión del caso ${radicado}` })).toBeVisible()
  await checkA11y(page)
  await page
    .getByLabel('Plantilla', { exact: true })
    .selectOption({ label: 'Accede parcialmente y ordena nota crédito (Accede parcialmente, v1)' })
  await page.getByLabel('Nota crédito (pesos, opcional)').fill('10.000')
  await page.getByRole('button', { name: 'Guardar el proyecto' }).click()
  await expect(
    page.getByRole('heading', { name: /Proyecto: Accede parcialmente \(Borrador\)/ }),
  ).toBeVisible()
  await checkA11y(page)
  await page.getByLabel(/Revisé el texto, los fundamentos/).check()
  await page.getByRole('button', { name: 'Expedir la decisión' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Caso ${radicado}` })).toBeVisible()
  await expect(page.getByText('Citada para notificación', { exact: true })).toBeVisible()
  // The account on the case page: the invoice carries the credit note.
  const invoices = page.getByRole('table', { name: 'Facturas recientes y sus notas' })
  await expect(invoices.getByRole('row', { name: new RegExp(`No\\. ${invoiceNumber}`) })).toContainText(
    'Crédito $ 10.000',
  )
  await checkA11y(page)
  await logout(page)

  // 3. The subscriber opens the decision: notified now, with the date until which a recurso can be filed.
  await loginAs(page, 'subscriber')
  await page.goto('/mi-cuenta/pqr')
  await page
    .getByRole('link', { name: new RegExp(radicado) })
    .first()
    .click()
  await page.getByRole('link', { name: /^Decisión \d{4}-S-\d{6}$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Decisión \d{4}-S-\d{6}$/ })).toBeVisible()
  await expect(
    page.getByText(/Puede interponer recursos contra esta decisión hasta el \d{2}\/\d{2}\/\d{4}/),
  ).toBeVisible()
  await expect(page.getByText(/Con esta consulta quedó notificado/)).toBeVisible()
  await expect(page.getByText(/Se aplicó una nota crédito por \$\s10\.000/)).toBeVisible()
  await checkA11y(page)
  // A second visit is not a second notification.
  await page.reload()
  await expect(page.getByText(/Con esta consulta quedó notificado/)).toHaveCount(0)
  await expect(page.getByText(/Puede interponer recursos contra esta decisión hasta el/)).toBeVisible()
  await logout(page)
})
