/**
 * Issuing decisions on a real engine: the credit note on the invoice, the outgoing radicado, the PDF kept and
 * readable, the refusal of a decision without recursos, and the coordinator approval setting.
 */
import { and, eq } from 'drizzle-orm'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, test } from 'vitest'
import { getBalance } from '~/billing/ledger/balance.server'
import { db } from '~/db.server'
import { describeOnServer } from '../../tests/setup/engine'
import { scheduleSetting } from '~/settings/schedule-setting.server'
import { getFile } from '~/storage/files.server'
import { ledgerEntries } from '../../db/schema/ledger'
import {
  pqrAttachments,
  pqrCases,
  pqrDecisions,
  pqrEvents,
  pqrNotifications,
  radicadoCounters,
} from '../../db/schema/pqr'
import { emailOutbox } from '../../db/schema/system'
import { issueDecision } from './decide.server'
import { insertBillingClaim, insertStaffUser, STANDARD_RECURSOS, templateId } from './decide-fixtures.server'
import { approveDecision, requestDecisionApproval, saveDecisionDraft } from './decision-draft.server'

// Tuesday 10 March 2026, 10:00 in Bogotá; the claim was filed a week earlier.
const NOW = new Date('2026-03-10T15:00:00Z')
const FILED = new Date('2026-03-03T15:00:00Z')
const ORIGIN = 'https://ventanilla.example'

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise
  const parts: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    for (const item of content.items) if ('str' in item) parts.push(item.str)
  }
  return parts.join(' ').replace(/[\s\u00a0]+/g, ' ')
}

async function partialDraft(overrides: { recursos?: typeof STANDARD_RECURSOS; consent?: boolean } = {}) {
  const claim = await insertBillingClaim(db, {
    now: FILED,
    overrides: { state: 'en_tramite', electronicNotificationConsent: overrides.consent ?? true },
  })
  const agent = await insertStaffUser(db, 'agent')
  const drafted = await saveDecisionDraft({
    caseId: claim.case.id,
    templateId: await templateId(db, 'accede_parcial_credito'),
    invoiceId: claim.invoiceId,
    creditAmount: '20000.00',
    recursos: overrides.recursos ?? STANDARD_RECURSOS,
    actor: { id: agent.id },
    now: NOW,
  })
  return { claim, agent, drafted }
}

describe('issuing a decision', () => {
  test('a partial decision posts the credit note on the invoice, takes an outgoing radicado and keeps its PDF', async () => {
    const { claim, agent, drafted } = await partialDraft()
    expect(drafted.ok).toBe(true)
    if (!drafted.ok) return
    const before = await getBalance(db, claim.accountId, { on: '2026-03-10' })
    const issued = await issueDecision({
      decisionId: drafted.value.decisionId,
      actor: { id: agent.id },
      origin: ORIGIN,
      now: NOW,
    })
    if (!issued.ok) throw issued.error
    expect(issued.value.outgoingRadicado).toMatch(/^2026-S-\d{6}$/)
    expect(issued.value.notice).toBe('electronica')

    const [note] = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.id, issued.value.ledgerEntryId!))
    expect(note).toMatchObject({
      kind: 'credit_note',
      amount: '-20000.00',
      noteOfInvoiceId: claim.invoiceId,
      accountId: claim.accountId,
    })
    const after = await getBalance(db, claim.accountId, { on: '2026-03-10' })
    expect(before.total.minus(after.total).toFixed(2)).toBe('20000.00')

    const [decision] = await db
      .select()
      .from(pqrDecisions)
      .where(eq(pqrDecisions.id, drafted.value.decisionId))
    expect(decision).toMatchObject({
      status: 'issued',
      outgoingRadicado: issued.value.outgoingRadicado,
      effectLedgerEntryId: note!.id,
      issuedBy: agent.id,
    })
    const file = await getFile(db, issued.value.pdfFileId)
    expect(file).toMatchObject({
      contentType: 'application/pdf',
      ownerType: 'pqr_case',
      ownerId: claim.case.id,
    })
    const text = await pdfText(file!.data)
    expect(text).toContain(issued.value.outgoingRadicado)
    expect(text).toContain(claim.case.radicado)
    expect(text).toContain('ACCEDE PARCIALMENTE')
    expect(text).toContain('Recurso de reposición')
    expect(text).toContain('5 días hábiles')
    expect(text).toContain('$ 20.000')
    expect(text).toContain('art. 155')
    const attachments = await db.select().from(pqrAttachments).where(eq(pqrAttachments.caseId, claim.case.id))
    expect(attachments).toEqual([
      expect.objectContaining({ fileId: issued.value.pdfFileId, role: 'decision' }),
    ])

    // Decidida, then cited at once by the electronic notice (consent given at filing).
    const [c] = await db.select().from(pqrCases).where(eq(pqrCases.id, claim.case.id))
    expect(c!.state).toBe('citada')
    const kinds = await db
      .select({ kind: pqrEvents.kind, to: pqrEvents.toState })
      .from(pqrEvents)
      .where(eq(pqrEvents.caseId, claim.case.id))
      .orderBy(pqrEvents.occurredAt)
    expect(kinds.slice(-2)).toEqual([
      { kind: 'decision_issued', to: 'decidida' },
      { kind: 'notification', to: 'citada' },
    ])
    const [notice] = await db
      .select()
      .from(pqrNotifications)
      .where(eq(pqrNotifications.caseId, claim.case.id))
    expect(notice).toMatchObject({ kind: 'electronica', openedAt: null, decisionId: decision!.id })
    expect(notice!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.relatedEntityId, claim.case.id), eq(emailOutbox.template, 'decision-notice')))
    expect(mail!.toAddress).toBe('reclamante@example.com')
    expect(mail!.html).toContain(`${ORIGIN}/pqr/notificacion/`)
  })

  test('issuing twice (a double click) gives one radicado and one note', async () => {
    const { agent, drafted } = await partialDraft({ consent: false })
    if (!drafted.ok) throw drafted.error
    const first = await issueDecision({
      decisionId: drafted.value.decisionId,
      actor: { id: agent.id },
      origin: ORIGIN,
      now: NOW,
    })
    const second = await issueDecision({
      decisionId: drafted.value.decisionId,
      actor: { id: agent.id },
      origin: ORIGIN,
      now: NOW,
    })
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({ ok: false, error: { code: 'pqr/already_issued' } })
    if (first.ok) expect(first.value.notice).toBe('citacion')
  })
})

