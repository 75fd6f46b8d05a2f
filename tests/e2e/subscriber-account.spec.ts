import fs from 'node:fs'
import type { SubscriberFacts } from '../server/prepare-db'
import { SERVICE_LABELS } from '../../app/ui/labels'
import { checkA11y, expect, loginAs, test } from './fixtures'

function subscriberFacts(): SubscriberFacts {
  const file = process.env.E2E_FACTS_FILE
  if (!file)
    throw new Error('E2E_FACTS_FILE no está definido: ejecute con playwright.config.ts (globalSetup)')
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SubscriberFacts
}

test('the demo subscriber sees account number, address, services and meter serial on /mi-cuenta', async ({
  page,
}) => {
  const facts = subscriberFacts()
  expect(facts.accounts.length, 'the seed links at least one account to the demo subscriber').toBeGreaterThan(
    0,
  )
  await loginAs(page, 'subscriber')
  await expect(page).toHaveURL(/\/mi-cuenta/)
  const main = page.getByRole('main')
  for (const account of facts.accounts) {
    await expect(main.getByText(account.number, { exact: false }).first()).toBeVisible()
    await expect(main.getByText(account.address, { exact: false }).first()).toBeVisible()
    for (const service of account.services) {
      await expect(main.getByText(SERVICE_LABELS[service] ?? service, { exact: false }).first()).toBeVisible()
    }
    for (const serial of account.meterSerials) {
      await expect(main.getByText(serial, { exact: false }).first()).toBeVisible()
    }
  }
  // Only their own accounts: another subscriber's account number appears nowhere on the page.
  const other = facts.otherAccountNumber
  if (other && !facts.accounts.some((a) => a.number.includes(other))) {
    expect(await page.locator('body').innerText()).not.toContain(other)
  }
  await checkA11y(page)
})

test('/mi-cuenta has no horizontal scroll on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await loginAs(page, 'subscriber')
  const scrollWidth = await page.evaluate(
    () => (document.scrollingElement ?? document.documentElement).scrollWidth,
  )
  expect(scrollWidth).toBeLessThanOrEqual(360)
  await checkA11y(page)
})

test('/mi-cuenta shows each account’s balance, next due date and its calls to action', async ({ page }) => {
  await loginAs(page, 'subscriber')
  const main = page.getByRole('main')
  const cards = main.getByRole('region', { name: /^Cuenta / })
  const count = await cards.count()
  expect(count).toBe(subscriberFacts().accounts.length)
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i)
    await expect(card.getByText('Saldo de la cuenta')).toBeVisible()
    await expect(card.getByText('Próximo vencimiento')).toBeVisible()
    await expect(card.getByRole('link', { name: /^Ver factura/ })).toHaveAttribute('href', /^\/mi-cuenta\/facturas\/[0-9a-f-]{36}$/)
    await expect(card.getByRole('link', { name: /^Radicar una PQR/ })).toHaveAttribute('href', /^\/mi-cuenta\/pqr\/nueva\?cuenta=[0-9a-f-]{36}$/)
  }
  await checkA11y(page)
})
