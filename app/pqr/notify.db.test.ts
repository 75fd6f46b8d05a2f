/**
 * Notification on a real engine: the electronic opening recorded once with its evidence, the personal notification,
 * the aviso with its delivery or return, and the publication on the website that completes through the daily job.
 */
import { and, desc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { pqrCases, pqrEvents, pqrNotifications } from '../../db/schema/pqr'
import { issueDecision } from './decide.server'
import { insertBillingClaim, insertStaffUser, STANDARD_RECURSOS, templateId } from './decide-fixtures.server'
import { saveDecisionDraft } from './decision-draft.server'
import { finalizeCases } from './finalize.server'
import { openDecision } from './notify-electronic.server'
import {
  publishNotice,
  recordAvisoOutcome,
  recordAvisoSent,
  recordPersonalNotification,
  recordPostalCitation,
} from './notify.server'

const FILED = new Date('2026-03-03T15:00:00Z')
// Issued Tuesday 10 March 2026.
const ISSUED = new Date('2026-03-10T15:00:00Z')
const caseRow = async (id: string) => (await db.select().from(pqrCases).where(eq(pqrCases.id, id)))[0]!

async function decidedClaim(opts: { consent: boolean; email?: string | null }) {
  const claim = await insertBillingClaim(db, {
    now: FILED,
    overrides: {
      state: 'en_tramite',
      electronicNotificationConsent: opts.consent,
      filerEmail: opts.email === undefined ? 'r@example.com' : opts.email,
      filedByUserId: null,
    },
  })
  const agent = await insertStaffUser(db, 'agent')
  const drafted = await saveDecisionDraft({
    caseId: claim.case.id,
    templateId: await templateId(db, 'accede_parcial_credito'),
    invoiceId: claim.invoiceId,
    creditAmount: '10000',
    recursos: STANDARD_RECURSOS,
    actor: { id: agent.id },
    now: ISSUED,
  })
  if (!drafted.ok) throw drafted.error
  const issued = await issueDecision({
    decisionId: drafted.value.decisionId,
    actor: { id: agent.id },
    origin: 'https://v.example',
    now: ISSUED,
  })
  if (!issued.ok) throw issued.error
  return { claim, agent, issued: issued.value }
}

async function tokenFromEmail(caseId: string): Promise<string> {
  const { emailOutbox } = await import('../../db/schema/system')
  const [mail] = await db
    .select({ html: emailOutbox.html })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.relatedEntityId, caseId), eq(emailOutbox.template, 'decision-notice')))
  return /\/pqr\/notificacion\/([A-Za-z0-9_-]+)/.exec(mail!.html)![1]!
}

describe('electronic notification (CPACA art. 56)', () => {
  test('the first opening is the notification, recorded once with when, IP and browser; the recurso window starts', async () => {
    const { claim, issued } = await decidedClaim({ consent: true })
    const token = await tokenFromEmail(claim.case.id)
    // Opened Thursday 12 March: recursos until 5 business days later, Thursday 19 March.
    const first = await openDecision({
      via: { token },
      ip: '190.1.2.3',
      userAgent: 'Firefox de prueba',
      now: new Date('2026-03-12T14:00:00Z'),
    })
    expect(first).toEqual({
      ok: true,
      value: {
        caseId: claim.case.id,
        pdfFileId: issued.pdfFileId,
        firstOpening: true,
        recursoUntil: '2026-03-19',
      },
    })
    const again = await openDecision({
      via: { token },
      ip: '10.0.0.9',
      userAgent: 'Otro',
      now: new Date('2026-03-13T14:00:00Z'),
    })
    expect(again).toMatchObject({ ok: true, value: { firstOpening: false, recursoUntil: '2026-03-19' } })
    const rows = await db
      .select()
      .from(pqrNotifications)
      .where(and(eq(pqrNotifications.caseId, claim.case.id), eq(pqrNotifications.kind, 'electronica')))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      openedAt: new Date('2026-03-12T14:00:00Z'),
      effectiveOn: '2026-03-12',
      evidence: { ip: '190.1.2.3', userAgent: 'Firefox de prueba', via: 'enlace' },
    })
    const c = await caseRow(claim.case.id)
    expect(c).toMatchObject({ state: 'en_termino_de_recursos', recursoUntil: '2026-03-19' })
    const events = await db
      .select({ to: pqrEvents.toState })
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, claim.case.id), eq(pqrEvents.kind, 'notification')))
    expect(events.map((e) => e.to)).toEqual(['citada', 'notificada'])
  })

  test('a wrong token opens nothing', async () => {
    expect(await openDecision({ via: { token: 'no-existe' }, ip: '1.1.1.1', userAgent: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'pqr/not_found' },
    })
  })
})

