/**
 * Matching the lines of a bank file: payment references to the accounts of issued invoices, and lines that repeat a
 * payment the gateway already reported (same reference and amount, paid within the settings' window of days).
 */
import { sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'

/**
 * Account of each reference that belongs to an issued invoice. `lanes` > 1 splits the lookup over that many
 * connections of the pool (a 100,000-line file probes the invoices' reference index 100,000 times; pass the pool, not
 * a transaction, whose one connection would run the parts one after another).
 */
export async function accountsByReference(db: DbOrTx, references: string[], lanes = 1): Promise<Map<string, string>> {
  const unique = [...new Set(references)]
  if (unique.length === 0) return new Map()
  const size = Math.ceil(unique.length / Math.max(1, lanes))
  const parts = await Promise.all(
    Array.from({ length: Math.ceil(unique.length / size) }, (_, k) =>
      rows<{ reference: string; account_id: string }>(
        db,
        sql`select i.payment_reference as reference, i.account_id
              from invoices i
             where i.payment_reference = any(string_to_array(${unique.slice(k * size, (k + 1) * size).join(',')}, ','))
               and i.status = 'issued'`,
      ),
    ),
  )
  return new Map(parts.flat().map((r) => [r.reference, r.account_id]))
}

export type MatchCandidate = { line: number; reference: string; amount: string }

/**
 * Records which lines of the file repeat a gateway payment and returns every match of the file (line → payment id),
 * including those of an earlier attempt of the same job. Lines and gateway payments are paired one to one within
 * each (reference, amount), in line order and payment order, so a second real payment is still applied.
 */
export async function recogniseGatewayPayments(
  tx: DbOrTx,
  input: { fileId: string; collectionDate: string; windowDays: number; candidates: MatchCandidate[] },
): Promise<Map<number, string>> {
  if (input.candidates.length > 0) {
    await tx.execute(
      sql`with line as (
            select * from json_to_recordset(${JSON.stringify(input.candidates)}::json) as x(line int, reference text, amount numeric)),
          l as (
            select line, reference, amount, row_number() over (partition by reference, amount order by line) as rn
              from line
             where not exists (select 1 from bank_file_matches m where m.bank_file_id = ${input.fileId}::uuid and m.line_no = line.line)),
          -- Driven by the gateway payments of the window (payments_gateway_paid_idx), a few per cent of a file's
          -- lines, then one hash join: probing the reference index once per line took 0.7 s for 100,000 lines.
          g as (
            select p.id, p.reference, p.amount,
                   row_number() over (partition by p.reference, p.amount order by p.paid_on, p.created_at, p.id) as rn
              from payments p
             where p.channel = 'gateway' and p.status = 'applied' and p.reference is not null
               and p.paid_on between ${input.collectionDate}::date - ${input.windowDays}::int
                                 and ${input.collectionDate}::date + ${input.windowDays}::int
               and not exists (select 1 from bank_file_matches m where m.payment_id = p.id))
          insert into bank_file_matches (bank_file_id, line_no, payment_id)
          select ${input.fileId}::uuid, l.line, g.id
            from l join g on g.reference = l.reference and g.amount = l.amount and g.rn = l.rn
          on conflict do nothing`,
    )
  }
  const found = await rows<{ line_no: number; payment_id: string }>(
    tx,
    sql`select line_no, payment_id from bank_file_matches where bank_file_id = ${input.fileId}::uuid`,
  )
  return new Map(found.map((r) => [Number(r.line_no), r.payment_id]))
}
