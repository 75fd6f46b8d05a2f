import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, engine } from '~/db.server'
import { loader } from './salud'

test('/salud answers 200 with the engine when the database is migrated', async () => {
  const response = await loader()
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ status: 'ok', database: engine().kind })
})

test('/salud answers 503 in Spanish when a migration is missing', async () => {
  await db.execute(sql`delete from drizzle.__drizzle_migrations`)
  const response = await loader()
  expect(response.status).toBe(503)
  expect(await response.json()).toMatchObject({ status: 'error', message: expect.stringMatching(/migraciones/) })
})
