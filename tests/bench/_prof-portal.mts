import { sql } from 'drizzle-orm'
const { db, rows, closeDb } = await import('../../app/db.server')
const { getInvoiceDetail } = await import('../../app/billing/invoices/queries.server')
const { accountPayment } = await import('../../app/billing/invoices/payable.server')
const [inv] = await rows<{ id: string; account_id: string }>(db, sql`select i.id, i.account_id from invoices i join user_accounts ua on ua.account_id = i.account_id join users u on u.id = ua.user_id join billing_periods p on p.id = i.period_id where u.email like 'suscriptor@%' order by p.starts_on desc limit 1`)
for (let round = 0; round < 3; round++) {
  let t = performance.now()
  for (let i = 0; i < 50; i++) await getInvoiceDetail(db, { accountIds: [inv!.account_id], invoiceId: inv!.id })
  const a = (performance.now() - t) / 50
  t = performance.now()
  for (let i = 0; i < 50; i++) await accountPayment(db, inv!.account_id)
  const b = (performance.now() - t) / 50
  t = performance.now()
  for (let i = 0; i < 50; i++) await rows(db, sql`select 1`)
  const c = (performance.now() - t) / 50
  console.log(`detail ${a.toFixed(1)} ms, payment ${b.toFixed(1)} ms, select 1 ${c.toFixed(2)} ms`)
}
await closeDb()
