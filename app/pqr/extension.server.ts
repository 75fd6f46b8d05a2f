/**
 * Extension of the answer term (Ley 142 de 1994 art. 158; colombia-rules.md §1.2): an agent requests it for a reason
 * the article accepts, with a justification; a coordinator, a different person, approves or denies it through an
 * `extension_approval` task. Approval records `extension_granted` ({ grantedOn, businessDays }, read by the clocks),
 * recomputes the clocks and tells the user (email through the outbox, and a timeline event) in one transaction.
 */
import { and, eq } from 'drizzle-orm'
import { todayInBogota } from '~/calendar/business-days'
import { db as defaultDb, type Db, type DbOrTx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { pqrCases, pqrEvents } from '../../db/schema/pqr'
import { coordinatorsFor, jobOrigin } from './alerts-recipients.server'
import { refreshCaseClocks } from './clock-refresh.server'
import { recordCaseChange, recordCaseEvent, transitionCase } from './events.server'
import {
  checkExtension,
  EXTENSION_REASON_LABELS,
  type DecideExtension,
  type ExtensionRequestPayload,
  type RequestExtension,
} from './extension'
import { canTransition, isOpenBeforeDecision } from './status'
import { closeTask, lockOpenTask, openTask, rollbackWith, runUseCase } from './tasks.server'

export type StaffActor = { id: string; fullName: string; serviceAreaId: string | null }
type Opts = { now?: Date; db?: Db }

const notFound = () => new DomainError('pqr/not_found', 'No encontramos el caso.')

/** The case under lock, within the staff member's area (another area's case does not exist for them). */
async function lockCase(tx: DbOrTx, caseId: string, staff: StaffActor) {
  const [c] = await tx.select().from(pqrCases).where(eq(pqrCases.id, caseId)).for('update')
  if (!c || (staff.serviceAreaId && c.areaId !== staff.serviceAreaId)) rollbackWith(notFound())
  if (!isOpenBeforeDecision(c.state))
    rollbackWith(
      new DomainError(
        'pqr/extension_state',
        'Solo se amplía el término de un caso que aún no tiene decisión.',
      ),
    )
  return c
}

async function hasExtension(tx: DbOrTx, caseId: string): Promise<boolean> {
  const found = await tx
    .select({ id: pqrEvents.id })
    .from(pqrEvents)
    .where(and(eq(pqrEvents.caseId, caseId), eq(pqrEvents.kind, 'extension_granted')))
    .limit(1)
  return found.length > 0
}

async function checkNow(tx: DbOrTx, c: { id: string; dueOn: string }, businessDays: number, today: string) {
  const maxBusinessDays = await getSetting('pqr.extension_max_business_days', { on: today, db: tx })
  const check = checkExtension({
    today,
    dueOn: c.dueOn,
    businessDays,
    maxBusinessDays,
    hasExtension: await hasExtension(tx, c.id),
  })
  if (!check.ok) rollbackWith(check.error)
}

export function requestExtension(
  input: { caseId: string } & RequestExtension,
  staff: StaffActor,
  { now = new Date(), db = defaultDb }: Opts = {},
): Promise<Result<{ taskId: string }>> {
  const actor: TrailActor = { kind: 'user', userId: staff.id }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const today = todayInBogota(now)
      const c = await lockCase(tx, input.caseId, staff)
      await checkNow(tx, c, input.businessDays, today)
      const payload: ExtensionRequestPayload = {
        reason: input.reason,
        businessDays: input.businessDays,
        justification: input.justification,
        requestedBy: staff.id,
        requestedByName: staff.fullName,
        requestedOn: today,
        dueOn: c.dueOn,
      }
      const task = await openTask(tx, { caseId: c.id, kind: 'extension_approval', payload })
      if (!task.created)
        rollbackWith(
          new DomainError(
            'pqr/extension_pending',
            'Ya hay una solicitud de ampliación pendiente de aprobación.',
          ),
        )
      await recordCaseChange(tx, {
        caseId: c.id,
        kind: 'extension_requested',
        body: `${EXTENSION_REASON_LABELS[input.reason]} (${input.businessDays} días hábiles): ${input.justification}`,
        data: { taskId: task.taskId, reason: input.reason, businessDays: input.businessDays },
        internal: true,
        actor,
        occurredAt: now,
      })
      await askApprovers(tx, { c, taskId: task.taskId, payload, requesterId: staff.id })
      return { taskId: task.taskId }
    }),
  )
}

export function decideExtension(
  input: { taskId: string; decision: DecideExtension },
  staff: StaffActor,
  { now = new Date(), db = defaultDb }: Opts = {},
): Promise<Result<{ caseId: string; newDueOn: string | null }>> {
  const actor: TrailActor = { kind: 'user', userId: staff.id }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const task = await lockOpenTask(tx, input.taskId, 'extension_approval')
      if (!task.ok) rollbackWith(task.error)
      const request = task.value.payload as ExtensionRequestPayload
      // Four eyes: the person who asked for more time cannot grant it (nor turn it down).
      if (request.requestedBy === staff.id)
        rollbackWith(
          new DomainError(
            'pqr/same_person',
            'Quien solicitó la ampliación no puede decidirla: debe hacerlo otra persona.',
          ),
        )
      const c = await lockCase(tx, task.value.caseId, staff)
      if (input.decision.decision === 'deny') {
        await closeTask(tx, { taskId: input.taskId, outcome: 'denied', resolvedBy: staff.id, now })
        await recordCaseChange(tx, {
          caseId: c.id,
          kind: 'extension_denied',
          body: input.decision.note,
          data: { taskId: input.taskId },
          internal: true,
          actor,
          occurredAt: now,
        })
        return { caseId: c.id, newDueOn: null }
      }
      const today = todayInBogota(now)
      await checkNow(tx, c, request.businessDays, today)
      await grant(tx, { c, request, taskId: input.taskId, actor, now, today })
      await closeTask(tx, { taskId: input.taskId, outcome: 'approved', resolvedBy: staff.id, now })
      const [fresh] = await tx.select({ dueOn: pqrCases.dueOn }).from(pqrCases).where(eq(pqrCases.id, c.id))
      return { caseId: c.id, newDueOn: fresh!.dueOn }
    }),
  )
}

