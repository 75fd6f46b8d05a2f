/**
 * Issue 2 acceptance: a migration failure leaves no half-applied schema. runMigrations applies every pending
 * migration in one transaction, so a broken last statement must leave an empty database behind.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { rows, type Db } from '~/db.server'
import { migrationsFolder, runMigrations } from '../../db/migrate'
import { adminUrl, databaseUrlFor } from '../setup/db-urls'

let emptyDb: Db
let cleanup: () => Promise<void>
let brokenFolder: string

/** A brand-new empty database on the same engine as the rest of the suite. */
async function createEmptyDatabase(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const pg = new PGlite('memory://')
    return { db: drizzlePglite({ client: pg }) as unknown as Db, cleanup: () => pg.close() }
  }
  const name = `vt_migfail_${process.pid}_${Date.now()}`
  const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const client = postgres(databaseUrlFor(serverUrl, name), { max: 1, onnotice: () => {} })
  return {
    db: drizzlePostgres({ client }) as unknown as Db,
    cleanup: async () => {
      await client.end()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}

/** A copy of db/migrations whose last migration ends with a statement that fails. */
function copyWithBrokenLastStatement(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-broken-migrations-'))
  fs.cpSync(migrationsFolder, dir, { recursive: true })
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[]
  }
  const last = journal.entries.at(-1)
  if (!last) throw new Error('db/migrations has no migrations')
  fs.appendFileSync(
    path.join(dir, `${last.tag}.sql`),
    '\n--> statement-breakpoint\ninsert into tabla_que_no_existe (x) values (1);\n',
  )
  return dir
}

async function publicTables(db: Db): Promise<string[]> {
  const result = await rows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  )
  return result.map((r) => r.name)
}

beforeAll(async () => {
  ;({ db: emptyDb, cleanup } = await createEmptyDatabase())
  brokenFolder = copyWithBrokenLastStatement()
}, 60_000)

afterAll(async () => {
  await cleanup()
  fs.rmSync(brokenFolder, { recursive: true, force: true })
})

test('a failing last statement rolls back every table the run created, and the migration log', async () => {
  await expect(runMigrations(emptyDb, brokenFolder)).rejects.toThrow(/tabla_que_no_existe/)
  expect(await publicTables(emptyDb)).toEqual([])
  const log = await rows<{ log: string | null }>(
    emptyDb,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as log`,
  )
  expect(log[0]?.log ?? null).toBeNull()
}, 120_000)

test('the same database then migrates cleanly from the intact folder', async () => {
  const { applied } = await runMigrations(emptyDb)
  expect(applied).toBeGreaterThan(0)
  expect(await publicTables(emptyDb)).toContain('users')
  expect((await runMigrations(emptyDb)).applied).toBe(0)
}, 120_000)
