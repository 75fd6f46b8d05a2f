/**
 * Runs before each `db` test file, before the file imports anything: points app/db.server at a fresh copy of the
 * migrated database (a PGlite loaded from the dump, or a new database cloned from the template on the server).
 */
import { afterAll, inject } from 'vitest'
import { adminUrl, databaseUrlFor } from './db-urls'

const template = inject('dbTemplate')
const serverUrl = inject('dbServerUrl')

if (serverUrl) {
  const { default: postgres } = await import('postgres')
  const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} })
  const name = `vt_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await admin.unsafe(`create database ${name} template ${template}`)
  process.env.DATABASE_URL = databaseUrlFor(serverUrl, name)
  afterAll(async () => {
    const { closeDb } = await import('../../app/db.server')
    await closeDb()
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  })
} else {
  delete process.env.DATABASE_URL
  process.env.PGLITE_DATA_DIR = 'memory://'
  process.env.PGLITE_LOAD_DUMP = inject('pgliteDump')
  afterAll(async () => {
    const { closeDb } = await import('../../app/db.server')
    await closeDb()
  })
}
