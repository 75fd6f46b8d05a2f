/** Read models of the queue for the staff pages: a paginated list and one job's progress (polled while it runs). */
import { desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { jobs } from '../../db/schema/system'
import { pageWindow } from '~/utils/pagination'

export type JobView = {
  id: string
  kind: string
  status: string
  attempts: number
  maxAttempts: number
  progressDone: number | null
  progressTotal: number | null
  progressMessage: string | null
  lastError: string | null
  runAt: string
  createdAt: string
  finishedAt: string | null
}

const columns = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  progressDone: jobs.progressDone,
  progressTotal: jobs.progressTotal,
  progressMessage: jobs.progressMessage,
  lastError: jobs.lastError,
  runAt: jobs.runAt,
  createdAt: jobs.createdAt,
  finishedAt: jobs.finishedAt,
}

type Selected = { [K in keyof typeof columns]: unknown } & {
  runAt: Date
  createdAt: Date
  finishedAt: Date | null
}

function toView(row: Selected): JobView {
  return {
    ...(row as unknown as JobView),
    runAt: row.runAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  }
}

export async function listJobs(
  dbOrTx: DbOrTx,
  opts: { page?: number; pageSize?: number } = {},
): Promise<{ rows: JobView[]; total: number; page: number; pageCount: number }> {
  const pageSize = opts.pageSize ?? 25
  const [count] = await dbOrTx.select({ n: sql<number>`count(*)::int` }).from(jobs)
  const total = Number(count?.n ?? 0)
  const { page, pageCount, offset } = pageWindow(total, opts.page ?? 1, pageSize)
  const found = await dbOrTx
    .select(columns)
    .from(jobs)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(pageSize)
    .offset(offset)
  return { rows: found.map(toView), total, page, pageCount }
}

export async function getJobProgress(dbOrTx: DbOrTx, id: string): Promise<JobView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [row] = await dbOrTx.select(columns).from(jobs).where(eq(jobs.id, id))
  return row ? toView(row) : null
}
