/** The daily finalize job: decisions become firme after the recurso window and the case's holds end. */
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db.server'
import { drainJobs } from '~/jobs/worker.server'
import { disputeHolds, ledgerEntries } from '../../db/schema/ledger'
import { pqrCases, pqrEvents } from '../../db/schema/pqr'
import { issueDecision } from './decide.server'
import { insertBillingClaim, insertStaffUser, STANDARD_RECURSOS, templateId } from './decide-fixtures.server'
import { saveDecisionDraft } from './decision-draft.server'
import { finalizeJob } from './finalize-jobs.server'
import { finalizeCases } from './finalize.server'
import { recordPersonalNotification } from './notify.server'
import { insertTestCase } from './test-fixtures.server'

const actor = { kind: 'system', label: 'Prueba' } as const
const FILED = new Date('2026-03-03T15:00:00Z')

/** A claim decided on 10 March and notified in person on Friday 13 March: recursos until Friday 20 March. */
async function notifiedClaim(template: string, creditAmount?: string) {
  const claim = await insertBillingClaim(db, {
    now: FILED,
    overrides: { state: 'en_tramite', filerEmail: null },
  })
  const agent = await insertStaffUser(db, 'agent')
  const drafted = await saveDecisionDraft({
    caseId: claim.case.id,
    templateId: await templateId(db, template),
    invoiceId: claim.invoiceId,
    creditAmount,
    recursos: STANDARD_RECURSOS,
    actor: { id: agent.id },
    now: new Date('2026-03-10T15:00:00Z'),
  })
  if (!drafted.ok) throw drafted.error
  const issued = await issueDecision({
    decisionId: drafted.value.decisionId,
    actor: { id: agent.id },
    origin: 'https://v.example',
    now: new Date('2026-03-10T15:00:00Z'),
  })
  if (!issued.ok) throw issued.error
  const notified = await recordPersonalNotification({
    caseId: claim.case.id,
    personName: 'Ana',
    personDocument: 'CC 1',
    capacity: 'titular',
    notifiedAt: new Date('2026-03-13T16:00:00Z'),
    actor: { id: agent.id },
    now: new Date('2026-03-13T16:00:00Z'),
  })
  expect(notified).toEqual({ ok: true, value: { recursoUntil: '2026-03-20' } })
  return claim
}

const holdOf = async (id: string) => (await db.select().from(disputeHolds).where(eq(disputeHolds.id, id)))[0]!
const stateOf = async (id: string) =>
  (await db.select({ s: pqrCases.state }).from(pqrCases).where(eq(pqrCases.id, id)))[0]!.s

describe('decisions en firme', () => {
  test('after the window, without recurso, the decision is firme and the remaining hold is released; a rerun does nothing', async () => {
    const claim = await notifiedClaim('accede_parcial_credito', '10000')
    await finalizeCases({ now: new Date('2026-03-20T22:00:00Z'), actor }) // last day of the window: still open
    expect(await stateOf(claim.case.id)).toBe('en_termino_de_recursos')
    expect((await holdOf(claim.holdId)).status).toBe('active')
    const summary = await finalizeCases({ now: new Date('2026-03-24T15:00:00Z'), actor })
    expect(summary).toMatchObject({ firme: expect.any(Number), failures: [] })
    expect(await stateOf(claim.case.id)).toBe('firme')
    expect((await holdOf(claim.holdId)).status).toBe('released')
    const events = await db
      .select({ kind: pqrEvents.kind, data: pqrEvents.data })
      .from(pqrEvents)
      .where(eq(pqrEvents.caseId, claim.case.id))
    expect(events.filter((e) => e.kind === 'hold_released')).toEqual([
      { kind: 'hold_released', data: expect.objectContaining({ outcome: 'released', holdId: claim.holdId }) },
    ])
    const again = await finalizeCases({ now: new Date('2026-03-25T15:00:00Z'), actor })
    expect(again.failures).toEqual([])
    expect(
      (await db.select().from(pqrEvents).where(eq(pqrEvents.caseId, claim.case.id))).filter(
        (e) => e.kind === 'hold_released',
      ),
    ).toHaveLength(1)
  })

  test('a decision that accedes without an amount of its own credits the held amount when firme (through the job)', async () => {
    const claim = await notifiedClaim('accede')
    await finalizeJob.enqueue(db, {})
    // The job runs with the real clock, long after March 2026.
    await drainJobs({ db })
    expect(await stateOf(claim.case.id)).toBe('firme')
    expect((await holdOf(claim.holdId)).status).toBe('credited')
    const notes = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.noteOfInvoiceId, claim.invoiceId))
    expect(notes.map((n) => [n.kind, n.amount])).toEqual([['credit_note', '-50000.00']])
  })

  test('a decision with a recurso filed against it is not made firme', async () => {
    const claim = await notifiedClaim('accede_parcial_credito', '10000')
    await insertTestCase(
      db,
      { typeCode: 'recurso_reposicion', parentCaseId: claim.case.id },
      new Date('2026-03-18T15:00:00Z'),
    )
    await finalizeCases({ now: new Date('2026-03-24T15:00:00Z'), actor })
    expect(await stateOf(claim.case.id)).toBe('en_termino_de_recursos')
    expect((await holdOf(claim.holdId)).status).toBe('active')
  })
})
