/**
 * The case timeline and its state machine. Every transition is a case event with who, when and why, an audit-trail
 * entry, and a fresh computation of the stored clocks, in the caller's transaction (DESIGN.md "PQR lifecycle").
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, fail, ok, type Result } from '~/utils/errors'
import { users } from '../../db/schema/auth'
import { pqrCases, pqrEvents, type PqrState } from '../../db/schema/pqr'
import { refreshCaseClocks } from './clock-refresh.server'
import { statesAllowedInto, type PqrEventKind } from './status'

export type CaseEventInput = {
  caseId: string
  /** One of PQR_EVENT_KINDS (status.ts); a string so later modules (appeals) may add their own. */
  kind: PqrEventKind | (string & {})
  body?: string | null
  data?: Record<string, unknown> | null
  /** Internal notes are never shown to the subscriber. */
  internal?: boolean
  actor: TrailActor
  fromState?: PqrState | null
  toState?: PqrState | null
  occurredAt?: Date
}

/** Appends one event to the case timeline (the caller records the trail when the event changes anything). */
export async function recordCaseEvent(tx: DbOrTx, input: CaseEventInput): Promise<{ eventId: string }> {
  const [row] = await tx
    .insert(pqrEvents)
    .values({
      caseId: input.caseId,
      kind: input.kind,
      fromState: input.fromState ?? null,
      toState: input.toState ?? null,
      internal: input.internal ?? false,
      body: input.body ?? null,
      data: input.data ?? null,
      actorUserId: input.actor.kind === 'user' ? input.actor.userId : null,
      actorLabel: await actorLabel(tx, input.actor),
      ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
    })
    .returning({ id: pqrEvents.id })
  return { eventId: row!.id }
}

/**
 * An event that changes the case, with its audit-trail entry (action `pqr.<kind>`) in the same transaction; the
 * trail's summary is the event's data unless given.
 */
export async function recordCaseChange(
  tx: DbOrTx,
  input: CaseEventInput & { summary?: Record<string, unknown> },
): Promise<{ eventId: string }> {
  const { summary, ...event } = input
  const recorded = await recordCaseEvent(tx, event)
  await recordTrail(tx, {
    entityType: 'pqr_case',
    entityId: event.caseId,
    action: `pqr.${event.kind}`,
    actor: event.actor,
    summary: summary ?? event.data ?? undefined,
    occurredAt: event.occurredAt,
  })
  return recorded
}

/** Who did it, as the timeline shows it: the given label, else the user's name. */
export async function actorLabel(tx: DbOrTx, actor: TrailActor): Promise<string> {
  if (actor.label) return actor.label
  if (actor.kind !== 'user') return actor.kind === 'job' ? 'Proceso automático' : 'Sistema'
  const [user] = await tx.select({ name: users.fullName }).from(users).where(eq(users.id, actor.userId))
  return user?.name ?? 'Usuario'
}

export type TransitionInput = {
  caseId: string
  to: PqrState
  /** The event kind to record; defaults to 'state_changed'. */
  kind?: PqrEventKind | (string & {})
  body?: string | null
  data?: Record<string, unknown> | null
  internal?: boolean
  actor: TrailActor
  now?: Date
}

export type TransitionErrorCode = 'pqr/invalid_transition' | 'pqr/not_found'

/**
 * Moves a case to `to` when its current state allows it (STYLE.md §5: the guard is in the WHERE clause, so two
 * concurrent transitions cannot both succeed from the same state). Records the event and the trail and refreshes the
 * clocks. Returns the state it left.
 */
export async function transitionCase(
  tx: DbOrTx,
  input: TransitionInput,
): Promise<Result<{ from: PqrState; to: PqrState }, DomainError<TransitionErrorCode>>> {
  const now = input.now ?? new Date()
  const allowed = statesAllowedInto(input.to)
  if (allowed.length === 0) return fail(invalid(input.to))
  // Lock the row first so the state we report as `from` is the one we moved from; the guard stays in the WHERE.
  const [current] = await tx
    .select({ state: pqrCases.state })
    .from(pqrCases)
    .where(eq(pqrCases.id, input.caseId))
    .for('update')
  if (!current) return fail(new DomainError('pqr/not_found', 'No encontramos el caso.'))
  const [moved] = await tx
    .update(pqrCases)
    .set({ state: input.to, updatedAt: now, closedAt: input.to === 'cerrada' ? now : sql`${pqrCases.closedAt}` })
    .where(and(eq(pqrCases.id, input.caseId), inArray(pqrCases.state, allowed)))
    .returning({ id: pqrCases.id })
  if (!moved) return fail(invalid(input.to))
  const from = current.state
  await recordCaseEvent(tx, {
    caseId: input.caseId,
    kind: input.kind ?? 'state_changed',
    body: input.body,
    data: input.data,
    internal: input.internal,
    actor: input.actor,
    fromState: from,
    toState: input.to,
    occurredAt: now,
  })
  await recordTrail(tx, {
    entityType: 'pqr_case',
    entityId: input.caseId,
    action: `pqr.${input.kind ?? 'state_changed'}`,
    actor: input.actor,
    summary: { before: { state: from }, after: { state: input.to }, ...(input.data ? { data: input.data } : {}) },
    occurredAt: now,
  })
  await refreshCaseClocks(tx, input.caseId, { now })
  return ok({ from, to: input.to })
}

function invalid(to: PqrState): DomainError<TransitionErrorCode> {
  return new DomainError('pqr/invalid_transition', `El caso no puede pasar a este estado ahora (${to}).`)
}
