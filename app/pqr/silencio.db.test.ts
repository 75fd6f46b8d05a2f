import { and, eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { disputeHolds, ledgerEntries } from '../../db/schema/ledger'
import { pqrCases, pqrDecisions, pqrEvents, pqrTasks } from '../../db/schema/pqr'
import { emailOutbox } from '../../db/schema/system'
import { describeOnServer } from '../../tests/setup/engine'
import { recogniseSilencio, recordSilencioNotApplicable } from './silencio-recognition.server'
import { insertBillingClaim, insertUser } from './silencio-test-fixtures.server'
import { sweepSilencio, type SilencioTaskPayload } from './silencio.server'
import { insertTestCase } from './test-fixtures.server'

const job = { kind: 'system', label: 'Barrido de prueba' } as const
// Tuesday 3 March 2026 (filing) → due Wednesday 25 March (15 business days; San José, Monday 23, is a holiday).
const FILED = new Date('2026-03-03T15:00:00Z')
const DUE_DAY = new Date('2026-03-25T22:00:00Z') // 17:00 in Bogotá, still the last day
const DAY_AFTER = new Date('2026-03-26T05:30:00Z') // 00:30 in Bogotá on the 26th

const caseRow = async (id: string) => (await db.select().from(pqrCases).where(eq(pqrCases.id, id)))[0]!
const tasksOf = (caseId: string) => db.select().from(pqrTasks).where(eq(pqrTasks.caseId, caseId))
const mailTo = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))

let coordinator: Awaited<ReturnType<typeof insertUser>>
let legal: Awaited<ReturnType<typeof insertUser>>

beforeAll(async () => {
  coordinator = await insertUser(db, 'coordinator', { name: 'Coordinadora General' })
  legal = await insertUser(db, 'legal', { name: 'Abogada de Turno' })
})