type GrantInput = {
  c: typeof pqrCases.$inferSelect
  request: ExtensionRequestPayload
  taskId: string
  actor: TrailActor
  now: Date
  today: string
}

async function grant(tx: DbOrTx, { c, request, taskId, actor, now, today }: GrantInput) {
  const reason = EXTENSION_REASON_LABELS[request.reason]
  await recordCaseEvent(tx, {
    caseId: c.id,
    kind: 'extension_granted',
    body: `${reason}: ${request.justification}`,
    data: { grantedOn: today, businessDays: request.businessDays, reason: request.reason, taskId },
    actor,
    occurredAt: now,
  })
  // Evidence or a visit ordered puts the case "en pruebas" (DESIGN.md lifecycle); the user's delay does not.
  if (request.reason !== 'demora_usuario' && canTransition(c.state, 'en_pruebas')) {
    const moved = await transitionCase(tx, { caseId: c.id, to: 'en_pruebas', body: reason, actor, now })
    if (!moved.ok) rollbackWith(moved.error)
  }
  const clocks = await refreshCaseClocks(tx, c.id, { now })
  if (!clocks?.extensionAccepted)
    rollbackWith(new DomainError('pqr/extension_late', 'El término ya venció: no se puede ampliar.'))
  await recordTrail(tx, {
    entityType: 'pqr_case',
    entityId: c.id,
    action: 'pqr.extension_granted',
    actor,
    summary: { taskId, before: { dueOn: c.dueOn }, after: { dueOn: clocks.answerDueOn } },
    occurredAt: now,
  })
  await noticeToUser(tx, { c, request, reason, newDueOn: clocks.answerDueOn, actor, now })
}

/** Art. 158 and colombia-rules.md §1.2: the user is told why and until when, and the notice is recorded. */
async function noticeToUser(
  tx: DbOrTx,
  p: {
    c: typeof pqrCases.$inferSelect
    request: ExtensionRequestPayload
    reason: string
    newDueOn: string
    actor: TrailActor
    now: Date
  },
) {
  const outbox = p.c.filerEmail
    ? await enqueueEmail(tx, {
        to: p.c.filerEmail,
        template: 'extension-notice',
        props: {
          filerName: p.c.filerName,
          radicado: p.c.radicado,
          reason: p.reason,
          justification: p.request.justification,
          businessDays: p.request.businessDays,
          originalDueOn: formatDate(p.c.dueOn),
          newDueOn: formatDate(p.newDueOn),
        },
        idempotencyKey: `extension-notice:${p.c.id}`,
        related: { entityType: 'pqr_case', entityId: p.c.id },
      })
    : null
  await recordCaseEvent(tx, {
    caseId: p.c.id,
    kind: 'extension_notice_sent',
    body: outbox
      ? `Aviso de ampliación enviado al correo del usuario. Nueva fecha límite: ${formatDate(p.newDueOn)}.`
      : `El usuario no registró correo: envíe el aviso de ampliación a la dirección registrada. Nueva fecha límite: ${formatDate(p.newDueOn)}.`,
    data: {
      channel: outbox ? 'email' : 'postal_pending',
      outboxId: outbox?.id ?? null,
      newDueOn: p.newDueOn,
    },
    actor: p.actor,
    occurredAt: p.now,
  })
}

/** The approval must come before the term expires: the coordinators (and the area's leaders) are told at once. */
async function askApprovers(
  tx: DbOrTx,
  p: {
    c: typeof pqrCases.$inferSelect
    taskId: string
    payload: ExtensionRequestPayload
    requesterId: string
  },
) {
  const approvers = (await coordinatorsFor(tx, p.c.areaId, { withLeaders: false })).filter(
    (r) => r.userId !== p.requesterId,
  )
  for (const r of approvers) {
    await enqueueEmail(tx, {
      to: r.email,
      template: 'generic-notice',
      props: {
        title: `Ampliación por aprobar: PQR ${p.c.radicado}`,
        greeting: `Hola, ${r.fullName}:`,
        paragraphs: [
          `${p.payload.requestedByName} solicita ampliar ${p.payload.businessDays} día(s) hábil(es) el término del caso ${p.c.radicado}. Motivo: ${EXTENSION_REASON_LABELS[p.payload.reason]}.`,
          `El término vence el ${formatDate(p.c.dueOn)}: la ampliación debe decidirse antes (Ley 142 de 1994, art. 158).`,
        ],
        button: { label: 'Revisar la solicitud', url: `${jobOrigin()}/gestion/tareas-pqr/${p.taskId}` },
      },
      idempotencyKey: `extension-request:${p.taskId}:${r.userId}`,
      related: { entityType: 'pqr_case', entityId: p.c.id },
    })
  }
}
