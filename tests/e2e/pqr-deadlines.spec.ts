/**
 * PQR deadlines in the browser (issue 6, item 8 and the art. 158 extension): an agent asks to extend the term of a
 * case for a visit; the coordinator approves it from the approvals page; the deadlines dashboard and legal's silencio
 * page load. axe runs on every page.
 */
import { checkA11y, expect, loginAs, logout, test } from './fixtures'

test('an extension asked by the agent, approved by the coordinator; dashboard and silencio pages', async ({ page }) => {
  test.setTimeout(180_000)
  await loginAs(page, 'subscriber')
  await page.goto('/mi-cuenta/pqr/nueva')
  const form = page.getByRole('main')
  await form.getByLabel('Tipo de solicitud').selectOption('reclamo')
  await form.getByLabel('Motivo').selectOption('102')
  await form.getByLabel('Asunto').fill('Consumo facturado fuera de lo normal')
  await form.getByLabel('Hechos y lo que solicita').fill('El consumo de este mes es el triple del habitual. Solicito una visita para revisar el medidor.')
  await form.getByLabel(/^Factura No\. .* valor en reclamo$/).first().fill('15.000')
  await form.getByLabel('Número de documento').fill('79555123')
  await form.getByRole('button', { name: 'Radicar' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Su solicitud quedó radicada' })).toBeVisible()
  const radicado = (await page.getByText(/Número de radicado:/).locator('strong').textContent())!.trim()
  await page.goto('/mi-cuenta')
  await logout(page)

  await loginAs(page, 'agent')
  await page.goto('/gestion/casos?agente=sin')
  await page.getByRole('button', { name: `Tomar el caso ${radicado}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Caso ${radicado}` })).toBeVisible()
  await page.goto(`${new URL(page.url()).pathname}/prorroga`)
  await expect(page.getByRole('heading', { level: 1, name: 'Ampliar el término para responder' })).toBeVisible()
  await checkA11y(page)
  await page.getByRole('button', { name: 'Solicitar aprobación' }).click()
  await expect(page.getByText('Elija un motivo que permita ampliar el término (art. 158).')).toBeVisible()
  await page.getByLabel('Motivo').selectOption('visita')
  await page.getByLabel('Días hábiles de ampliación').fill('5')
  await page.getByLabel(/Justificación/).fill('Se ordenó una visita técnica al predio para revisar el medidor y la acometida.')
  await page.getByRole('button', { name: 'Solicitar aprobación' }).click()
  await expect(page.getByText('Hay una solicitud de ampliación pendiente de aprobación por la coordinación.')).toBeVisible()
  await logout(page)

  await loginAs(page, 'coordinator')
  await page.goto('/gestion/tareas-pqr')
  await checkA11y(page)
  await page.getByRole('link', { name: radicado }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ampliación del término: ${radicado}` })).toBeVisible()
  await checkA11y(page)
  await page.getByLabel(/Apruebo la ampliación/).check()
  await page.getByRole('button', { name: 'Aprobar la ampliación' }).click()
  await expect(page.getByText(/Ampliación aprobada por/)).toBeVisible()
  await page.goto('/gestion/casos/tablero')
  await expect(page.getByRole('heading', { level: 1, name: 'Tablero de vencimientos' })).toBeVisible()
  await checkA11y(page)
  await logout(page)

  await loginAs(page, 'legal')
  await page.goto('/gestion/silencio')
  await expect(page.getByRole('heading', { level: 1, name: 'Silencio administrativo positivo' })).toBeVisible()
  await checkA11y(page)
})
