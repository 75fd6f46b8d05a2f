/**
 * Notification steps staff record, each with its evidence (the appeal dossier reads these rows):
 * - citation by post (CPACA art. 68), when there is no email to cite by;
 * - personal notification at the counter (art. 67): who came, with which document, who attended, when;
 * - aviso by courier (art. 69): courier, guide number, address; then its delivery date or its return;
 * - publication on the website for the days the setting gives when there is no usable address or the aviso came back
 *   (art. 69 inciso 2; SSPD CU-31 of 2016 reads "unknown recipient" broadly). It completes at the end of the day after
 *   removal: the finalize job records it then (finalize.server.ts).
 */
import { and, eq } from 'drizzle-orm'
import { todayInBogota, type IsoDate } from '~/calendar/business-days'
import { db as defaultDb, type Db, type Tx } from '~/db.server'
import { getSetting } from '~/settings/read.server'
import { DomainError, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { pqrNotifications, type PqrState } from '../../db/schema/pqr'
import { recordCaseEvent, transitionCase } from './events.server'
import {
  addBusinessDaysWithCalendar,
  completeNotification,
  issuedDecisionOf,
  lockCase,
} from './notify-complete.server'
import { rollbackWith, runUseCase } from './tasks.server'

type Staff = { id: string }
const userActor = (s: Staff) => ({ kind: 'user' as const, userId: s.id })
const bad = (message: string): never => rollbackWith(new DomainError('pqr/notification_step', message))

export async function recordPostalCitation(
  input: {
    caseId: string
    sentOn: IsoDate
    address: string
    courier?: string | null
    guideNumber?: string | null
    actor: Staff
    now?: Date
  },
  db: Db = defaultDb,
): Promise<Result<{ notificationId: string }>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const { c, row } = await insertMailedNotice(tx, { ...input, now }, {
        kind: 'citacion',
        from: 'decidida',
        wrongState: 'La citación se envía cuando la decisión está expedida y aún no se ha citado.',
        evidence: { channel: 'correo_postal', address: input.address },
      })
      const moved = await transitionCase(tx, {
        caseId: c.id,
        to: 'citada',
        kind: 'notification',
        body: `Citación enviada por correo postal a ${input.address} el ${formatDate(input.sentOn)}${input.guideNumber ? ` (guía ${input.guideNumber})` : ''}.`,
        data: { method: 'citacion', notificationId: row!.id },
        actor: userActor(input.actor),
        now,
      })
      if (!moved.ok) rollbackWith(moved.error)
      return { notificationId: row!.id }
    }),
  )
}

export async function recordPersonalNotification(
  input: {
    caseId: string
    personName: string
    personDocument: string
    capacity: string
    notifiedAt: Date
    actor: Staff
    now?: Date
  },
  db: Db = defaultDb,
): Promise<Result<{ recursoUntil: string | null }>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      if (input.notifiedAt > now) bad('La fecha de la notificación no puede ser futura.')
      const decision = await issuedDecisionOf(tx, input.caseId)
      const on = todayInBogota(input.notifiedAt)
      const evidence = {
        personName: input.personName,
        personDocument: input.personDocument,
        capacity: input.capacity,
        attendedBy: input.actor.id,
        copyDelivered: true,
      }
      const [row] = await tx
        .insert(pqrNotifications)
        .values({
          caseId: input.caseId,
          decisionId: decision.id,
          kind: 'personal',
          sentAt: input.notifiedAt,
          effectiveOn: on,
          evidence,
          recordedBy: input.actor.id,
          recordedAt: now,
        })
        .returning({ id: pqrNotifications.id })
      return completeNotification(tx, {
        caseId: input.caseId,
        method: 'personal',
        effectiveOn: on,
        actor: userActor(input.actor),
        now,
        evidence: { notificationId: row!.id, personName: input.personName },
      })
    }),
  )
}

export async function recordAvisoSent(
  input: {
    caseId: string
    sentOn: IsoDate
    address: string
    courier: string
    guideNumber: string
    actor: Staff
    now?: Date
  },
  db: Db = defaultDb,
): Promise<Result<{ notificationId: string }>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const { c, row } = await insertMailedNotice(tx, { ...input, now }, {
        kind: 'aviso',
        from: 'citada',
        wrongState: 'El aviso se envía cuando la persona fue citada y no se notificó en el plazo.',
        evidence: { address: input.address, copyOfAct: true },
      })
      await recordCaseEvent(tx, {
        caseId: c.id,
        kind: 'notification',
        body: `Aviso enviado con ${input.courier}, guía ${input.guideNumber}, a ${input.address}.`,
        data: { method: 'aviso', notificationId: row!.id },
        actor: userActor(input.actor),
        occurredAt: now,
      })
      return { notificationId: row!.id }
    }),
  )
}

export type AvisoOutcome =
  { delivered: true; on: IsoDate } | { delivered: false; on: IsoDate; reason: string }