describe('the silencio positivo sweep (Ley 142 art. 158)', () => {
  test('a case left without a decision past its deadline ends in silencio positivo with its recognition task', async () => {
    const c = await insertTestCase(
      db,
      { filedOn: '2026-03-03', state: 'en_tramite', subject: 'Cambio de medidor' },
      FILED,
    )
    expect(c.dueOn).toBe('2026-03-25')

    const onDueDay = await sweepSilencio(db, { now: DUE_DAY, actor: job })
    expect(onDueDay.caseIds).not.toContain(c.id)
    expect((await caseRow(c.id)).state).toBe('en_tramite')

    const swept = await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    expect(swept.caseIds).toContain(c.id)
    expect((await caseRow(c.id)).state).toBe('silencio_positivo')
    const [task] = await tasksOf(c.id)
    expect(task).toMatchObject({ kind: 'silencio_recognition', status: 'open' })
    // 72 calendar hours from 00:00 (Bogotá) of the day after the deadline: 29 March 00:00 in Bogotá.
    expect(task!.dueAt!.toISOString()).toBe('2026-03-29T05:00:00.000Z')
    const payload = task!.payload as SilencioTaskPayload
    expect(payload.proposal).toMatchObject({ outcome: 'accede', effect: { kind: 'none' } })
    const [event] = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'silencio_declared')))
    expect(event).toMatchObject({
      fromState: 'en_tramite',
      toState: 'silencio_positivo',
      actorLabel: 'Barrido de prueba',
    })
    for (const person of [coordinator, legal]) {
      const mails = (await mailTo(person.email)).filter((m) => m.relatedEntityId === c.id)
      expect(mails.map((m) => m.template)).toEqual(['silencio-alert'])
      expect(mails[0]!.text).toContain(`/gestion/silencio/${task!.id}`)
    }
  })

  test('a re-run does nothing new: no second task, no second email, no second event', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03' }, FILED)
    await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    const again = await sweepSilencio(db, { now: new Date('2026-03-27T15:00:00Z'), actor: job })
    expect(again.caseIds).not.toContain(c.id)
    expect(await tasksOf(c.id)).toHaveLength(1)
    expect((await mailTo(legal.email)).filter((m) => m.relatedEntityId === c.id)).toHaveLength(1)
    const declared = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'silencio_declared')))
    expect(declared).toHaveLength(1)
  })

  test('decided, forwarded and closed cases are never swept', async () => {
    const states = ['decidida', 'citada', 'remitida_por_competencia', 'cerrada'] as const
    const cases = await Promise.all(
      states.map((state) => insertTestCase(db, { filedOn: '2026-03-03', state }, FILED)),
    )
    await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    const after = await db
      .select({ state: pqrCases.state })
      .from(pqrCases)
      .where(
        inArray(
          pqrCases.id,
          cases.map((c) => c.id),
        ),
      )
    expect(after.map((r) => r.state).sort()).toEqual([...states].sort())
  })

  test('legal confirms a billing claim: the disputed amount is credited through billing in one transaction', async () => {
    const { c, holdId, invoiceId } = await insertBillingClaim(db, { disputed: '45000.50', now: FILED })
    await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    const [task] = await tasksOf(c.id)
    const payload = task!.payload as SilencioTaskPayload
    expect(payload.proposal.effect).toEqual({
      kind: 'credit',
      total: '45000.50',
      invoices: [{ invoiceId, amount: '45000.50', holdId }],
    })

    const done = await recogniseSilencio(
      { taskId: task!.id, note: 'Se reconoce de oficio.' },
      { userId: legal.id },
      { now: new Date('2026-03-27T15:00:00Z') },
    )
    expect(done.ok).toBe(true)
    const [hold] = await db.select().from(disputeHolds).where(eq(disputeHolds.id, holdId))
    expect(hold!.status).toBe('credited')
    const notes = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.noteOfInvoiceId, invoiceId), eq(ledgerEntries.kind, 'credit_note')))
    expect(notes.map((n) => n.amount)).toEqual(['-45000.50'])
    expect(done.ok && done.value.creditNoteEntryIds).toEqual([notes[0]!.id])
    const [closed] = await tasksOf(c.id)
    expect(closed).toMatchObject({ status: 'done', outcome: 'recognised', resolvedBy: legal.id })
    const [event] = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'silencio_recognised')))
    expect(event!.body).toContain('Se reconoce de oficio.')
    expect((await mailTo(c.filerEmail!)).map((m) => m.template)).toEqual(['silencio-recognised'])

    const twice = await recogniseSilencio({ taskId: task!.id }, { userId: legal.id })
    expect(!twice.ok && twice.error.code).toBe('pqr/task_closed')
  })

  test('legal records why silencio cannot apply: nothing is credited, the hold stays', async () => {
    const { c, holdId } = await insertBillingClaim(db, { disputed: '12000', now: FILED })
    await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    const [task] = await tasksOf(c.id)
    const reason = 'Se pide exonerar la contribución de solidaridad: es jurídicamente imposible (SSPD CU-16).'
    const done = await recordSilencioNotApplicable({ taskId: task!.id, reason }, { userId: legal.id })
    expect(done.ok).toBe(true)
    expect((await db.select().from(disputeHolds).where(eq(disputeHolds.id, holdId)))[0]!.status).toBe(
      'active',
    )
    const [event] = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'silencio_not_applicable')))
    expect(event).toMatchObject({ body: reason, internal: true, actorUserId: legal.id })
    expect((await tasksOf(c.id))[0]).toMatchObject({ status: 'done', outcome: 'not_applicable' })
  })

  test('a decision not cited in time is flagged as a silencio risk by the sweep, once', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03', state: 'decidida' }, FILED)
    await db
      .update(pqrCases)
      .set({ nextStepDueOn: '2026-03-17', silencioRisk: false })
      .where(eq(pqrCases.id, c.id))
    await db
      .insert(pqrDecisions)
      .values({
        caseId: c.id,
        decisionType: 'no_accede',
        status: 'issued',
        body: 'x',
        legalGrounds: 'y',
        recursos: [],
        issuedAt: new Date('2026-03-10T15:00:00Z'),
      })
    const first = await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    expect(first.riskFlagged).toBeGreaterThanOrEqual(1)
    expect((await caseRow(c.id)).silencioRisk).toBe(true)
    const notes = await db
      .select()
      .from(pqrEvents)
      .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'note')))
    expect(notes).toHaveLength(1)
    expect(notes[0]!.body).toMatch(/CPACA art\. 68/)
    await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    expect(
      await db
        .select()
        .from(pqrEvents)
        .where(and(eq(pqrEvents.caseId, c.id), eq(pqrEvents.kind, 'note'))),
    ).toHaveLength(1)
  })
})

describeOnServer('concurrent sweeps and answers', () => {
  test('two sweeps at once mark the case once and open one task', async () => {
    const c = await insertTestCase(db, { filedOn: '2026-03-03' }, FILED)
    const [a, b] = await Promise.all([
      sweepSilencio(db, { now: DAY_AFTER, actor: job }),
      sweepSilencio(db, { now: DAY_AFTER, actor: job }),
    ])
    expect([a.caseIds.includes(c.id), b.caseIds.includes(c.id)].filter(Boolean)).toHaveLength(1)
    expect(await tasksOf(c.id)).toHaveLength(1)
  })

  test('two lawyers confirming at once credit once', async () => {
    const { c, invoiceId } = await insertBillingClaim(db, { disputed: '30000', now: FILED })
    await sweepSilencio(db, { now: DAY_AFTER, actor: job })
    const [task] = await tasksOf(c.id)
    const results = await Promise.all([
      recogniseSilencio({ taskId: task!.id }, { userId: legal.id }),
      recogniseSilencio({ taskId: task!.id }, { userId: legal.id }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const notes = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.noteOfInvoiceId, invoiceId), eq(ledgerEntries.kind, 'credit_note')))
    expect(notes).toHaveLength(1)
  })
})
