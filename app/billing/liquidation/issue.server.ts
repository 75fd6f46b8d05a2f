/**
 * Approval and issue of a draft liquidation by a coordinator ('billing:approve'): the run's invoices become issued
 * (immutable from then on; db/migrations/0003_050-issued-invoices-immutable.sql), take their numbers from a sequence, and
 * any credit the accounts hold (overpayments) is allocated to the new charges. Recorded in the audit trail.
 */
import { and, eq, sql } from 'drizzle-orm'
import { rows, type DbOrTx } from '~/db.server'
import { allocateAccounts, withoutJit } from '~/billing/ledger/allocate.server'
import { enqueueInvoiceEmails } from '~/billing/invoices/email-job.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { liquidationRuns } from '../../../db/schema/ledger'

export type IssueInput = { runId: string; actor: TrailActor; requestId?: string | null; ip?: string | null }

export async function issueLiquidation(tx: DbOrTx, input: IssueInput): Promise<Result<{ invoices: number }>> {
  const userId = input.actor.kind === 'user' ? input.actor.userId : null
  const now = new Date()
  await withoutJit(tx)
  const [run] = await tx
    .update(liquidationRuns)
    .set({ status: 'issued', approvedBy: userId, approvedAt: now, issuedBy: userId, issuedAt: now })
    .where(and(eq(liquidationRuns.id, input.runId), sql`${liquidationRuns.status} in ('draft', 'approved')`))
    .returning()
  if (!run) return fail(new DomainError('billing/run_not_draft', 'Solo se puede aprobar una liquidación en borrador, ya terminada.'))
  const issued = await rows<{ id: string }>(
    tx,
    sql`update invoices set status = 'issued', number = nextval('invoice_number_seq'), issued_at = ${now.toISOString()}::timestamptz,
               issued_by = ${userId}::uuid
         where id in (select id from invoices where liquidation_run_id = ${input.runId}::uuid and status = 'draft' order by account_id)
        returning id`,
  )
  const withCredit = await rows<{ account_id: string }>(
    tx,
    sql`select distinct p.account_id from payments p join invoices i on i.account_id = p.account_id
         where i.liquidation_run_id = ${input.runId}::uuid and p.status = 'applied'
           and p.amount > coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0)`,
  )
  await allocateAccounts(tx, withCredit.map((a) => a.account_id))
  // The period is issued once its run is (a zone's run leaves it liquidated until every zone is issued).
  await tx.execute(sql`
    update billing_periods p set status = (case when not exists (
             select 1 from premises pr where pr.cycle_id = p.cycle_id and not exists (
               select 1 from liquidation_runs r where r.period_id = p.id and r.status = 'issued'
                  and (r.zone_id is null or r.zone_id = pr.zone_id)))
           then 'issued' else 'liquidated' end)::period_status
     where p.id = ${run.periodId}::uuid and p.status <> 'closed'`)
  await enqueueInvoiceEmails(tx, input.runId) // electronic invoices to subscribers who consented (app/billing/invoices)
  await recordTrail(tx, {
    entityType: 'liquidation_run',
    entityId: input.runId,
    action: 'liquidation.issued',
    actor: input.actor,
    requestId: input.requestId,
    ip: input.ip,
    summary: { before: { status: 'draft' }, after: { status: 'issued' }, invoices: issued.length, totals: run.totals },
  })
  return ok({ invoices: issued.length })
}
