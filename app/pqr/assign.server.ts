/**
 * Assignment of cases to agents: manual (pqr:assign), taking an unassigned case from the queue (pqr:work), and
 * automatic by area and load (the least-loaded active agent of the case's área de prestación; agents without an area
 * serve every area when the area has none). A reassignment is an event; the first assignment moves radicada →
 * asignada. The case row is locked, so two people taking the same case get one success.
 */
import { and, asc, count, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm'
import { db as defaultDb, type Db, type Tx } from '~/db.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { pqrCases } from '../../db/schema/pqr'
import { recordCaseEvent, transitionCase } from './events.server'
import { lockCase } from './notify-complete.server'
import { rollbackWith, runUseCase } from './tasks.server'

/** Roles whose people work cases (they hold pqr:work). */
export const CASE_WORKER_ROLES = ['agent', 'coordinator', 'area_leader'] as const
const OPEN_FOR_WORK = [
  'radicada',
  'asignada',
  'en_tramite',
  'en_pruebas',
  'decidida',
  'citada',
  'notificada',
  'en_termino_de_recursos',
  'silencio_positivo',
] as const

const bad = (code: string, message: string): never => rollbackWith(new DomainError(code, message))

async function assignInTx(
  tx: Tx,
  input: {
    caseId: string
    assigneeId: string
    actor: TrailActor
    now: Date
    how: string
    onlyIfUnassigned?: boolean
  },
) {
  const c = await lockCase(tx, input.caseId)
  if (!(OPEN_FOR_WORK as readonly string[]).includes(c.state))
    bad('pqr/case_closed', 'El caso ya está cerrado o en firme: no se asigna.')
  if (input.onlyIfUnassigned && c.assignedTo)
    bad('pqr/already_assigned', 'Otra persona tomó este caso primero.')
  if (c.assignedTo === input.assigneeId) bad('pqr/same_assignee', 'El caso ya está asignado a esa persona.')
  const [assignee] = await tx
    .select({
      id: users.id,
      name: users.fullName,
      role: users.role,
      areaId: users.serviceAreaId,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.id, input.assigneeId))
  if (!assignee || !assignee.isActive || !(CASE_WORKER_ROLES as readonly string[]).includes(assignee.role))
    return bad('pqr/invalid_assignee', 'Elija una persona activa que atienda PQR.')
  if (assignee.areaId && c.areaId && assignee.areaId !== c.areaId)
    bad('pqr/other_area', 'La persona elegida atiende otra área de prestación.')
  await tx
    .update(pqrCases)
    .set({ assignedTo: assignee.id, updatedAt: input.now })
    .where(eq(pqrCases.id, c.id))
  const body = `${input.how}: ${assignee.name}.`
  const data = { assignedTo: assignee.id, previous: c.assignedTo }
  if (c.state === 'radicada') {
    const moved = await transitionCase(tx, {
      caseId: c.id,
      to: 'asignada',
      kind: 'assigned',
      body,
      data,
      actor: input.actor,
      now: input.now,
    })
    if (!moved.ok) rollbackWith(moved.error)
  } else {
    await recordCaseEvent(tx, {
      caseId: c.id,
      kind: 'assigned',
      body,
      data,
      actor: input.actor,
      occurredAt: input.now,
    })
    await recordTrail(tx, {
      entityType: 'pqr_case',
      entityId: c.id,
      action: 'pqr.assigned',
      actor: input.actor,
      summary: { before: { assignedTo: c.assignedTo }, after: { assignedTo: assignee.id } },
    })
  }
  return { caseId: c.id, assigneeId: assignee.id, assigneeName: assignee.name }
}

export type Assigned = { caseId: string; assigneeId: string; assigneeName: string }

export function assignCase(
  input: { caseId: string; assigneeId: string; actor: { id: string }; now?: Date },
  db: Db = defaultDb,
): Promise<Result<Assigned>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction((tx) =>
      assignInTx(tx, { ...input, actor: { kind: 'user', userId: input.actor.id }, now, how: 'Asignado' }),
    ),
  )
}

