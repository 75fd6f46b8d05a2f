import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '~/db.server'
import { isValidNit } from '~/utils/documents'
import { accounts } from '../../db/schema/premises'
import { insertAccount, insertSubscriber } from './accounts'

test('insertAccount writes a whole account graph, and two calls never collide on unique columns', async () => {
  const first = await insertAccount(db, { premise: { useClass: 'residential', estrato: 2 } })
  const second = await insertAccount(db, { area: first.area, zone: first.zone, cycle: first.cycle, subscriber: first.subscriber })
  expect(first.premise.estrato).toBe(2)
  expect(second.account.number).not.toBe(first.account.number)
  expect(second.meter.serial).not.toBe(first.meter.serial)
  const owned = await db.select().from(accounts).where(eq(accounts.subscriberId, first.subscriber.id))
  expect(owned).toHaveLength(2)
})

test('a company subscriber gets a NIT with a valid check digit', async () => {
  const company = await insertSubscriber(db, {}, { asCompany: 'industrial' })
  expect(company.kind).toBe('company')
  expect(company.documentType).toBe('NIT')
  expect(isValidNit(company.documentNumber, company.checkDigit ?? '')).toBe(true)
})

test('the database refuses an estrato on a non-residential premise', async () => {
  await expect(insertAccount(db, { premise: { useClass: 'commercial', estrato: 3 } })).rejects.toThrow()
})
