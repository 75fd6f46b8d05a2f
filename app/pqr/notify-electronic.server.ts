/**
 * The first notice after a decision is issued, and the electronic notification's certified opening.
 * CPACA art. 56 (Ley 2080 de 2021 art. 10): electronic notification only with the person's express consent (the
 * snapshot taken at filing); it takes effect on the date and time the person accesses the act, which the company
 * certifies: we keep when, from which IP and with which browser, once. Without consent, a citation goes by email
 * when there is one (CPACA art. 68); otherwise staff send it by post (notify.server.ts).
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { todayInBogota } from '~/calendar/business-days'
import { db as defaultDb, type Db, type Tx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { getSetting } from '~/settings/read.server'
import type { TrailActor } from '~/trail/record.server'
import { DomainError, type Result } from '~/utils/errors'
import { formatDate } from '~/utils/format'
import { pqrCases, pqrNotifications, type PqrCase, type PqrDecision } from '../../db/schema/pqr'
import { transitionCase } from './events.server'
import { completeNotification, issuedDecisionOf, lockCase } from './notify-complete.server'
import { rollbackWith, runUseCase } from './tasks.server'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Where the decision is opened: the portal for a subscriber who filed it signed in, else a one-time-token link. */
export function decisionLink(
  origin: string,
  c: Pick<PqrCase, 'id' | 'filedByUserId'>,
  token: string,
): string {
  return c.filedByUserId ? `${origin}/mi-cuenta/pqr/${c.id}/decision` : `${origin}/pqr/notificacion/${token}`
}

export type StartNoticeInput = {
  case: PqrCase
  decision: PqrDecision
  actor: TrailActor
  now: Date
  origin: string
  officeAddress?: string
}

/** Sends the first notice of a just-issued decision; returns which one (none when staff must cite by post). */
export async function startNotice(
  tx: Tx,
  input: StartNoticeInput,
): Promise<'electronica' | 'citacion' | 'none'> {
  const c = input.case
  const email = c.filerEmail?.trim()
  if (!email) return 'none'
  const issuedOn = formatDate(todayInBogota(input.decision.issuedAt ?? input.now))
  const base = {
    caseId: c.id,
    decisionId: input.decision.id,
    sentAt: input.now,
    recordedBy: input.actor.kind === 'user' ? input.actor.userId : null,
  }
  let kind: 'electronica' | 'citacion'
  if (c.electronicNotificationConsent) {
    kind = 'electronica'
    const token = randomBytes(24).toString('base64url')
    const [row] = await tx
      .insert(pqrNotifications)
      .values({
        ...base,
        kind,
        tokenHash: hashToken(token),
        evidence: { to: email, channel: 'correo_electronico' },
      })
      .returning({ id: pqrNotifications.id })
    const recursoDays = await getSetting('pqr.recurso_window_business_days', { db: tx, now: input.now })
    await enqueueEmail(tx, {
      to: email,
      template: 'decision-notice',
      props: {
        name: c.filerName,
        caseRadicado: c.radicado,
        outgoingRadicado: input.decision.outgoingRadicado!,
        issuedOn,
        url: decisionLink(input.origin, c, token),
        recursoDays,
      },
      idempotencyKey: `pqr-notice:${row!.id}`,
      related: { entityType: 'pqr_case', entityId: c.id },
    })
  } else {
    kind = 'citacion'
    const [row] = await tx
      .insert(pqrNotifications)
      .values({ ...base, kind, evidence: { to: email, channel: 'correo_electronico' } })
      .returning({ id: pqrNotifications.id })
    const appearBusinessDays = await getSetting('pqr.aviso_after_citation_business_days', {
      db: tx,
      now: input.now,
    })
    await enqueueEmail(tx, {
      to: email,
      template: 'citation-notice',
      props: {
        name: c.filerName,
        caseRadicado: c.radicado,
        outgoingRadicado: input.decision.outgoingRadicado!,
        issuedOn,
        officeAddress: input.officeAddress ?? 'nuestras oficinas de atención',
        appearBusinessDays,
      },
      idempotencyKey: `pqr-citation:${row!.id}`,
      related: { entityType: 'pqr_case', entityId: c.id },
    })
  }
  const moved = await transitionCase(tx, {
    caseId: c.id,
    to: 'citada',
    kind: 'notification',
    body:
      kind === 'electronica'
        ? `Notificación electrónica enviada a ${email}.`
        : `Citación enviada por correo electrónico a ${email}.`,
    data: { method: kind, to: email },
    actor: input.actor,
    now: input.now,
  })
  if (!moved.ok) rollbackWith(moved.error)
  return kind
}

