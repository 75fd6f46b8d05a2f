/**
 * Browser-test helpers: sign in as a seeded demo user, sign out, and run axe at 360 px. Every browser test runs
 * `checkA11y` on each page it visits (WCAG 2.1 AA; serious and critical violations fail the test).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../db/seed/users'

export { expect, test } from '@playwright/test'

export type DemoLogin = (typeof DEMO_LOGINS)[number]

/** The demo login for a role ('subscriber', 'agent', …) or an email. */
export function demoLogin(roleOrEmail: string): DemoLogin {
  const found = DEMO_LOGINS.find((l) => l.role === roleOrEmail || l.email === roleOrEmail)
  if (!found) throw new Error(`No hay usuario de demostración para «${roleOrEmail}»`)
  return found
}

export function homePathForRole(role: string): string {
  return role === 'subscriber' ? '/mi-cuenta' : '/gestion'
}

/** Signs in through the real login form and waits for the user's home page. */
export async function loginAs(page: Page, roleOrEmail: string): Promise<DemoLogin> {
  const login = demoLogin(roleOrEmail)
  await page.goto('/ingresar')
  await page.getByLabel('Correo electrónico').fill(login.email)
  await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Ingresar' }).click()
  await page.waitForURL((url) => url.pathname.startsWith(homePathForRole(login.role)))
  // The form posts through Remix's client-side navigation: the URL can change a moment before the home page renders,
  // and a test that counts elements right away (without auto-waiting) would see the sign-in page.
  await expect(page.getByRole('heading', { level: 1, name: /^(Hola|Bienvenido), / })).toBeVisible()
  return login
}

/** Signs out with the button in the page header and waits to leave the private area. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Salir|Cerrar sesión)$/ }).click()
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/mi-cuenta') && !url.pathname.startsWith('/gestion'),
  )
}

const FAILING_IMPACTS = new Set(['serious', 'critical'])

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page at a 360 px wide viewport and fails on serious or
 * critical violations, listing each rule, its impact, and the elements involved.
 */
export async function checkA11y(page: Page): Promise<void> {
  const previous = page.viewportSize()
  await page.setViewportSize({ width: 360, height: 780 })
  try {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    const failing = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    const report = failing
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `      ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n')
        return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} elemento(s))\n${nodes}\n      ${v.helpUrl}`
      })
      .join('\n')
    expect(failing, `Violaciones de accesibilidad graves en ${page.url()} a 360 px:\n${report}`).toEqual([])
  } finally {
    if (previous) await page.setViewportSize(previous)
  }
}

/** True when the page scrolls sideways at its current viewport width. */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement
    return el.scrollWidth > window.innerWidth
  })
}
