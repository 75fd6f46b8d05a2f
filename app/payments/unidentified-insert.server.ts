/**
 * Adds lines of a bank file to pagos por identificar, once per (file, line): a retried import adds nothing twice.
 * Written in chunks so a file full of unknown references stays a few statements.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'

export type UnidentifiedLine = { line: number; rawReference: string; amount: string; channel: string; reason: string }

const CHUNK = 5000

export async function insertUnidentified(tx: DbOrTx, input: { fileId: string; paidOn: string; lines: UnidentifiedLine[] }): Promise<void> {
  for (let i = 0; i < input.lines.length; i += CHUNK) {
    const chunk = input.lines.slice(i, i + CHUNK).map((l) => ({ line: l.line, reference: l.rawReference, amount: l.amount, channel: l.channel, reason: l.reason }))
    await tx.execute(
      sql`insert into unidentified_payments (bank_file_id, line_no, reference_raw, amount, paid_on, channel_raw, reason)
          select ${input.fileId}::uuid, x.line, x.reference, x.amount, ${input.paidOn}::date, x.channel, x.reason
            from json_to_recordset(${JSON.stringify(chunk)}::json) as x(line int, reference text, amount numeric, channel text, reason text)
          on conflict do nothing`,
    )
  }
}
