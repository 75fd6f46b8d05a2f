/**
 * The one database client. postgres.js when DATABASE_URL is set; PGlite (embedded PostgreSQL) persisted under
 * .data/ otherwise, so a new user needs no server. Both drivers are typed as one PgDatabase over one schema.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { SQL } from 'drizzle-orm'
import postgres from 'postgres'
import * as schema from '../db/schema/index'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export type Engine =
  | { kind: 'postgres'; sql: postgres.Sql; url: URL }
  | { kind: 'pglite'; pg: PGlite; dataDir: string }

type Connection = { db: Db; engine: Engine }

const globalKey = '__ventanillaDb' as const
const store = globalThis as unknown as { [globalKey]?: Connection }

/** Where the embedded database lives when DATABASE_URL is not set. */
export function pgliteDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.resolve('.data/pglite')
}

function connect(): Connection {
  const url = process.env.DATABASE_URL
  if (url) {
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      idle_timeout: 20,
      connect_timeout: 10,
      onnotice: () => {},
      // Set-based billing queries are short and planned often: JIT compilation cost more than it saved (measured).
      connection: { jit: 'off' },
    })
    return { db: drizzlePostgres({ client: sql, schema }) as unknown as Db, engine: { kind: 'postgres', sql, url: new URL(url) } }
  }
  const dataDir = pgliteDataDir()
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const dump = process.env.PGLITE_LOAD_DUMP
  const pg = new PGlite(dataDir, dump ? { loadDataDir: new Blob([fs.readFileSync(dump)]) } : {})
  return { db: drizzlePglite({ client: pg, schema }) as unknown as Db, engine: { kind: 'pglite', pg, dataDir } }
}

function connection(): Connection {
  store[globalKey] ??= connect()
  return store[globalKey]
}

/** The drizzle client. Created on first use from the environment. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = connection().db as unknown as Record<PropertyKey, unknown>
    const value = real[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value
  },
})

export function engine(): Engine {
  return connection().engine
}

/** Runs raw SQL and returns its rows, whichever driver is underneath (postgres.js returns an array, PGlite `{ rows }`). */
export async function rows<T = Record<string, unknown>>(dbOrTx: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await dbOrTx.execute(query)) as unknown
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}

/** Closes the pool (postgres.js) or the embedded engine (PGlite). */
export async function closeDb(): Promise<void> {
  const conn = store[globalKey]
  if (!conn) return
  store[globalKey] = undefined
  if (conn.engine.kind === 'postgres') await conn.engine.sql.end({ timeout: 5 })
  else await conn.engine.pg.close()
}

/**
 * Checks that the database answers. For the server, a failure names host and port so that start-up can stop
 * with one clear line.
 */
export async function checkConnection(): Promise<{ ok: true } | { ok: false; message: string }> {
  const { engine: eng } = connection()
  try {
    if (eng.kind === 'postgres') await eng.sql`select 1`
    else await eng.pg.query('select 1')
    return { ok: true }
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message
    if (eng.kind === 'postgres') {
      const host = eng.url.hostname || 'localhost'
      const port = eng.url.port || '5432'
      return { ok: false, message: `No se pudo conectar a PostgreSQL en ${host}:${port} (${code}). Revise DATABASE_URL.` }
    }
    return { ok: false, message: `No se pudo abrir la base de datos embebida en ${eng.dataDir} (${code}).` }
  }
}