describe('recursos (CPACA art. 67)', () => {
  test('a draft without recursos is refused', async () => {
    const { drafted } = await partialDraft({ recursos: [] })
    expect(drafted).toMatchObject({ ok: false, error: { code: 'pqr/decision_without_recursos' } })
  })

  test('a decision without recursos cannot be issued, and nothing is consumed', async () => {
    const { claim, agent, drafted } = await partialDraft()
    if (!drafted.ok) throw drafted.error
    await db.update(pqrDecisions).set({ recursos: [] }).where(eq(pqrDecisions.id, drafted.value.decisionId))
    const counters = async () =>
      db.select().from(radicadoCounters).where(eq(radicadoCounters.direction, 'salida'))
    const before = await counters()
    const issued = await issueDecision({
      decisionId: drafted.value.decisionId,
      actor: { id: agent.id },
      origin: ORIGIN,
      now: NOW,
    })
    expect(issued).toMatchObject({
      ok: false,
      error: { code: 'pqr/decision_without_recursos', message: expect.stringContaining('recursos') },
    })
    expect(await counters()).toEqual(before)
    const notes = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.noteOfInvoiceId, claim.invoiceId)))
    expect(notes).toEqual([])
    const [c] = await db
      .select({ state: pqrCases.state })
      .from(pqrCases)
      .where(eq(pqrCases.id, claim.case.id))
    expect(c!.state).toBe('en_tramite')
  })
})

describe('approval by the coordinator (setting pqr.decision_approval_required)', () => {
  test('with the setting on, only an approved decision is issued, and not approved by its drafter', async () => {
    const admin = await insertStaffUser(db, 'admin')
    // Thursday 12 March only: the other tests of this file run on the 10th, without approval.
    const NOW = new Date('2026-03-12T15:00:00Z')
    const scheduled = await scheduleSetting(db, {
      key: 'pqr.decision_approval_required',
      value: true,
      effectiveFrom: '2026-03-12',
      note: 'Prueba',
      actorUserId: admin.id,
      now: NOW,
    })
    expect(scheduled.ok).toBe(true)
    try {
      const { agent, drafted } = await partialDraft()
      if (!drafted.ok) throw drafted.error
      const decisionId = drafted.value.decisionId
      const coordinator = await insertStaffUser(db, 'coordinator')
      expect(
        await issueDecision({ decisionId, actor: { id: agent.id }, origin: ORIGIN, now: NOW }),
      ).toMatchObject({ ok: false, error: { code: 'pqr/approval_required' } })
      expect((await requestDecisionApproval({ decisionId, actor: { id: agent.id }, now: NOW })).ok).toBe(true)
      expect(
        await issueDecision({ decisionId, actor: { id: agent.id }, origin: ORIGIN, now: NOW }),
      ).toMatchObject({ ok: false, error: { code: 'pqr/approval_pending' } })
      expect(await approveDecision({ decisionId, actor: { id: agent.id }, now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'pqr/self_approval' },
      })
      expect((await approveDecision({ decisionId, actor: { id: coordinator.id }, now: NOW })).ok).toBe(true)
      const issued = await issueDecision({ decisionId, actor: { id: agent.id }, origin: ORIGIN, now: NOW })
      expect(issued.ok).toBe(true)
      const [d] = await db.select().from(pqrDecisions).where(eq(pqrDecisions.id, decisionId))
      expect(d).toMatchObject({ status: 'issued', approvedBy: coordinator.id })
    } finally {
      await scheduleSetting(db, {
        key: 'pqr.decision_approval_required',
        value: false,
        effectiveFrom: '2026-03-13',
        note: 'Prueba',
        actorUserId: admin.id,
        now: NOW,
      })
    }
  })
})

describeOnServer('a double click on «Expedir» from two connections', () => {
  test('issues once: one outgoing radicado, one credit note', async () => {
    const { claim, agent, drafted } = await partialDraft({ consent: false })
    if (!drafted.ok) throw drafted.error
    const results = await Promise.all(
      [0, 1].map(() =>
        issueDecision({
          decisionId: drafted.value.decisionId,
          actor: { id: agent.id },
          origin: ORIGIN,
          now: NOW,
        }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'pqr/already_issued' } })
    const notes = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.noteOfInvoiceId, claim.invoiceId))
    expect(notes).toHaveLength(1)
  })
})