/** The agent takes an unassigned case from the queue. */
export function takeCase(
  input: { caseId: string; actor: { id: string }; now?: Date },
  db: Db = defaultDb,
): Promise<Result<Assigned>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction((tx) =>
      assignInTx(tx, {
        caseId: input.caseId,
        assigneeId: input.actor.id,
        actor: { kind: 'user', userId: input.actor.id },
        now,
        how: 'Tomado de la cola por',
        onlyIfUnassigned: true,
      }),
    ),
  )
}

/** Open cases per candidate: the load automatic assignment balances. */
async function loadOf(tx: Tx, areaId: string | null): Promise<{ id: string; name: string; load: number }[]> {
  const areaMatch = areaId
    ? or(eq(users.serviceAreaId, areaId), isNull(users.serviceAreaId))
    : isNull(users.serviceAreaId)
  const candidates = await tx
    .select({ id: users.id, name: users.fullName, areaId: users.serviceAreaId })
    .from(users)
    .where(and(eq(users.isActive, true), eq(users.role, 'agent'), areaMatch))
    .orderBy(asc(users.fullName), asc(users.id))
  if (candidates.length === 0) return []
  // Prefer the area's own agents; agents without an area serve it only when it has none.
  const own = areaId ? candidates.filter((c) => c.areaId === areaId) : []
  const pool = own.length > 0 ? own : candidates
  const loads = await tx
    .select({ id: pqrCases.assignedTo, n: count() })
    .from(pqrCases)
    .where(
      and(
        inArray(
          pqrCases.assignedTo,
          pool.map((p) => p.id),
        ),
        notInArray(pqrCases.state, ['cerrada', 'firme', 'remitida_por_competencia']),
      ),
    )
    .groupBy(pqrCases.assignedTo)
  const byId = new Map(loads.map((l) => [l.id, Number(l.n)]))
  return pool.map((p) => ({ id: p.id, name: p.name, load: byId.get(p.id) ?? 0 }))
}

/** The least-loaded agent of the case's area (ties: by name), then assigns. */
export function autoAssignCase(
  input: { caseId: string; actor: TrailActor; now?: Date },
  db: Db = defaultDb,
): Promise<Result<Assigned>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const c = await lockCase(tx, input.caseId)
      const pool = (await loadOf(tx, c.areaId)).filter((p) => p.id !== c.assignedTo)
      if (pool.length === 0) bad('pqr/no_agents', 'No hay agentes activos para el área de este caso.')
      const chosen = pool.reduce((best, p) => (p.load < best.load ? p : best))
      return assignInTx(tx, {
        caseId: c.id,
        assigneeId: chosen.id,
        actor: input.actor,
        now,
        how: `Asignación automática por área y carga (${chosen.load} casos abiertos)`,
      })
    }),
  )
}

/** Assigns every unassigned open case (of one area, or all), earliest deadline first; each in its own transaction. */
export async function autoAssignUnassigned(
  input: { areaId: string | null; actor: TrailActor; limit?: number; now?: Date },
  db: Db = defaultDb,
) {
  const pending = await db
    .select({ id: pqrCases.id })
    .from(pqrCases)
    .where(
      and(
        isNull(pqrCases.assignedTo),
        sql`${pqrCases.state} not in ('cerrada', 'firme')`,
        inArray(pqrCases.state, ['radicada', 'asignada', 'en_tramite', 'en_pruebas']),
        input.areaId ? eq(pqrCases.areaId, input.areaId) : undefined,
      ),
    )
    .orderBy(asc(pqrCases.dueOn))
    .limit(input.limit ?? 200)
  const result = { assigned: 0, failed: [] as string[] }
  for (const p of pending) {
    const done = await autoAssignCase({ caseId: p.id, actor: input.actor, now: input.now }, db)
    if (done.ok) result.assigned++
    else result.failed.push(done.error.message)
  }
  return result
}
