/**
 * Bank-file import benchmark (issue 5, 8b) on the PostgreSQL server:
 *   DATABASE_URL=postgres://… npm run bench:bank-import -- [--accounts 100000] [--payments 100000] [--batch 10000]
 *     [--explain] [--keep] [--from <seeded database>]
 * Creates its own database, seeds the accounts with 12 months of issued invoices (the demo seed through the billing
 * engine, not timed), writes an Asobancaria 2001 file of `payments` lines (lotes of 10,000; 0.5 % unknown references,
 * 0.5 % payments the gateway had already reported), uploads it and runs the real import job ('payments.bank_file_import'
 * through the worker's drainJobs). Prints wall time, payments/s, peak RSS and the job's phases. Target: < 15 s for
 * 100,000 payments. --explain prints EXPLAIN ANALYZE of the allocation statement for one batch (rolled back).
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    payments: { type: 'string' },
    batch: { type: 'string' },
    explain: { type: 'boolean' },
    keep: { type: 'boolean' },
    from: { type: 'string' },
  },
})
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const accounts = Number(values.accounts ?? 100_000)
const paymentCount = Number(values.payments ?? accounts)
if (values.batch) process.env.BANK_IMPORT_BATCH_SIZE = values.batch
const name = `vt_bench_bank_${process.pid}`
const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} })
// --from <database>: start from a copy of an already seeded database (e.g. one kept by `bench:invoice-page --keep`,
// or made with tests/server/prepare-db.ts), so the long seed with 12 months of history is paid once.
if (values.from) await admin.unsafe(`create database ${name} template ${values.from}`)
else await admin.unsafe(`create database ${name}`)
process.env.DATABASE_URL = withDatabase(serverUrl, name)

const { db, rows, closeDb } = await import('../../app/db.server')
const { runMigrations } = await import('../../db/migrate')
const { seedDemo } = await import('../../db/seed/demo')
const { sql } = await import('drizzle-orm')
const { postPaymentsBulk } = await import('../../app/billing/ledger/post-payment.server')
const { allocationSql } = await import('../../app/billing/ledger/allocate.server')
const { makePaymentReference } = await import('../../app/billing/payment-reference')
const { buildAsobancaria2001 } = await import('../../app/payments/asobancaria-writer')
const { uploadBankFile } = await import('../../app/payments/bank-upload.server')
const { DEFAULT_BATCH_SIZE } = await import('../../app/payments/bank-import.server')
const { drainJobs } = await import('../../app/jobs/worker.server')
const { todayInBogota } = await import('../../app/utils/format')
await import('../../app/jobs/handlers.server')
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1)

try {
  await runMigrations(db)
  let t = performance.now()
  if (!values.from) await seedDemo(db, { accounts, log: () => {} })
  await db.execute(sql`analyze`)
  const [seeded] = await rows<{ n: number }>(db, sql`select count(*)::int as n from accounts`)
  console.log(`Semilla: ${seeded!.n} cuentas con su historia de facturación en ${seconds(t)} s (no cronometrada${values.from ? `, copia de ${values.from}` : ''})`)

  t = performance.now()
  const today = todayInBogota()
  const invoices = await rows<{ account_id: string; payment_reference: string; amount: string }>(
    db,
    sql`select account_id, payment_reference, greatest(total_to_pay, 1000)::numeric(14,2)::text as amount
          from (select account_id, payment_reference, total_to_pay,
                       row_number() over (partition by account_id order by issue_on desc) as k
                  from invoices where status = 'issued') x
         order by k, account_id limit ${paymentCount}`,
  )
  const lines = invoices.map((inv, i) => ({
    reference: i % 200 === 7 ? makePaymentReference(9_000_000_000n + BigInt(i)) : inv.payment_reference,
    amount: inv.amount,
    procedencia: i % 3 === 0 ? '03' : '01',
    medio: i % 3 === 0 ? '15' : '01',
  }))
  // 0.5 % were paid online first: the gateway reported them the day before (not timed).
  const gateway = invoices.filter((_, i) => i % 200 === 11).map((inv, i) => ({ accountId: inv.account_id, amount: inv.amount, paidOn: today, channel: 'gateway' as const, externalRef: `bench-${i}`, reference: inv.payment_reference }))
  await db.transaction((tx) => postPaymentsBulk(tx, gateway))
  const lotes = []
  for (let i = 0; i < lines.length; i += 10_000) lotes.push({ serviceCode: '7709998001013', payments: lines.slice(i, i + 10_000) })
  const content = buildAsobancaria2001({
    header: { nit: '9004567894', collectionDate: today, bankCode: '007', account: '00000012345678901', generatedOn: today, generatedAt: '06:30', modifier: 'A', accountType: '01' },
    lotes,
  })
  const [staff] = await rows<{ id: string }>(db, sql`select id from users where role = 'collections' limit 1`)
  console.log(`Archivo Asobancaria: ${lines.length} pagos en ${lotes.length} lotes, ${mib(content.length)}, escrito en ${seconds(t)} s (no cronometrado)`)
  if (values.explain) await explainAllocation(invoices.slice(0, Number(values.batch ?? DEFAULT_BATCH_SIZE)))

  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  t = performance.now()
  const uploaded = await uploadBankFile(db, { fileName: 'bench.txt', content, userId: staff!.id })
  if (!uploaded.ok) throw uploaded.error
  const uploadSeconds = (performance.now() - t) / 1000
  await drainJobs({ db })
  const wall = (performance.now() - t) / 1000
  clearInterval(sampler)
  const [job] = await rows<{ status: string; result: { applied: number; duplicates: number; unidentified: number; rejected: number; ms: Record<string, number> } | null; last_error: string | null }>(
    db,
    sql`select status, result, last_error from jobs where id = ${uploaded.value.jobId}::uuid`,
  )
  if (job?.status !== 'succeeded') throw new Error(`la tarea terminó en ${job?.status}: ${job?.last_error}`)
  const r = job.result!
  const [allocations] = await rows<{ n: number }>(db, sql`select count(*)::int as n from payment_allocations a join payments p on p.id = a.payment_id where p.channel = 'bank_file' and p.external_ref like ${uploaded.value.fileId + ':%'}`)
  console.log(`\nImportación de ${lines.length} pagos (Asobancaria 2001) en PostgreSQL (${new URL(serverUrl).host}), lotes de ${process.env.BANK_IMPORT_BATCH_SIZE ?? DEFAULT_BATCH_SIZE} pagos por transacción`)
  console.log(`  tiempo total:      ${wall.toFixed(2)} s  (meta < 15 s), de ellos carga del archivo ${uploadSeconds.toFixed(2)} s`)
  console.log(`  pagos por segundo: ${Math.round(lines.length / wall)}`)
  console.log(`  resultado:         aplicados ${r.applied}, ya recibidos por la pasarela ${r.duplicates}, por identificar ${r.unidentified}, rechazados ${r.rejected}; ${allocations!.n} asignaciones a cargos`)
  console.log(`  fases (s):         ${Object.entries(r.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ')}`)
  console.log(`  carga de la máquina: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`  memoria máxima durante la importación: ${mib(peakRss)}; maxRSS del proceso: ${mib(process.resourceUsage().maxRSS * 1024)}`)
} finally {
  await closeDb()
  if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`)
  else console.log(`Base de datos conservada: ${name}`)
  await admin.end()
}

/** EXPLAIN ANALYZE of the allocation statement for one batch of new payments (it writes them too), rolled back. */
async function explainAllocation(batch: Array<{ account_id: string; amount: string }>) {
  const { orderedUuid } = await import('../../app/billing/liquidation/ids')
  const rollback = new Error('rollback')
  const newPayments = batch.map((b, i) => ({ i, id: orderedUuid(), account_id: b.account_id, amount: b.amount, paid_on: todayInBogota(), channel: 'counter', external_ref: null, reference: null, description: 'Pago recibido' }))
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`)
      const plan = await rows<{ 'QUERY PLAN': string }>(tx, sql`explain (analyze, buffers) ${allocationSql(batch.map((b) => b.account_id), { rows: newPayments, createdBy: null })}`)
      console.log(`\nPlan de la asignación de ${batch.length} pagos:\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n`)
      throw rollback
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error
    })
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
