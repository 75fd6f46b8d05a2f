/**
 * Writes a prepared batch in one transaction with COPY … FROM STDIN on both engines (postgres.js streams the text
 * into `copy … from stdin`; PGlite reads it from a Blob through /dev/blob): invoices, then ledger entries, then lines,
 * then the pending other charges the batch billed.
 *
 * Foreign keys. PostgreSQL checks each inserted row with a trigger (one index probe and one row lock per reference):
 * about 3.5 million for a 100,000-account cycle (~8 lines each), about 60 % of the COPY time measured. When the
 * database role may set session_replication_role (a superuser, or `GRANT SET ON PARAMETER session_replication_role`
 * since PostgreSQL 15), the COPYs run with those triggers off and the batch does what they would have done,
 * set-based: it locks every referenced account, the period and the run FOR KEY SHARE (so none can be deleted or
 * re-keyed until commit) and checks they exist; the invoice and entry ids the rows point at are made in the same
 * batch. Only the three COPYs run that way (these tables have no other insert triggers); without the privilege the
 * triggers run (RunOptions.setBasedChecks forces either way).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { engine, type Db } from '~/db.server'
import { maySkipRowTriggers } from '../row-triggers.server'
import { ENTRY_COLUMNS, INVOICE_COLUMNS, LINE_COLUMNS, type PreparedBatch, type RunContext } from './batch.server'

type WriteSession = {
  exec: (query: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>
  copyIn: (target: string, text: string) => Promise<void>
}

export type BatchWriter = {
  /** Whether the caller may read and compute the next batch while this one is written (a second connection). */
  pipelined: boolean
  /** Whether foreign keys are checked set-based per batch instead of by a trigger per row (see above). */
  setBased: boolean
  write: (batch: PreparedBatch) => Promise<void>
}

function withSession<T>(fn: (s: WriteSession) => Promise<T>): Promise<T> {
  const eng = engine()
  if (eng.kind === 'postgres') {
    return eng.sql.begin(async (t) => {
      // A batch lost in a crash is written again by re-running the draft; the run's final status update is a
      // synchronous commit, which makes every batch before it durable.
      await t.unsafe('set local synchronous_commit = off')
      return fn({
        exec: (query, params) => t.unsafe(query, (params ?? []) as never[]) as unknown as Promise<Array<Record<string, unknown>>>,
        copyIn: async (target, text) => pipeline(Readable.from([text]), await t.unsafe(`copy ${target} from stdin`).writable()),
      })
    }) as Promise<T>
  }
  return eng.pg.transaction((tx) =>
    fn({
      exec: async (query, params) => (await tx.query<Record<string, unknown>>(query, params)).rows,
      copyIn: async (target, text) => {
        await tx.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) })
      },
    }),
  )
}

async function lockReferences(s: WriteSession, ctx: RunContext, batch: PreparedBatch): Promise<void> {
  const [found] = await s.exec(
    `select (select count(*) from (select 1 from accounts where id = any($1::text::uuid[]) for key share) a)::int as accounts,
            (select count(*) from (select 1 from billing_periods where id = $2::uuid for key share) p)::int as periods,
            (select count(*) from (select 1 from liquidation_runs where id = $3::uuid for key share) r)::int as runs`,
    [`{${batch.accountIds.join(',')}}`, ctx.periodId, ctx.runId],
  )
  if (Number(found?.accounts) !== batch.accountIds.length || Number(found?.periods) !== 1 || Number(found?.runs) !== 1)
    throw new Error('liquidation batch: a referenced account, period or run no longer exists')
}

async function markBilled(s: WriteSession, billed: PreparedBatch['billedCharges']): Promise<void> {
  if (billed.length === 0) return
  const updated = await s.exec(
    `update pending_charges p set status = 'billed', invoice_id = x.invoice_id
       from unnest($1::text::uuid[], $2::text::uuid[]) as x(id, invoice_id)
      where p.id = x.id and p.status = 'pending' returning p.id`,
    [`{${billed.map((b) => b[0]).join(',')}}`, `{${billed.map((b) => b[1]).join(',')}}`],
  )
  // Cancelled between the read and this write: the batch fails rather than bill a cancelled charge.
  if (updated.length !== billed.length) throw new Error('liquidation batch: a pending charge changed while it was being billed')
}

export async function openWriter(db: Db, ctx: RunContext, opts: { setBased?: boolean } = {}): Promise<BatchWriter> {
  const setBased = opts.setBased ?? (await maySkipRowTriggers(db))
  return {
    pipelined: engine().kind === 'postgres',
    setBased,
    write: (batch) =>
      withSession(async (s) => {
        if (setBased) {
          await lockReferences(s, ctx, batch)
          await s.exec('set local session_replication_role = replica')
        }
        await s.copyIn(`invoices (${INVOICE_COLUMNS})`, batch.invoices)
        await s.copyIn(`ledger_entries (${ENTRY_COLUMNS})`, batch.entries)
        await s.copyIn(`invoice_lines (${LINE_COLUMNS})`, batch.lines)
        if (setBased) await s.exec('set local session_replication_role = origin')
        await markBilled(s, batch.billedCharges)
      }),
  }
}
