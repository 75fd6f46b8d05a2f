/**
 * Vitest globalSetup for the `db` project: prepares one migrated database with reference data, which every test
 * file then copies. On PGlite: boot + migrate + seed once, dump the data dir to a temp file; each file loads it.
 * On the server (DATABASE_URL): a template database; each file creates its own database from it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { adminUrl, databaseUrlFor } from './db-urls'

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const { default: postgres } = await import('postgres')
    const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} })
    const template = `vt_tpl_${process.pid}`
    await admin.unsafe(`drop database if exists ${template}`)
    await admin.unsafe(`create database ${template}`)
    process.env.DATABASE_URL = databaseUrlFor(serverUrl, template)
    await prepare()
    await admin.unsafe(`update pg_database set datallowconn = true where datname = '${template}'`)
    console.log(`[db tests] engine: PostgreSQL server ${new URL(serverUrl).host}, template database ${template}`)
    project.provide('dbTemplate', template)
    project.provide('dbServerUrl', serverUrl)
    process.env.DATABASE_URL = serverUrl
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`)
      await admin.end()
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-pglite-'))
  process.env.PGLITE_DATA_DIR = 'memory://'
  const { engine } = await prepare()
  const pg = engine.kind === 'pglite' ? engine.pg : undefined
  if (!pg) throw new Error('expected PGlite')
  const dump = await pg.dumpDataDir('none')
  const file = path.join(dir, 'migrated.tar')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  console.log('[db tests] engine: PGlite (embedded); tests that need concurrent connections are skipped')
  project.provide('dbTemplate', '')
  project.provide('dbServerUrl', '')
  project.provide('pgliteDump', file)
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function prepare() {
  const dbModule = await import('../../app/db.server')
  const { runMigrations } = await import('../../db/migrate')
  const { seedReference } = await import('../../db/seed/reference')
  await runMigrations(dbModule.db)
  await seedReference(dbModule.db)
  const engine = dbModule.engine()
  if (engine.kind === 'postgres') await dbModule.closeDb()
  return { engine }
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string
    dbServerUrl: string
    pgliteDump: string
  }
}
