/**
 * Visits and evidence ordered for a case: a field work order on the case's account, linked to the case, and its
 * result recorded back on the case (the evidence a decision and an appeal dossier rest on). A visit ordered is one of
 * the reasons Ley 142 art. 158 accepts for extending the term ("práctica de pruebas"); the extension itself is asked
 * for separately. Ordering evidence moves a case under study to en_pruebas.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { todayInBogota, type IsoDate } from '~/calendar/business-days'
import { db as defaultDb, type Db } from '~/db.server'
import { DomainError, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { pqrWorkOrders } from '../../db/schema/pqr'
import { workOrders } from '../../db/schema/service'
import { WORK_ORDER_LABELS, type CaseWorkOrderKind } from './work-orders'
import { recordCaseEvent, transitionCase } from './events.server'
import { lockCase } from './notify-complete.server'
import { rollbackWith, runUseCase } from './tasks.server'

const bad = (message: string): never => rollbackWith(new DomainError('pqr/work_order', message))
const STUDY_STATES = ['asignada', 'en_tramite', 'en_pruebas'] as const

export async function orderVisit(
  input: {
    caseId: string
    kind: CaseWorkOrderKind
    reason: string
    scheduledOn?: IsoDate | null
    actor: { id: string }
    now?: Date
  },
  db: Db = defaultDb,
): Promise<Result<{ workOrderId: string }>> {
  const now = input.now ?? new Date()
  const actor = { kind: 'user' as const, userId: input.actor.id }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const c = await lockCase(tx, input.caseId)
      if (!(STUDY_STATES as readonly string[]).includes(c.state))
        bad('Solo se ordenan visitas o pruebas a un caso asignado que aún no se ha decidido.')
      if (!c.accountId) return bad('El caso no tiene una cuenta asociada: no hay predio que visitar.')
      if (input.scheduledOn && input.scheduledOn < todayInBogota(now))
        bad('La fecha programada no puede ser pasada.')
      const [order] = await tx
        .insert(workOrders)
        .values({
          accountId: c.accountId,
          kind: input.kind,
          status: input.scheduledOn ? 'scheduled' : 'open',
          reason: `PQR ${c.radicado}: ${input.reason}`,
          scheduledOn: input.scheduledOn ?? null,
          createdBy: input.actor.id,
          requestedAt: now,
        })
        .returning({ id: workOrders.id })
      await tx.insert(pqrWorkOrders).values({ caseId: c.id, workOrderId: order!.id })
      const body = `Orden de ${(WORK_ORDER_LABELS[input.kind] ?? input.kind).toLowerCase()}${input.scheduledOn ? ` programada para el ${formatDate(input.scheduledOn)}` : ''}: ${input.reason}`
      const data = { workOrderId: order!.id, kind: input.kind, scheduledOn: input.scheduledOn ?? null }
      if (c.state === 'en_pruebas')
        await recordCaseEvent(tx, { caseId: c.id, kind: 'visit_ordered', body, data, actor, occurredAt: now })
      else {
        const moved = await transitionCase(tx, {
          caseId: c.id,
          to: 'en_pruebas',
          kind: 'visit_ordered',
          body,
          data,
          actor,
          now,
        })
        if (!moved.ok) rollbackWith(moved.error)
      }
      return { workOrderId: order!.id }
    }),
  )
}

export type VisitResultInput = {
  caseId: string
  workOrderId: string
  visitedOn: IsoDate
  findings: string
  meterReading?: number | null
  meterOk?: boolean | null
  actor: { id: string }
  now?: Date
}

/** The crew's or agent's report of the visit; the case returns to en_tramite when no other order is pending. */
export async function recordVisitResult(
  input: VisitResultInput,
  db: Db = defaultDb,
): Promise<Result<{ workOrderId: string }>> {
  const now = input.now ?? new Date()
  const actor = { kind: 'user' as const, userId: input.actor.id }
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const c = await lockCase(tx, input.caseId)
      if (input.visitedOn > todayInBogota(now)) bad('La fecha de la visita no puede ser futura.')
      const result = {
        visitedOn: input.visitedOn,
        findings: input.findings,
        meterReading: input.meterReading ?? null,
        meterOk: input.meterOk ?? null,
        recordedBy: input.actor.id,
      }
      const linked = tx
        .select({ id: pqrWorkOrders.workOrderId })
        .from(pqrWorkOrders)
        .where(eq(pqrWorkOrders.caseId, c.id))
      const [done] = await tx
        .update(workOrders)
        .set({ status: 'done', completedAt: now, result })
        .where(
          and(
            eq(workOrders.id, input.workOrderId),
            inArray(workOrders.status, ['open', 'scheduled']),
            inArray(workOrders.id, linked),
          ),
        )
        .returning({ id: workOrders.id, kind: workOrders.kind })
      if (!done) bad('La orden no es de este caso o ya tiene resultado.')
      const body = `Resultado de la visita del ${formatDate(input.visitedOn)}: ${input.findings}${input.meterReading != null ? ` Lectura: ${input.meterReading} m³.` : ''}${input.meterOk == null ? '' : input.meterOk ? ' Medidor en buen estado.' : ' Medidor con fallas.'}`
      const pending = await tx
        .select({ id: workOrders.id })
        .from(workOrders)
        .where(
          and(
            inArray(
              workOrders.id,
              tx
                .select({ id: pqrWorkOrders.workOrderId })
                .from(pqrWorkOrders)
                .where(eq(pqrWorkOrders.caseId, c.id)),
            ),
            inArray(workOrders.status, ['open', 'scheduled']),
          ),
        )
      if (c.state === 'en_pruebas' && pending.length === 0) {
        const moved = await transitionCase(tx, {
          caseId: c.id,
          to: 'en_tramite',
          kind: 'visit_result',
          body,
          data: { workOrderId: input.workOrderId, ...result },
          actor,
          now,
        })
        if (!moved.ok) rollbackWith(moved.error)
      } else
        await recordCaseEvent(tx, {
          caseId: c.id,
          kind: 'visit_result',
          body,
          data: { workOrderId: input.workOrderId, ...result },
          actor,
          occurredAt: now,
        })
      return { workOrderId: input.workOrderId }
    }),
  )
}
