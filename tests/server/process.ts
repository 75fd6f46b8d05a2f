/**
 * Runs server.ts as a real process for the browser tests and the server-process tests: a free port, a fresh
 * database (a PGlite directory, or a new database on the server named by DATABASE_URL), migrations and the demo
 * seed in a separate process (PGlite allows one process at a time), then the server, waiting for /salud.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { adminUrl, databaseUrlFor } from '../setup/db-urls'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A port nobody is using right now: bind port 0, read it, release it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

// Vitest copies import.meta.env into process.env (DEV=1 would make server.ts start Vite's dev middleware), and the
// db harness points its own process at a per-file database: neither belongs to a server started by a test.
const INHERITED_FROM_TEST_RUNNER = [
  'DEV',
  'PROD',
  'SSR',
  'MODE',
  'BASE_URL',
  'TEST',
  'NODE_ENV',
  'PGLITE_LOAD_DUMP',
  'PGLITE_DATA_DIR',
]

/** The parent's environment without what the test runner injects for its own process. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || INHERITED_FROM_TEST_RUNNER.includes(key)) delete env[key]
  }
  delete env.DATABASE_URL
  return env
}

export type TestDatabase = {
  engineLabel: string
  env: Record<string, string>
  drop: () => Promise<void>
}

/**
 * A fresh, empty database: a new database on the server when `serverUrl` is given, else a PGlite directory
 * inside `tmpDir`.
 */
export async function createTestDatabase(tmpDir: string, serverUrl?: string): Promise<TestDatabase> {
  if (serverUrl) {
    const name = `ventanilla_e2e_${Date.now()}_${process.pid}`
    const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const url = databaseUrlFor(serverUrl, name)
    return {
      engineLabel: `PostgreSQL server ${new URL(serverUrl).host}, database ${name}`,
      env: { DATABASE_URL: url },
      drop: async () => {
        const again = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} })
        await again.unsafe(`drop database if exists ${name} with (force)`)
        await again.end()
      },
    }
  }
  const dataDir = path.join(tmpDir, 'pglite')
  return {
    engineLabel: `PGlite (embedded) in ${dataDir}`,
    env: { PGLITE_DATA_DIR: dataDir },
    drop: async () => {},
  }
}

/**
 * Migrations, reference data and the demo seed (`accounts` accounts) on the database named by `dbEnv`; with
 * `factsFile`, also writes there the demo subscriber's accounts as the database has them (see prepare-db.ts).
 */
export async function prepareDatabase(
  dbEnv: Record<string, string>,
  accounts: number,
  factsFile?: string,
): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/prepare-db.ts', String(accounts)], {
    cwd: repoRoot,
    env: { ...cleanEnv(), ...dbEnv, ...(factsFile ? { E2E_FACTS_FILE: factsFile } : {}) },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`La preparación de la base de datos falló (código ${code})`)
}

export type RunningServer = {
  proc: ChildProcess
  port: number
  baseUrl: string
  output: () => string
  exited: Promise<number | null>
  /** SIGTERM, then the exit code (null if it had to be killed after `limitMs`). */
  stop: (limitMs?: number) => Promise<number | null>
}

type StartOptions = { env: Record<string, string>; tmpDir: string; args?: string[]; readyTimeoutMs?: number }

/**
 * Starts `node --import tsx server.ts` in production mode and resolves once it has said it listens on its port and
 * /salud answers 200. server.ts binds only after migrating, so another process may take the free port meanwhile:
 * then it exits with EADDRINUSE and is started again on another port.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(opts, await freePort())
    } catch (error) {
      if (attempt >= 3 || !String((error as Error).message).includes('EADDRINUSE')) throw error
    }
  }
}

async function startServerOnce(opts: StartOptions, port: number): Promise<RunningServer> {
  const logFile = path.join(opts.tmpDir, `server-${port}.log`)
  const log = fs.createWriteStream(logFile)
  let text = ''
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server.ts', ...(opts.args ?? [])], {
    cwd: repoRoot,
    env: {
      ...cleanEnv(),
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      MAIL_DIR: path.join(opts.tmpDir, 'mail'),
      HOST: '127.0.0.1',
      PORT: String(port),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [proc.stdout, proc.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      log.write(chunk)
    })
  }
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  const baseUrl = `http://127.0.0.1:${port}`
  const server: RunningServer = {
    proc,
    port,
    baseUrl,
    output: () => text,
    exited,
    stop: async (limitMs = 10_000) => {
      if (proc.exitCode !== null) return proc.exitCode
      proc.kill('SIGTERM')
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), limitMs).unref())
      const result = await Promise.race([exited, timer])
      if (result === 'timeout') {
        proc.kill('SIGKILL')
        await exited
        return null
      }
      return result
    },
  }
  await waitForHealth(server, opts.readyTimeoutMs ?? 120_000)
  return server
}

async function waitForHealth(server: RunningServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let gone = false
  void server.exited.then(() => (gone = true))
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server.ts terminó antes de estar listo:\n${server.output().slice(-3000)}`)
    // The log line first: until it appears, whatever answers on this port is not our server.
    if (server.output().includes(`escuchando en http://localhost:${server.port}`)) {
      try {
        const res = await fetch(`${server.baseUrl}/salud`)
        if (res.ok) return
      } catch {
        // not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await server.stop(2000)
  throw new Error(`server.ts no respondió /salud en ${timeoutMs / 1000} s:\n${server.output().slice(-3000)}`)
}