export type OpenInput = {
  /** The signed-in subscriber (their ownership was checked by the caller's query) or the link's token. */
  via: { caseId: string; userId: string } | { token: string }
  ip: string
  userAgent: string
  now?: Date
}

export type Opened = { caseId: string; pdfFileId: string; firstOpening: boolean; recursoUntil: string | null }

/**
 * The person opens the decision. The first opening of an electronic notice is the notification (art. 56): it is
 * recorded once (guard `opened_at is null` in the WHERE), and the recurso window starts. Later openings only read.
 */
export async function openDecision(input: OpenInput, db: Db = defaultDb): Promise<Result<Opened>> {
  const now = input.now ?? new Date()
  return runUseCase(() =>
    db.transaction(async (tx) => {
      const caseId = 'token' in input.via ? await caseOfToken(tx, input.via.token) : input.via.caseId
      const decision = await issuedDecisionOf(tx, caseId)
      if (!decision.pdfFileId) rollbackWith(new DomainError('pqr/no_pdf', 'La decisión no tiene documento.'))
      // Already notified another way (in person, by aviso): opening the copy is no longer the notification.
      const current = await lockCase(tx, caseId)
      const isPending = current.state === 'decidida' || current.state === 'citada'
      const tokenWhere =
        'token' in input.via ? eq(pqrNotifications.tokenHash, hashToken(input.via.token)) : undefined
      const evidence = {
        ip: input.ip,
        userAgent: input.userAgent.slice(0, 400),
        userId: 'userId' in input.via ? input.via.userId : null,
        via: 'token' in input.via ? 'enlace' : 'portal',
      }
      const [opened] = await tx
        .update(pqrNotifications)
        .set({ openedAt: now, effectiveOn: todayInBogota(now), evidence })
        .where(
          and(
            eq(pqrNotifications.caseId, caseId),
            eq(pqrNotifications.decisionId, decision.id),
            eq(pqrNotifications.kind, 'electronica'),
            isNull(pqrNotifications.openedAt),
            tokenWhere,
            isPending ? undefined : sql`false`,
          ),
        )
        .returning({ id: pqrNotifications.id })
      let recursoUntil: string | null = null
      if (opened) {
        const actor: TrailActor =
          'userId' in input.via
            ? { kind: 'user', userId: input.via.userId }
            : { kind: 'system', label: 'Destinatario (enlace de notificación)' }
        ;({ recursoUntil } = await completeNotification(tx, {
          caseId,
          method: 'electronica',
          effectiveOn: todayInBogota(now),
          actor,
          now,
          evidence: { notificationId: opened.id, ip: input.ip },
        }))
      } else {
        const [c] = await tx
          .select({ recursoUntil: pqrCases.recursoUntil })
          .from(pqrCases)
          .where(eq(pqrCases.id, caseId))
        recursoUntil = c?.recursoUntil ?? null
      }
      return { caseId, pdfFileId: decision.pdfFileId, firstOpening: Boolean(opened), recursoUntil }
    }),
  )
}

async function caseOfToken(tx: Tx, token: string): Promise<string> {
  const [row] = await tx
    .select({ caseId: pqrNotifications.caseId })
    .from(pqrNotifications)
    .where(and(eq(pqrNotifications.tokenHash, hashToken(token)), eq(pqrNotifications.kind, 'electronica')))
  if (!row) rollbackWith(new DomainError('pqr/not_found', 'El enlace no es válido.'))
  return row.caseId
}
