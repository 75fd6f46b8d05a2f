/**
 * server.ts as a process (issue 2 acceptance): an unreachable DATABASE_URL stops start-up with one clear line and
 * exit code 1; SIGTERM lets an in-flight request finish, refuses new connections and exits 0 within 10 s.
 */
import { execSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  cleanEnv,
  createTestDatabase,
  prepareDatabase,
  repoRoot,
  startServer,
  type RunningServer,
} from './process'

test('an unreachable DATABASE_URL stops start-up with one line naming host and port, exit code 1', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: repoRoot,
    env: { ...cleanEnv(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  expect(code).toBe(1)
  const lines = stderr.split('\n').filter((l) => l.trim() && !l.includes('ExperimentalWarning'))
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^No se pudo conectar a PostgreSQL en 127\.0\.0\.1:1\b/)
}, 30_000)

describe('the built server on a seeded embedded database', () => {
  let tmpDir: string | undefined
  let server: RunningServer | undefined

  beforeAll(async () => {
    // npm test builds before this step; when run alone, build here (outside vitest's env, which drops the Remix plugin).
    if (!fs.existsSync(path.join(repoRoot, 'build/server/index.js'))) {
      execSync('npx remix vite:build', { cwd: repoRoot, stdio: 'inherit', env: cleanEnv() })
    }
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-sigterm-'))
    const database = await createTestDatabase(tmpDir) // an embedded database of its own, on either engine's run
    await prepareDatabase(database.env, 30)
    server = await startServer({ env: database.env, tmpDir })
  }, 300_000)

  afterAll(async () => {
    await server?.stop(2_000)
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
  })

  test('SIGTERM: the in-flight request completes, new connections are refused, the process exits 0 within 10 s', async () => {
    const running = server!
    const body = `email=nadie%40ejemplo.co&password=${'x'.repeat(40)}&relleno=${'y'.repeat(4000)}`
    const socket = net.connect(running.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    let response = ''
    let respondedAt = 0
    const done = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        response += chunk.toString()
        respondedAt ||= Date.now()
      })
      socket.on('error', () => {}) // a reset shows up below as an empty response
      socket.on('close', () => resolve())
    })
    socket.write(
      'POST /ingresar HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n' +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
    )
    socket.write(body.slice(0, 100))
    await new Promise((resolve) => setTimeout(resolve, 300))

    const sigtermAt = Date.now()
    running.proc.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    const refused = await new Promise<boolean>((resolve) => {
      const probe = net.connect(running.port, '127.0.0.1')
      probe.once('connect', () => (probe.destroy(), resolve(false)))
      probe.once('error', () => resolve(true))
    })
    expect(refused, 'a new connection after SIGTERM is refused').toBe(true)

    // The rest of the body, slowly: the request is still in flight while the server is stopping.
    for (let i = 100; i < body.length; i += 1000) {
      if (i > 100) await new Promise((resolve) => setTimeout(resolve, 300))
      socket.write(body.slice(i, i + 1000))
    }
    const lastByteSentAt = Date.now()
    await done
    expect(response, `server.ts output:\n${running.output()}`).toMatch(/^HTTP\/1\.1 [1-4]\d\d /)
    expect(respondedAt, 'the server answered only after reading the whole body').toBeGreaterThanOrEqual(
      lastByteSentAt,
    )

    const code = await Promise.race([
      running.exited,
      new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), 10_000 - (Date.now() - sigtermAt)),
      ),
    ])
    expect(code).toBe(0)
    expect(Date.now() - sigtermAt).toBeLessThan(10_000)
    expect(running.output()).toContain('Detenido')
  }, 30_000)
})
