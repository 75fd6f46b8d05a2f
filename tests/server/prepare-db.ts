/**
 * Child process of the browser-test setup: migrations, reference data and the demo seed on the database named by
 * the environment (DATABASE_URL or PGLITE_DATA_DIR). Then, because the server will own the database (PGlite allows
 * one process), it writes to E2E_FACTS_FILE what the browser tests compare the pages with.
 * Usage: node --import tsx tests/server/prepare-db.ts <accounts>
 */
import fs from 'node:fs'
import { sql } from 'drizzle-orm'
import { closeDb, db, engine, rows } from '../../app/db.server'
import { runMigrations } from '../../db/migrate'
import { seedDemo } from '../../db/seed/demo'
import { DEMO_LOGINS } from '../../db/seed/users'
import { seedReference } from '../../db/seed/reference'

export type SubscriberFacts = {
  email: string
  accounts: { number: string; address: string; services: string[]; meterSerials: string[] }[]
  otherAccountNumber: string | null
  /** Accounts no user is linked to yet, with what registration asks for (a subscriber's several accounts first). */
  registrationAccounts: { number: string; documentNumber: string; paymentReference: string }[]
}

const accounts = Number(process.argv[2] ?? 5000)
const started = Date.now()
await runMigrations(db)
await seedReference(db)
await seedDemo(db, { accounts, log: (line: string) => console.log(`[e2e seed] ${line}`) })
console.log(
  `[e2e] base de datos lista (${engine().kind}, ${accounts} cuentas) en ${((Date.now() - started) / 1000).toFixed(1)} s`,
)

const factsFile = process.env.E2E_FACTS_FILE
if (factsFile) {
  const email = DEMO_LOGINS.find((l) => l.role === 'subscriber')?.email ?? ''
  const own = await rows<{ number: string; address: string; services: string; serials: string | null }>(
    db,
    sql`select a.number, p.address, array_to_string(a.services, ',') as services,
               (select string_agg(m.serial, ',' order by m.serial) from meters m
                 where m.account_id = a.id and m.is_active) as serials
          from users u
          join user_accounts ua on ua.user_id = u.id
          join accounts a on a.id = ua.account_id
          join premises p on p.id = a.premise_id
         where lower(u.email) = lower(${email})
         order by a.number`,
  )
  const other = await rows<{ number: string }>(
    db,
    sql`select a.number from accounts a
         where not exists (select 1 from user_accounts ua join users u on u.id = ua.user_id
                            where ua.account_id = a.id and lower(u.email) = lower(${email}))
         order by a.number limit 1`,
  )
  const unlinked = await rows<{ number: string; document_number: string; payment_reference: string }>(
    db,
    sql`select a.number, s.document_number,
               (select i.payment_reference from invoices i where i.account_id = a.id and i.status = 'issued'
                 order by i.issue_on desc limit 1) as payment_reference
          from accounts a join subscribers s on s.id = a.subscriber_id
         where not exists (select 1 from user_accounts ua where ua.account_id = a.id)
           and exists (select 1 from invoices i where i.account_id = a.id and i.status = 'issued')
         order by (select count(*) from accounts a2 where a2.subscriber_id = a.subscriber_id) desc, s.id, a.number
         limit 2`,
  )
  const facts: SubscriberFacts = {
    email,
    accounts: own.map((r) => ({
      number: r.number,
      address: r.address,
      services: r.services.split(','),
      meterSerials: r.serials ? r.serials.split(',') : [],
    })),
    otherAccountNumber: other[0]?.number ?? null,
    registrationAccounts: unlinked.map((r) => ({
      number: r.number,
      documentNumber: r.document_number,
      paymentReference: r.payment_reference,
    })),
  }
  fs.writeFileSync(factsFile, JSON.stringify(facts, null, 2))
}
await closeDb()
