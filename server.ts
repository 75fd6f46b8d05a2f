/**
 * Ventanilla's Node server: checks the database, applies migrations, seeds an empty embedded database with the demo
 * data, starts the job worker in-process (unless --role says otherwise), serves the Remix build, and on SIGTERM
 * stops accepting, drains, stops the worker and closes the pool within 10 s.
 *
 *   node --import tsx server.ts                 web + worker (default)
 *   node --import tsx server.ts --role=web      web only        (several instances behind a balancer)
 *   node --import tsx server.ts --role=worker   worker only
 *   DEV=1 node --import tsx server.ts           Vite dev middleware instead of the build
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { checkConnection, closeDb, db, engine } from './app/db.server'
import { startWorker } from './app/jobs/worker.server'
import { trustedProxyHeaderFromEnv } from './app/security/client-ip'
import { clientIpOf, csrfProtection, securityHeaders } from './app/security/middleware.server'
import { runMigrations } from './db/migrate'
import { seedDemoIfEmpty } from './db/seed/demo'

const root = path.dirname(fileURLToPath(import.meta.url))
const roleArg =
  process.argv.find((a) => a.startsWith('--role='))?.split('=')[1] ?? process.env.PROCESS_ROLE ?? 'all'
if (!['all', 'web', 'worker'].includes(roleArg)) {
  console.error(`Rol de proceso desconocido: ${roleArg} (use all, web o worker)`)
  process.exit(2)
}
const runsWeb = roleArg !== 'worker'
const runsWorker = roleArg !== 'web' && process.env.DISABLE_WORKER !== '1'
const isDev = process.env.DEV === '1'
const SHUTDOWN_LIMIT_MS = 10_000

const check = await checkConnection()
if (!check.ok) {
  console.error(check.message)
  process.exit(1)
}
const eng = engine()
console.log(
  eng.kind === 'postgres'
    ? `Base de datos: PostgreSQL en ${eng.url.hostname}:${eng.url.port || '5432'}${eng.url.pathname}`
    : `Base de datos: PostgreSQL embebido (PGlite) en ${eng.dataDir}`,
)

try {
  const { applied } = await runMigrations(db)
  if (applied > 0) console.log(`Migraciones aplicadas: ${applied}`)
} catch (error) {
  console.error(`Las migraciones fallaron y no se aplicó ninguna: ${(error as Error).message}`)
  process.exit(1)
}

if (eng.kind === 'pglite' || process.env.SEED_DEMO === '1') {
  // The whole demo, billing history included, before listening: on the embedded engine the history shares the
  // process and its one connection (about 8 minutes for 5,000 accounts on 2 cores; DEMO_ACCOUNTS makes it smaller).
  await seedDemoIfEmpty(db, {
    log: (line) => console.log(line),
    accounts: process.env.DEMO_ACCOUNTS ? Number(process.env.DEMO_ACCOUNTS) : undefined,
  })
}

// Listen first: on the embedded engine a long job shares the process, and the page must answer meanwhile.
let server: http.Server | undefined
if (runsWeb) server = await startWeb()

// PGlite is one connection: two jobs' transactions must not interleave on it.
const worker = runsWorker ? startWorker({ concurrency: eng.kind === 'pglite' ? 1 : 2 }) : undefined
if (worker) console.log('Trabajador de tareas iniciado')

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: deteniendo…`)
  const force = setTimeout(() => {
    console.error('El cierre tardó más de 10 s; se fuerza la salida')
    process.exit(1)
  }, SHUTDOWN_LIMIT_MS)
  force.unref()
  if (server) {
    const closed = new Promise<void>((resolve) => server!.close(() => resolve()))
    server.closeIdleConnections()
    await closed
  }
  await worker?.stop()
  await closeDb()
  clearTimeout(force)
  console.log('Detenido')
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

async function startWeb(): Promise<http.Server> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', false) // the client IP comes from TRUSTED_PROXY_HEADER only (app/security/client-ip.ts)
  const trustedProxyHeader = trustedProxyHeaderFromEnv()
  app.use(compression())
  app.use((req, res, next) => {
    const requestId = crypto.randomUUID()
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)
    next()
  })
  app.use(securityHeaders())
  app.use(csrfProtection({ appOrigin: process.env.APP_ORIGIN ?? null }))

  let build: ServerBuild | (() => Promise<ServerBuild>)
  if (isDev) {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    app.use(vite.middlewares)
    build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  } else {
    const serverBuild = path.join(root, 'build/server/index.js')
    if (!fs.existsSync(serverBuild)) {
      console.error('No existe build/server/index.js: ejecute primero `npm run build`.')
      process.exit(1)
    }
    app.use(
      '/assets',
      express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }),
    )
    app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
    build = (await import(serverBuild)) as ServerBuild
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: isDev ? 'development' : 'production',
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId as string,
        ip: clientIpOf(req, trustedProxyHeader),
      }),
    }),
  )

  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '0.0.0.0'
  const httpServer = http.createServer(app)
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve))
  const address = httpServer.address()
  const shown = typeof address === 'object' && address ? address.port : port
  console.log(`Ventanilla escuchando en http://localhost:${shown}`)
  return httpServer
}