/** CPACA art. 69: notification is complete at the end of the day after delivery; a returned aviso leads to publication. */
export async function recordAvisoOutcome(
  input: { caseId: string; notificationId: string; outcome: AvisoOutcome; actor: Staff; now?: Date },
  db: Db = defaultDb,
): Promise<Result<{ recursoUntil: string | null }>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      if (input.outcome.on > todayInBogota(now)) bad('La fecha no puede ser futura.')
      const [aviso] = await tx
        .select()
        .from(pqrNotifications)
        .where(
          and(
            eq(pqrNotifications.id, input.notificationId),
            eq(pqrNotifications.caseId, input.caseId),
            eq(pqrNotifications.kind, 'aviso'),
          ),
        )
        .for('update')
      if (!aviso) return bad('No encontramos el aviso.')
      if (aviso.deliveredOn || aviso.returned) bad('El resultado de este aviso ya fue registrado.')
      if (!input.outcome.delivered) {
        const evidence = {
          ...(aviso.evidence ?? {}),
          returnedOn: input.outcome.on,
          returnReason: input.outcome.reason,
        }
        await tx
          .update(pqrNotifications)
          .set({ returned: true, evidence })
          .where(eq(pqrNotifications.id, aviso.id))
        await recordCaseEvent(tx, {
          caseId: input.caseId,
          kind: 'notification',
          body: `Aviso devuelto el ${formatDate(input.outcome.on)}: ${input.outcome.reason}. Procede la publicación en la página web.`,
          data: { method: 'aviso', returned: true, notificationId: aviso.id },
          actor: userActor(input.actor),
          occurredAt: now,
        })
        return { recursoUntil: null }
      }
      const effectiveOn = await addBusinessDaysWithCalendar(tx, input.outcome.on, 1)
      await tx
        .update(pqrNotifications)
        .set({ deliveredOn: input.outcome.on, effectiveOn })
        .where(eq(pqrNotifications.id, aviso.id))
      return completeNotification(tx, {
        caseId: input.caseId,
        method: 'aviso',
        effectiveOn,
        actor: userActor(input.actor),
        now,
        evidence: { notificationId: aviso.id, deliveredOn: input.outcome.on },
      })
    }),
  )
}

export async function publishNotice(
  input: { caseId: string; reason: string; actor: Staff; now?: Date },
  db: Db = defaultDb,
): Promise<Result<{ notificationId: string; publishedUntil: IsoDate }>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const c = await lockCase(tx, input.caseId)
      if (c.state !== 'decidida' && c.state !== 'citada')
        bad('Solo se publica una decisión expedida que aún no ha sido notificada.')
      const decision = await issuedDecisionOf(tx, input.caseId)
      const [open] = await tx
        .select({ id: pqrNotifications.id })
        .from(pqrNotifications)
        .where(and(eq(pqrNotifications.caseId, c.id), eq(pqrNotifications.kind, 'publicacion')))
      if (open) bad('La decisión ya fue publicada en la página web.')
      const today = todayInBogota(now)
      const days = await getSetting('pqr.publication_business_days', { db: tx, on: today })
      const until = await addBusinessDaysWithCalendar(tx, today, days)
      const effectiveOn = await addBusinessDaysWithCalendar(tx, until, 1)
      const [row] = await tx
        .insert(pqrNotifications)
        .values({
          caseId: c.id,
          decisionId: decision.id,
          kind: 'publicacion',
          sentAt: now,
          publishedFrom: today,
          publishedUntil: until,
          effectiveOn,
          evidence: { reason: input.reason, url: '/avisos' },
          recordedBy: input.actor.id,
          recordedAt: now,
        })
        .returning({ id: pqrNotifications.id })
      await recordCaseEvent(tx, {
        caseId: c.id,
        kind: 'notification',
        body: `Aviso publicado en la página web del ${formatDate(today)} al ${formatDate(until)} (${input.reason}). La notificación queda surtida al finalizar el día siguiente al retiro.`,
        data: { method: 'publicacion', notificationId: row!.id },
        actor: userActor(input.actor),
        occurredAt: now,
      })
      return { notificationId: row!.id, publishedUntil: until }
    }),
  )
}

/**
 * A notice sent by mail (a citation or an aviso): the case must be in `from`, the sending date not in the future; the
 * row is recorded against the issued decision with its courier evidence. Sent "on a date": noon in Bogotá.
 */
async function insertMailedNotice(
  tx: Tx,
  input: { caseId: string; sentOn: IsoDate; courier?: string | null; guideNumber?: string | null; actor: Staff; now: Date },
  spec: { kind: 'citacion' | 'aviso'; from: PqrState; wrongState: string; evidence: Record<string, unknown> },
) {
  const c = await lockCase(tx, input.caseId)
  if (c.state !== spec.from) bad(spec.wrongState)
  if (input.sentOn > todayInBogota(input.now)) bad('La fecha de envío no puede ser futura.')
  const decision = await issuedDecisionOf(tx, input.caseId)
  const [row] = await tx
    .insert(pqrNotifications)
    .values({
      caseId: c.id,
      decisionId: decision.id,
      kind: spec.kind,
      sentAt: new Date(`${input.sentOn}T12:00:00-05:00`),
      courier: input.courier ?? null,
      guideNumber: input.guideNumber ?? null,
      evidence: spec.evidence,
      recordedBy: input.actor.id,
      recordedAt: input.now,
    })
    .returning({ id: pqrNotifications.id })
  return { c, row }
}
