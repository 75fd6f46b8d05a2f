/**
 * Read models of the task pages: legal's silencio recognition tasks and the coordinator's extension approvals, with
 * the case they belong to. Staff with an area scope see only their área's cases (another área's task is not found).
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '~/db.server'
import { users } from '../../db/schema/auth'
import { serviceAreas } from '../../db/schema/areas'
import { invoices } from '../../db/schema/ledger'
import { pqrCaseInvoices, pqrCases, pqrTasks, pqrTypes } from '../../db/schema/pqr'
import { STATE_LABELS } from './status'
import type { PqrTaskKind } from './tasks.server'

export type TaskScope = { areaId: string | null }

const inScope = (scope: TaskScope): SQL | undefined =>
  scope.areaId ? eq(pqrCases.areaId, scope.areaId) : undefined

const taskColumns = {
  id: pqrTasks.id,
  status: pqrTasks.status,
  outcome: pqrTasks.outcome,
  dueAt: pqrTasks.dueAt,
  payload: pqrTasks.payload,
  createdAt: pqrTasks.createdAt,
  resolvedAt: pqrTasks.resolvedAt,
  resolvedByName: users.fullName,
  caseId: pqrCases.id,
  radicado: pqrCases.radicado,
  subject: pqrCases.subject,
  state: pqrCases.state,
  caseDueOn: pqrCases.dueOn,
  filedOn: pqrCases.filedOn,
  filerName: pqrCases.filerName,
  typeName: pqrTypes.name,
  areaName: serviceAreas.name,
}

function baseQuery(db: DbOrTx) {
  return db
    .select(taskColumns)
    .from(pqrTasks)
    .innerJoin(pqrCases, eq(pqrCases.id, pqrTasks.caseId))
    .innerJoin(pqrTypes, eq(pqrTypes.code, pqrCases.typeCode))
    .leftJoin(serviceAreas, eq(serviceAreas.id, pqrCases.areaId))
    .leftJoin(users, eq(users.id, pqrTasks.resolvedBy))
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>['rows'][number]

/** Open tasks first by due time (then creation), or resolved ones most recent first; paginated. */
export async function listTasks(
  db: DbOrTx,
  kind: PqrTaskKind,
  opts: { status: 'open' | 'resolved'; scope: TaskScope; limit: number; offset: number },
) {
  const isOpen = opts.status === 'open'
  const where = and(
    eq(pqrTasks.kind, kind),
    isOpen ? eq(pqrTasks.status, 'open') : sql`${pqrTasks.status} <> 'open'`,
    inScope(opts.scope),
  )
  const [list, [count]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(
        ...(isOpen
          ? [sql`${pqrTasks.dueAt} asc nulls last`, asc(pqrTasks.createdAt)]
          : [desc(pqrTasks.resolvedAt)]),
      )
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(pqrTasks)
      .innerJoin(pqrCases, eq(pqrCases.id, pqrTasks.caseId))
      .where(where),
  ])
  return { rows: list, total: Number(count?.n ?? 0) }
}

/** One task of that kind with its case and the invoices under claim; null when missing or outside the scope. */
export async function getTask(db: DbOrTx, kind: PqrTaskKind, taskId: string, scope: TaskScope) {
  const [task] = await baseQuery(db).where(
    and(eq(pqrTasks.id, taskId), eq(pqrTasks.kind, kind), inScope(scope)),
  )
  if (!task) return null
  const claimed = await db
    .select({
      invoiceId: pqrCaseInvoices.invoiceId,
      disputedAmount: pqrCaseInvoices.disputedAmount,
      issueOn: invoices.issueOn,
      periodId: invoices.periodId,
    })
    .from(pqrCaseInvoices)
    .innerJoin(invoices, eq(invoices.id, pqrCaseInvoices.invoiceId))
    .where(eq(pqrCaseInvoices.caseId, task.caseId))
  return { ...task, claimed }
}

const TaskIdSchema = z.uuid()

/** A task page's task from its URL id; null when the id is malformed, missing, of another kind or outside the scope. */
export async function findTask(db: DbOrTx, kind: PqrTaskKind, taskId: string | undefined, scope: TaskScope) {
  const parsed = TaskIdSchema.safeParse(taskId)
  return parsed.success ? getTask(db, kind, parsed.data, scope) : null
}

/** The display-ready fields every task page shows, with the outcome in words. */
export function taskSummary(
  task: NonNullable<Awaited<ReturnType<typeof getTask>>>,
  outcomeLabels: Record<string, string>,
) {
  return {
    id: task.id,
    status: task.status,
    outcome: task.outcome ? (outcomeLabels[task.outcome] ?? task.outcome) : null,
    resolvedByName: task.resolvedByName,
    resolvedAt: task.resolvedAt?.toISOString() ?? null,
    caseId: task.caseId,
    radicado: task.radicado,
    subject: task.subject,
    stateLabel: STATE_LABELS[task.state],
  }
}

/** The case facts the extension form shows, within the scope; null when missing. */
export async function getCaseForExtension(db: DbOrTx, caseId: string, scope: TaskScope) {
  const [c] = await db
    .select({
      id: pqrCases.id,
      radicado: pqrCases.radicado,
      subject: pqrCases.subject,
      state: pqrCases.state,
      dueOn: pqrCases.dueOn,
      filedOn: pqrCases.filedOn,
      filerEmail: pqrCases.filerEmail,
      // Written out: inside a select list drizzle renders a column unqualified, which the subquery would rebind.
      hasExtension: sql<boolean>`exists (select 1 from pqr_events e where e.case_id = pqr_cases.id and e.kind = 'extension_granted')`,
      pendingTaskId: sql<
        string | null
      >`(select t.id from pqr_tasks t where t.case_id = pqr_cases.id and t.kind = 'extension_approval' and t.status = 'open')`,
    })
    .from(pqrCases)
    .where(and(eq(pqrCases.id, caseId), inScope(scope)))
  return c ?? null
}
