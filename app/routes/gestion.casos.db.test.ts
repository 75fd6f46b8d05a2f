/**
 * The agent workspace through its routes: the queue (take a case), the case page (timeline, billing context, notes,
 * a visit), the decision page (draft, confirm, issue) and the subscriber opening the decision (notification once).
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { db } from '~/db.server'
import {
  insertBillingClaim,
  insertStaffUser,
  templateId,
  type ClaimFixture,
} from '~/pqr/decide-fixtures.server'
import { users } from '../../db/schema/auth'
import { pqrCases, pqrNotifications } from '../../db/schema/pqr'
import { loader as avisosLoader } from './avisos'
import { action as caseAction, loader as caseLoader } from './gestion.casos.$caseId'
import { action as decisionAction, loader as decisionLoader } from './gestion.casos.$caseId_.decision'
import { action as queueAction, loader as queueLoader } from './gestion.casos._index'
import { loader as myDecisionLoader } from './mi-cuenta.pqr.$caseId_.decision'
import { loader as tokenLoader } from './pqr.notificacion.$token'

const ctx = { requestId: 'req-casos', ip: '190.2.3.4' }
const cookieFor = async (userId: string) => (await createSession(userId)).split(';')[0]!
const request = (url: string, cookie: string, body?: Record<string, string>) =>
  new Request(`http://localhost${url}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      cookie,
      'user-agent': 'Prueba/1.0',
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: body ? new URLSearchParams(body) : undefined,
  })
const call = async <T>(fn: () => Promise<T>): Promise<T | Response> => {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof Response) return e
    throw e
  }
}

let claim: ClaimFixture
let agent: string
let subscriberA: string
let subscriberB: string

beforeAll(async () => {
  const [a, b] = await db
    .insert(users)
    .values([
      { email: 'sub.a.casos@example.com', fullName: 'Suscriptora A', role: 'subscriber' },
      { email: 'sub.b.casos@example.com', fullName: 'Suscriptor B', role: 'subscriber' },
    ])
    .returning()
  claim = await insertBillingClaim(db, {
    now: new Date(),
    overrides: { filedByUserId: a!.id, electronicNotificationConsent: true, filedOn: undefined },
  })
  agent = await cookieFor((await insertStaffUser(db, 'agent', { fullName: 'Agente Prueba' })).id)
  subscriberA = await cookieFor(a!.id)
  subscriberB = await cookieFor(b!.id)
})

describe('the agent workspace', () => {
  test('take from the queue, see the case with its billing context, add a note and order a visit', async () => {
    const queue = await queueLoader({
      request: request('/gestion/casos?agente=sin', agent),
      params: {},
      context: ctx,
    })
    expect(queue.queue.rows.map((r) => r.id)).toContain(claim.case.id)
    const taken = (await queueAction({
      request: request('/gestion/casos', agent, { intent: 'take', caseId: claim.case.id }),
      params: {},
      context: ctx,
    })) as Response
    expect(taken.headers.get('location')).toBe(`/gestion/casos/${claim.case.id}`)

    const url = `/gestion/casos/${claim.case.id}`
    const params = { caseId: claim.case.id }
    const noNote = await caseAction({
      request: request(url, agent, { intent: 'note', body: '' }),
      params,
      context: ctx,
    })
    expect((noNote as { data: { message: string } }).data.message).toBe('Escriba la nota.')
    await caseAction({
      request: request(url, agent, { intent: 'note', body: 'Llamé al usuario', internal: 'on' }),
      params,
      context: ctx,
    })
    const ordered = (await caseAction({
      request: request(url, agent, {
        intent: 'order_visit',
        kind: 'meter_check',
        reason: 'Revisar medidor',
        scheduledOn: '',
      }),
      params,
      context: ctx,
    })) as Response
    expect(ordered.status).toBe(302)
    const page = await caseLoader({ request: request(url, agent), params, context: ctx })
    expect(page.case).toMatchObject({ state: 'en_pruebas', assignedName: 'Agente Prueba' })
    expect(page.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['assigned', 'note', 'visit_ordered']),
    )
    expect(page.events.find((e) => e.kind === 'note')).toMatchObject({
      internal: true,
      actor: 'Agente Prueba',
    })
    expect(page.workOrders).toHaveLength(1)
    expect(page.billing!.invoices.map((i) => i.id)).toContain(claim.invoiceId)
    expect(page.billing!.balance.onHold).toBe('50000.00')
    const visit = page.workOrders[0]!
    await caseAction({
      request: request(url, agent, {
        intent: 'visit_result',
        workOrderId: visit.id,
        visitedOn: page.today,
        findings: 'Medidor en buen estado',
        meterReading: '',
        meterOk: 'si',
      }),
      params,
      context: ctx,
    })
    expect((await caseLoader({ request: request(url, agent), params, context: ctx })).case.state).toBe(
      'en_tramite',
    )
  })

  test('draft a partial decision with a credit, confirm and issue it; the subscriber opens it once', async () => {
    const url = `/gestion/casos/${claim.case.id}/decision`
    const params = { caseId: claim.case.id }
    const form = {
      intent: 'draft',
      templateId: await templateId(db, 'accede_parcial_credito'),
      invoiceId: claim.invoiceId,
      creditAmount: '20.000',
      debitAmount: '',
      body: '',
      legalGrounds: '',
      reposicion: 'on',
      reposicionDays: '5',
      reposicionFileWith: 'Oficina de PQR',
      apelacion: 'on',
      apelacionDays: '5',
      apelacionFileWith: 'Ante la SSPD en subsidio',
    }
    const noRecursos = await decisionAction({
      request: request(url, agent, { ...form, reposicion: '', apelacion: '' }),
      params,
      context: ctx,
    })
    expect((noRecursos as { data: { message: string } }).data.message).toMatch(/recursos/)
    expect(
      ((await decisionAction({ request: request(url, agent, form), params, context: ctx })) as Response)
        .status,
    ).toBe(302)
    const page = await decisionLoader({ request: request(url, agent), params, context: ctx })
    expect(page.draft).toMatchObject({
      status: 'draft',
      creditAmount: '20000.00',
      decisionType: 'accede_parcialmente',
    })
    const unconfirmed = await decisionAction({
      request: request(url, agent, { intent: 'issue', decisionId: page.draft!.id }),
      params,
      context: ctx,
    })
    expect((unconfirmed as { data: { message: string } }).data.message).toMatch(/Confirme/)
    const issued = (await decisionAction({
      request: request(url, agent, { intent: 'issue', decisionId: page.draft!.id, confirm: 'si' }),
      params,
      context: ctx,
    })) as Response
    expect(issued.headers.get('location')).toBe(`/gestion/casos/${claim.case.id}`)
    expect((await db.select().from(pqrCases).where(eq(pqrCases.id, claim.case.id)))[0]!.state).toBe('citada')

    const mine = { caseId: claim.case.id }
    expect(
      await call(() =>
        myDecisionLoader({
          request: request(`/mi-cuenta/pqr/${claim.case.id}/decision`, subscriberB),
          params: mine,
          context: ctx,
        }),
      ),
    ).toMatchObject({ status: 404 })
    const opened = (await myDecisionLoader({
      request: request(`/mi-cuenta/pqr/${claim.case.id}/decision`, subscriberA),
      params: mine,
      context: ctx,
    })) as { view: { isFirstOpening: boolean; recursoUntil: string; outgoingRadicado: string } }
    expect(opened.view).toMatchObject({
      isFirstOpening: true,
      recursoUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
    const pdf = (await myDecisionLoader({
      request: request(`/mi-cuenta/pqr/${claim.case.id}/decision?formato=pdf`, subscriberA),
      params: mine,
      context: ctx,
    })) as Response
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment/)
    const [notice] = await db
      .select()
      .from(pqrNotifications)
      .where(eq(pqrNotifications.caseId, claim.case.id))
    expect(notice).toMatchObject({
      kind: 'electronica',
      evidence: expect.objectContaining({ ip: '190.2.3.4', userAgent: 'Prueba/1.0', via: 'portal' }),
    })
    expect((await db.select().from(pqrCases).where(eq(pqrCases.id, claim.case.id)))[0]!.state).toBe(
      'en_termino_de_recursos',
    )
  })

  test('a wrong notification link is 404; the avisos page lists nothing published', async () => {
    expect(
      await call(() =>
        tokenLoader({
          request: request('/pqr/notificacion/abcdefghijklmnopqrstuvwx', ''),
          params: { token: 'abcdefghijklmnopqrstuvwx' },
          context: ctx,
        }),
      ),
    ).toMatchObject({ status: 404 })
    expect(await avisosLoader({ request: request('/avisos', ''), params: {}, context: ctx })).toEqual({
      notices: [],
    })
  })
})
