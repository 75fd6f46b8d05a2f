/**
 * PQR tasks (pqr_tasks): silencio positivo recognition, extension approval… One open task per case and kind (a
 * unique partial index), so opening twice is harmless. Resolving takes the row lock and checks it is still open in
 * the WHERE clause: two people resolving the same task at once get one success and one "already resolved".
 */
import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { pqrTasks, type PqrTask } from '../../db/schema/pqr'

export type PqrTaskKind = PqrTask['kind']

export async function openTask(
  tx: DbOrTx,
  input: { caseId: string; kind: PqrTaskKind; dueAt?: Date | null; payload: Record<string, unknown> },
): Promise<{ taskId: string; created: boolean }> {
  const [row] = await tx
    .insert(pqrTasks)
    .values({ caseId: input.caseId, kind: input.kind, dueAt: input.dueAt ?? null, payload: input.payload })
    .onConflictDoNothing({
      target: [pqrTasks.caseId, pqrTasks.kind],
      where: sql`${pqrTasks.status} = 'open'`,
    })
    .returning({ id: pqrTasks.id })
  if (row) return { taskId: row.id, created: true }
  const [existing] = await tx
    .select({ id: pqrTasks.id })
    .from(pqrTasks)
    .where(and(eq(pqrTasks.caseId, input.caseId), eq(pqrTasks.kind, input.kind), eq(pqrTasks.status, 'open')))
  return { taskId: existing!.id, created: false }
}

/** The open task of that kind, locked for the rest of the transaction; an error when missing or already resolved. */
export async function lockOpenTask(tx: DbOrTx, taskId: string, kind: PqrTaskKind): Promise<Result<PqrTask>> {
  const [task] = await tx
    .select()
    .from(pqrTasks)
    .where(and(eq(pqrTasks.id, taskId), eq(pqrTasks.kind, kind)))
    .for('update')
  if (!task) return fail(new DomainError('pqr/task_not_found', 'No encontramos la tarea.'))
  if (task.status !== 'open')
    return fail(new DomainError('pqr/task_closed', 'Esta tarea ya fue resuelta por otra persona.'))
  return ok(task)
}

export async function closeTask(
  tx: DbOrTx,
  input: {
    taskId: string
    outcome: string
    resolvedBy: string | null
    now: Date
    status?: 'done' | 'cancelled'
  },
): Promise<boolean> {
  const closed = await tx
    .update(pqrTasks)
    .set({
      status: input.status ?? 'done',
      outcome: input.outcome,
      resolvedBy: input.resolvedBy,
      resolvedAt: input.now,
    })
    .where(and(eq(pqrTasks.id, input.taskId), eq(pqrTasks.status, 'open')))
    .returning({ id: pqrTasks.id })
  return closed.length === 1
}

/** Thrown inside a transaction to roll it back with an expected outcome; `runUseCase` turns it into a Result. */
class Rollback extends Error {
  constructor(readonly error: DomainError) {
    super(error.message)
  }
}

export function rollbackWith(error: DomainError): never {
  throw new Rollback(error)
}

/** Runs `fn`; a `rollbackWith(error)` inside it (after the transaction rolled back) becomes `fail(error)`. */
export async function runUseCase<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn())
  } catch (e) {
    if (e instanceof Rollback) return fail(e.error)
    throw e
  }
}