describe('citation, personal notification and aviso (CPACA arts. 67–69)', () => {
  test('without email the staff cite by post; the person comes and is notified in person', async () => {
    const { claim, agent } = await decidedClaim({ consent: false, email: null })
    expect((await caseRow(claim.case.id)).state).toBe('decidida')
    const cited = await recordPostalCitation({
      caseId: claim.case.id,
      sentOn: '2026-03-11',
      address: 'Calle 1 # 2-3',
      guideNumber: 'G-1',
      actor: { id: agent.id },
      now: new Date('2026-03-11T20:00:00Z'),
    })
    expect(cited.ok).toBe(true)
    expect((await caseRow(claim.case.id)).state).toBe('citada')
    const notified = await recordPersonalNotification({
      caseId: claim.case.id,
      personName: 'Ana Prueba',
      personDocument: 'CC 1020304050',
      capacity: 'titular',
      notifiedAt: new Date('2026-03-13T16:00:00Z'),
      actor: { id: agent.id },
      now: new Date('2026-03-13T16:05:00Z'),
    })
    // Friday 13 March → five business days: 16, 17, 18, 19, 20 March.
    expect(notified).toEqual({ ok: true, value: { recursoUntil: '2026-03-20' } })
    const [personal] = await db
      .select()
      .from(pqrNotifications)
      .where(and(eq(pqrNotifications.caseId, claim.case.id), eq(pqrNotifications.kind, 'personal')))
    expect(personal!.evidence).toMatchObject({
      personName: 'Ana Prueba',
      personDocument: 'CC 1020304050',
      attendedBy: agent.id,
    })
    const twice = await recordPersonalNotification({
      caseId: claim.case.id,
      personName: 'Ana',
      personDocument: 'CC 1',
      capacity: 'titular',
      notifiedAt: new Date('2026-03-13T16:00:00Z'),
      actor: { id: agent.id },
      now: new Date('2026-03-13T16:05:00Z'),
    })
    expect(twice).toMatchObject({ ok: false, error: { code: 'pqr/already_notified' } })
  })

  test('an aviso delivered notifies at the end of the next day; a returned one leads to publication', async () => {
    const { claim, agent } = await decidedClaim({ consent: false })
    expect((await caseRow(claim.case.id)).state).toBe('citada') // cited by email
    const sent = await recordAvisoSent({
      caseId: claim.case.id,
      sentOn: '2026-03-18',
      address: 'Calle 1 # 2-3',
      courier: 'Servientrega',
      guideNumber: 'SV-77',
      actor: { id: agent.id },
      now: new Date('2026-03-18T15:00:00Z'),
    })
    if (!sent.ok) throw sent.error
    const delivered = await recordAvisoOutcome({
      caseId: claim.case.id,
      notificationId: sent.value.notificationId,
      outcome: { delivered: true, on: '2026-03-20' },
      actor: { id: agent.id },
      now: new Date('2026-03-24T15:00:00Z'),
    })
    // Delivered Friday 20 March; effective Tuesday 24 (Monday 23 is San José); recursos until Tuesday 31 March.
    expect(delivered).toEqual({ ok: true, value: { recursoUntil: '2026-03-31' } })
    const [aviso] = await db
      .select()
      .from(pqrNotifications)
      .where(eq(pqrNotifications.id, sent.value.notificationId))
    expect(aviso).toMatchObject({
      courier: 'Servientrega',
      guideNumber: 'SV-77',
      deliveredOn: '2026-03-20',
      effectiveOn: '2026-03-24',
      returned: false,
    })
    const again = await recordAvisoOutcome({
      caseId: claim.case.id,
      notificationId: sent.value.notificationId,
      outcome: { delivered: false, on: '2026-03-20', reason: 'x' },
      actor: { id: agent.id },
      now: new Date('2026-03-24T15:00:00Z'),
    })
    expect(again.ok).toBe(false)
  })

  test('returned aviso → publication on the website; the daily job completes it after removal', async () => {
    const { claim, agent } = await decidedClaim({ consent: false })
    const sent = await recordAvisoSent({
      caseId: claim.case.id,
      sentOn: '2026-03-18',
      address: 'Calle 1',
      courier: 'Servientrega',
      guideNumber: 'SV-78',
      actor: { id: agent.id },
      now: new Date('2026-03-18T15:00:00Z'),
    })
    if (!sent.ok) throw sent.error
    const returned = await recordAvisoOutcome({
      caseId: claim.case.id,
      notificationId: sent.value.notificationId,
      outcome: { delivered: false, on: '2026-03-20', reason: 'Dirección inexistente' },
      actor: { id: agent.id },
      now: new Date('2026-03-20T20:00:00Z'),
    })
    expect(returned.ok).toBe(true)
    expect((await caseRow(claim.case.id)).state).toBe('citada')
    const published = await publishNotice({
      caseId: claim.case.id,
      reason: 'Aviso devuelto',
      actor: { id: agent.id },
      now: new Date('2026-03-24T15:00:00Z'),
    })
    // Tuesday 24 March + 5 business days = Tuesday 31 March; complete on Wednesday 1 April.
    expect(published).toMatchObject({ ok: true, value: { publishedUntil: '2026-03-31' } })
    const actor = { kind: 'system', label: 'Prueba' } as const
    const early = await finalizeCases({ now: new Date('2026-03-31T15:00:00Z'), actor })
    expect((await caseRow(claim.case.id)).state).toBe('citada')
    expect(early.failures).toEqual([])
    await finalizeCases({ now: new Date('2026-04-01T15:00:00Z'), actor })
    const c = await caseRow(claim.case.id)
    // Effective 1 April; 2 and 3 April are Holy Thursday and Good Friday: recursos until Friday 10 April.
    expect(c).toMatchObject({ state: 'en_termino_de_recursos', recursoUntil: '2026-04-10' })
    const [last] = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, claim.case.id), eq(pqrEvents.toState, 'notificada')))
      .orderBy(desc(pqrEvents.occurredAt))
    expect(last!.body).toContain('Publicación en la página web')
  })
})
