/**
 * Playwright globalSetup: build once (skip with E2E_SKIP_BUILD=1), create a fresh database (a new PGlite directory
 * under a temp folder, or a new database on the server named by DATABASE_URL), migrate and seed it with the demo
 * data (E2E_SEED_ACCOUNTS accounts, default 100 for speed; the demo users exist whatever the count), then start
 * server.ts on a free port. The returned teardown sends SIGTERM and fails if the server does not exit 0.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  createTestDatabase,
  prepareDatabase,
  repoRoot,
  startServer,
  type RunningServer,
} from '../server/process'

export default async function globalSetup() {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    console.log('[e2e] construyendo la aplicación (npx remix vite:build)…')
    execSync('npx remix vite:build', { cwd: repoRoot, stdio: 'inherit' })
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-e2e-'))
  const database = await createTestDatabase(tmpDir, process.env.DATABASE_URL)
  const accounts = Number(process.env.E2E_SEED_ACCOUNTS ?? 100)
  console.log(`[e2e] engine: ${database.engineLabel}; sembrando ${accounts} cuentas de demostración`)
  const factsFile = path.join(tmpDir, 'facts.json')
  let server: RunningServer
  try {
    await prepareDatabase(database.env, accounts, factsFile)
    server = await startServer({ env: database.env, tmpDir })
  } catch (error) {
    await database.drop()
    throw error
  }
  process.env.E2E_FACTS_FILE = factsFile
  process.env.E2E_BASE_URL = server.baseUrl
  process.env.E2E_MAIL_DIR = path.join(tmpDir, 'mail')
  console.log(`[e2e] server.ts escuchando en ${server.baseUrl} (registro: ${tmpDir})`)

  return async () => {
    const code = await server.stop(10_000)
    await database.drop()
    if (code !== 0) {
      throw new Error(
        `server.ts no terminó limpiamente con SIGTERM (código ${code}):\n${server.output().slice(-2000)}`,
      )
    }
    console.log('[e2e] server.ts se detuvo con código 0 tras SIGTERM')
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
}
