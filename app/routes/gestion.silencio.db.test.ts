import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '~/auth/session.server'
import { insertArea } from '~/billing/ledger/test-fixtures.server'
import { db } from '~/db.server'
import { insertBillingClaim, insertUser } from '~/pqr/silencio-test-fixtures.server'
import { sweepSilencio } from '~/pqr/silencio.server'
import { insertTestCase } from '~/pqr/test-fixtures.server'
import { pqrCases, pqrTasks } from '../../db/schema/pqr'
import { action as extensionAction, loader as extensionLoader } from './gestion.casos.$caseId_.prorroga'
import { loader as dashboardLoader } from './gestion.casos.tablero'
import { action as silencioAction, loader as silencioLoader } from './gestion.silencio.$taskId'
import { loader as silencioListLoader } from './gestion.silencio._index'
import { action as approvalAction, loader as approvalLoader } from './gestion.tareas-pqr.$taskId'
import { loader as approvalsLoader } from './gestion.tareas-pqr._index'

const ctx = { requestId: 'req-plazos', ip: '127.0.0.1' }
const cookies: Record<string, string> = {}
const request = (url: string, who: string, body?: Record<string, string>) =>
  new Request(`http://localhost${url}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      cookie: cookies[who]!,
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: body ? new URLSearchParams(body) : undefined,
  })
const messageOf = (r: unknown) => JSON.stringify((r as { data: unknown }).data)

beforeAll(async () => {
  const area = await insertArea(db, { band: 'above_2000' })
  for (const [who, role, areaId] of [
    ['legal', 'legal', null],
    ['coordinator', 'coordinator', null],
    ['agent', 'agent', null],
    ['leader', 'area_leader', area.areaId],
  ] as const) {
    const user = await insertUser(db, role, { areaId })
    cookies[who] = (await createSession(user.id)).split(';')[0]!
  }
})

describe('legal recognises silencio positivo from its page', () => {
  test('the list and the task page; confirmation is required; coordinators read but cannot act', async () => {
    const { c, holdId } = await insertBillingClaim(db, {
      disputed: '20000',
      now: new Date('2026-03-03T15:00:00Z'),
    })
    await sweepSilencio(db, {
      now: new Date('2026-03-26T15:00:00Z'),
      actor: { kind: 'system', label: 'Prueba' },
    })
    const [task] = await db.select().from(pqrTasks).where(eq(pqrTasks.caseId, c.id))
    const url = `/gestion/silencio/${task!.id}`
    const listed = await silencioListLoader({
      request: request('/gestion/silencio', 'legal'),
      params: {},
      context: ctx,
    })
    expect(listed.tasks.map((t) => t.radicado)).toContain(c.radicado)
    const page = await silencioLoader({
      request: request(url, 'legal'),
      params: { taskId: task!.id },
      context: ctx,
    })
    expect(page).toMatchObject({ canAct: true, proposal: { effect: { kind: 'credit', total: '20000.00' } } })
    const asCoordinator = await silencioLoader({
      request: request(url, 'coordinator'),
      params: { taskId: task!.id },
      context: ctx,
    })
    expect(asCoordinator.canAct).toBe(false)
    await expect(
      silencioAction({
        request: request(url, 'coordinator', { intent: 'recognise', confirm: 'si' }),
        params: { taskId: task!.id },
        context: ctx,
      }),
    ).rejects.toMatchObject({ status: 403 })

    const unconfirmed = await silencioAction({
      request: request(url, 'legal', { intent: 'recognise' }),
      params: { taskId: task!.id },
      context: ctx,
    })
    expect(messageOf(unconfirmed)).toContain('Confirme que reconoce el silencio positivo')
    const done = (await silencioAction({
      request: request(url, 'legal', { intent: 'recognise', confirm: 'si' }),
      params: { taskId: task!.id },
      context: ctx,
    })) as Response
    expect(done.status).toBe(302)
    const after = await silencioLoader({
      request: request(url, 'legal'),
      params: { taskId: task!.id },
      context: ctx,
    })
    expect(after.task).toMatchObject({ status: 'done', outcome: 'Silencio reconocido y efecto aplicado' })
    expect(holdId).toBeTruthy()
    const again = await silencioAction({
      request: request(url, 'legal', {
        intent: 'not_applicable',
        reason: 'Una razón suficientemente larga para el registro.',
      }),
      params: { taskId: task!.id },
      context: ctx,
    })
    expect(messageOf(again)).toContain('ya fue resuelta')
  })

  test('an unknown or malformed task id is a 404', async () => {
    await expect(
      silencioLoader({
        request: request('/gestion/silencio/x', 'legal'),
        params: { taskId: 'x' },
        context: ctx,
      }),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('extension request and approval through the pages', () => {
  test('the agent asks with a reason art. 158 accepts; the coordinator approves with confirmation', async () => {
    // Filed today: the term runs for 15 more business days whatever day the test runs.
    const c = await insertTestCase(db, { state: 'en_tramite', filerEmail: 'usuario.paginas@plazos.test' })
    const url = `/gestion/casos/${c.id}/prorroga`
    const form = await extensionLoader({
      request: request(url, 'agent'),
      params: { caseId: c.id },
      context: ctx,
    })
    expect(form).toMatchObject({
      c: { isOpen: true, hasExtension: false, pendingTaskId: null },
      maxBusinessDays: 15,
    })
    const bad = await extensionAction({
      request: request(url, 'agent', { reason: 'otro', businessDays: '5', justification: 'corta' }),
      params: { caseId: c.id },
      context: ctx,
    })
    expect(messageOf(bad)).toContain('art. 158')
    const asked = (await extensionAction({
      request: request(url, 'agent', {
        reason: 'pruebas',
        businessDays: '5',
        justification: 'Se ordenó el laboratorio del medidor retirado del predio.',
      }),
      params: { caseId: c.id },
      context: ctx,
    })) as Response
    expect(asked.status).toBe(302)
    const pending = await extensionLoader({
      request: request(url, 'agent'),
      params: { caseId: c.id },
      context: ctx,
    })
    expect(pending.c.pendingTaskId).toBeTruthy()
    const taskId = pending.c.pendingTaskId!

    const approvals = await approvalsLoader({
      request: request('/gestion/tareas-pqr', 'coordinator'),
      params: {},
      context: ctx,
    })
    expect(approvals.tasks.map((t) => t.id)).toContain(taskId)
    const taskUrl = `/gestion/tareas-pqr/${taskId}`
    expect(
      (await approvalLoader({ request: request(taskUrl, 'coordinator'), params: { taskId }, context: ctx }))
        .isOwnRequest,
    ).toBe(false)
    const unconfirmed = await approvalAction({
      request: request(taskUrl, 'coordinator', { decision: 'approve' }),
      params: { taskId },
      context: ctx,
    })
    expect(messageOf(unconfirmed)).toContain('Confirme que aprueba')
    const approved = (await approvalAction({
      request: request(taskUrl, 'coordinator', { decision: 'approve', confirm: 'si' }),
      params: { taskId },
      context: ctx,
    })) as Response
    expect(approved.status).toBe(302)
    const [row] = await db.select().from(pqrCases).where(eq(pqrCases.id, c.id))
    expect(row!.dueOn > c.dueOn).toBe(true)
    expect(row!.state).toBe('en_pruebas')
  })
})

test('the dashboard is scoped to the area of an area leader', async () => {
  const all = await dashboardLoader({
    request: request('/gestion/casos/tablero', 'coordinator'),
    params: {},
    context: ctx,
  })
  expect(all.isScoped).toBe(false)
  expect(all.lists).toHaveLength(5)
  const scoped = await dashboardLoader({
    request: request('/gestion/casos/tablero?lista=silencio', 'leader'),
    params: {},
    context: ctx,
  })
  expect(scoped.isScoped).toBe(true)
  expect(scoped.lists.map((l) => l.bucket)).toEqual(['silencio'])
  expect(scoped.counts.silencio).toBe(0) // the claims above belong to other areas
  expect(all.counts.silencio).toBeGreaterThanOrEqual(1)
})
