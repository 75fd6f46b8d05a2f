/**
 * Filing a PQR (issue 6 item 2), one transaction: the checks, a consecutive radicado, the case, the invoices under
 * claim with their disputed amounts held in the ledger (Ley 142 art. 155), the attachments, the consent snapshot,
 * the 'filed' event and trail, the clocks (art. 158: 15 business days from the Bogotá date of receipt) and the
 * acknowledgement email. A repeated submission of the same form (same idempotency key) returns the first case.
 */
import { createHash, randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { placeHold } from '~/billing/ledger/holds.server'
import { sum, toDb } from '~/billing/money'
import { todayInBogota, type IsoDate } from '~/calendar/business-days'
import type { DbOrTx } from '~/db.server'
import { grantConsent } from '~/identity/consents.server'
import { getSetting } from '~/settings/read.server'
import { recordTrail, type TrailActor } from '~/trail/record.server'
import { DomainError, ok, type Result } from '~/utils/errors'
import { formatCOP } from '~/utils/format'
import { pqrCaseInvoices, pqrCases, type PqrChannel } from '../../db/schema/pqr'
import { refreshCaseClocks } from './clock-refresh.server'
import { recordCaseEvent } from './events.server'
import { attachFiles, checkAttachments, type AttachmentInput } from './file-case-attachments.server'
import {
  checkAccount,
  checkCatalogue,
  checkClaims,
  isBillingClaim,
  type AccountRef,
  type CheckedClaim,
  type ClaimInput,
  type FileCaseError,
} from './file-case-checks.server'
import { sendFilingAcknowledgement } from './file-case-notice.server'
import { nextRadicado } from './radicado.server'

export type { FileCaseError, FileCaseErrorCode } from './file-case-checks.server'

export type FilingActor =
  | { kind: 'subscriber'; userId: string; accountIds: string[] }
  | { kind: 'staff'; userId: string }
  | { kind: 'public' }

export type FileCaseInput = {
  channel: PqrChannel
  typeCode: string
  causalCode: string
  subject: string
  description: string
  account?: AccountRef | null
  claims?: ClaimInput[]
  filer: { name: string; documentType: string; documentNumber: string; email?: string; phone?: string; address?: string }
  electronicNotificationConsent: boolean
  /** A written filing keeps its reception date (Bogotá); the other channels are received now. */
  receivedOn?: IsoDate | null
  attachments?: AttachmentInput[]
  idempotencyKey?: string | null
}

export type FileCaseOptions = { now?: Date; by: FilingActor; origin?: string; ip?: string | null; requestId?: string | null }

export type FiledCase = {
  caseId: string
  radicado: string
  filedOn: IsoDate
  dueOn: IsoDate
  /** False when the same form had already been filed: the first case is returned. */
  created: boolean
  /** The secret of the receipt link (null when not known, e.g. a repeated call without idempotency key). */
  receiptToken: string | null
}

/** The receipt link's secret: derived from the form's idempotency key, so a double submit gets the same link. */
export function receiptTokenFor(idempotencyKey: string | null | undefined): string {
  return idempotencyKey
    ? createHash('sha256').update(`pqr-receipt:${idempotencyKey}`).digest('base64url')
    : randomBytes(24).toString('base64url')
}

export const hashReceiptToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function fileCase(
  dbOrTx: DbOrTx,
  input: FileCaseInput,
  opts: FileCaseOptions,
): Promise<Result<FiledCase, FileCaseError>> {
  const now = opts.now ?? new Date()
  return dbOrTx.transaction(async (tx) => {
    if (input.idempotencyKey) {
      // Serialises two submissions of the same form; the second finds the first's case.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'pqr-filing:' + input.idempotencyKey}))`)
      const [existing] = await tx
        .select({ id: pqrCases.id, radicado: pqrCases.radicado, filedOn: pqrCases.filedOn, dueOn: pqrCases.dueOn })
        .from(pqrCases)
        .where(eq(pqrCases.idempotencyKey, input.idempotencyKey))
      if (existing)
        return ok({
          caseId: existing.id,
          radicado: existing.radicado,
          filedOn: existing.filedOn,
          dueOn: existing.dueOn,
          created: false,
          receiptToken: receiptTokenFor(input.idempotencyKey),
        })
    }
    return fileNewCase(tx, input, { ...opts, now })
  })
}

async function fileNewCase(
  tx: DbOrTx,
  input: FileCaseInput,
  opts: FileCaseOptions & { now: Date },
): Promise<Result<FiledCase, FileCaseError>> {
  const { now, by } = opts
  const today = todayInBogota(now)
  const catalogue = await checkCatalogue(tx, input.typeCode, input.causalCode)
  if (!catalogue.ok) return catalogue
  const account = await checkAccount(tx, input.account, by.kind === 'subscriber' ? by.accountIds : null)
  if (!account.ok) return account
  const billing = isBillingClaim(catalogue.value.type, catalogue.value.causal)
  const received = receptionDate(input, today)
  if (!received.ok) return received
  const filedOn = received.value
  let claims: CheckedClaim[] = []
  if (billing) {
    if (!account.value) return fail('pqr/account_required', 'Para un reclamo por facturación indique la cuenta.')
    if (!input.claims?.length)
      return fail('pqr/claims_required', 'Indique la factura que reclama y el valor que no está de acuerdo en pagar.')
    const checked = await checkClaims(tx, account.value, input.claims, filedOn)
    if (!checked.ok) return checked
    claims = checked.value
  } else if (input.claims?.length) {
    return fail('pqr/claims_not_allowed', 'Solo un reclamo por facturación lleva facturas y valores en reclamo.')
  }
  const attachments = await checkAttachments(tx, input.attachments ?? [], now)
  if (!attachments.ok) return attachments

  const { radicado, year, seq } = await nextRadicado(tx, 'entrada', { now })
  const receiptToken = receiptTokenFor(input.idempotencyKey)
  const consent = input.electronicNotificationConsent && Boolean(input.filer.email)
  const [created] = await tx
    .insert(pqrCases)
    .values({
      radicado,
      radicadoYear: year,
      radicadoSeq: seq,
      typeCode: catalogue.value.type.code,
      causalCode: catalogue.value.causal.code,
      channel: input.channel,
      accountId: account.value?.id ?? null,
      areaId: account.value?.areaId ?? null,
      filedByUserId: by.kind === 'subscriber' ? by.userId : null,
      filerName: input.filer.name,
      filerDocumentType: input.filer.documentType,
      filerDocumentNumber: input.filer.documentNumber.replace(/[.\s]/g, ''),
      filerEmail: input.filer.email?.toLowerCase() ?? null,
      filerPhone: input.filer.phone ?? null,
      filerAddress: input.filer.address ?? null,
      subject: input.subject,
      description: input.description,
      disputedAmount: claims.length ? toDb(sum(claims.map((c) => c.disputedAmount))) : null,
      extemporaneous: claims.some((c) => c.extemporaneous),
      electronicNotificationConsent: consent,
      receivedAt: now,
      filedOn,
      dueOn: filedOn, // replaced below by refreshCaseClocks, in this transaction
      idempotencyKey: input.idempotencyKey ?? null,
      receiptTokenHash: hashReceiptToken(receiptToken),
      createdBy: by.kind === 'public' ? null : by.userId,
    })
    .returning({ id: pqrCases.id })
  const caseId = created!.id
  const actor = filingActor(by)
  await recordCaseEvent(tx, {
    caseId,
    kind: 'filed',
    toState: 'radicada',
    body: `Radicado ${radicado} por ${channelPhrase(input.channel)}.`,
    data: { channel: input.channel, filedOn, claims: claims.length, extemporaneous: claims.some((c) => c.extemporaneous) },
    actor,
    occurredAt: now,
  })
  await holdDisputedAmounts(tx, caseId, account.value?.id ?? null, claims, { actor, now, radicado })
  await attachFiles(tx, caseId, attachments.value, { uploadedBy: by.kind === 'public' ? null : by.userId, actor, now })
  if (consent && by.kind === 'subscriber') {
    const policyVersion = await getSetting('identity.electronic_notification_policy_version', { now, db: tx })
    await grantConsent(tx, { userId: by.userId, kind: 'electronic_notification', policyVersion }, { now, ip: opts.ip, requestId: opts.requestId })
  }
  await recordTrail(tx, {
    entityType: 'pqr_case',
    entityId: caseId,
    action: 'pqr.filed',
    actor,
    summary: { radicado, channel: input.channel, typeCode: input.typeCode, causalCode: input.causalCode, filedOn },
    ip: opts.ip ?? null,
    requestId: opts.requestId ?? null,
    occurredAt: now,
  })
  const clocks = await refreshCaseClocks(tx, caseId, { now })
  const dueOn = clocks!.answerDueOn
  await sendFilingAcknowledgement(tx, { caseId, radicado, filedOn, dueOn, receiptToken, origin: opts.origin, input, claims })
  return ok({ caseId, radicado, filedOn, dueOn, created: true, receiptToken })
}

function fail(code: FileCaseError['code'], message: string): { ok: false; error: FileCaseError } {
  return { ok: false, error: new DomainError(code, message) }
}

/** `filed_on` is the Bogotá date of receipt; only a written filing may bring an earlier reception date. */
function receptionDate(input: FileCaseInput, today: IsoDate): Result<IsoDate, FileCaseError> {
  if (input.channel !== 'escrito' || !input.receivedOn) return ok(today)
  if (input.receivedOn > today) return fail('pqr/invalid_reception_date', 'La fecha de recibo no puede ser futura.')
  return ok(input.receivedOn)
}

/**
 * Ley 142 art. 155: the disputed amount is not collected while the claim is open: a hold excludes it from the overdue
 * balance, interest, collection lists and suspension. Art. 154: a claim against an invoice issued more than five
 * months earlier does not proceed, so its amount is recorded but not held (the agent decides on the flag).
 */
async function holdDisputedAmounts(
  tx: DbOrTx,
  caseId: string,
  accountId: string | null,
  claims: CheckedClaim[],
  ctx: { actor: TrailActor; now: Date; radicado: string },
) {
  for (const claim of claims) {
    let holdId: string | null = null
    if (!claim.extemporaneous && accountId) {
      const held = await placeHold(tx, {
        accountId,
        invoiceId: claim.invoiceId,
        amount: claim.disputedAmount,
        reason: `Reclamo ${ctx.radicado}`,
        related: { type: 'pqr_case', id: caseId },
        actor: ctx.actor,
      })
      if (!held.ok) throw held.error // the invoice was checked against the account above: a bug if it fails
      holdId = held.value.holdId
    }
    await tx.insert(pqrCaseInvoices).values({ caseId, invoiceId: claim.invoiceId, disputedAmount: claim.disputedAmount, holdId })
    await recordCaseEvent(tx, {
      caseId,
      kind: holdId ? 'hold_placed' : 'note',
      internal: !holdId,
      body: holdId
        ? `Valor en reclamo retenido: ${formatCOP(claim.disputedAmount)} de la factura ${claim.invoiceNumber ?? ''}.`
        : `Factura ${claim.invoiceNumber ?? ''} expedida el ${claim.issueOn}: más de cinco meses (Ley 142 art. 154). Reclamo extemporáneo; el valor no se retuvo.`,
      data: { invoiceId: claim.invoiceId, disputedAmount: claim.disputedAmount, holdId, extemporaneous: claim.extemporaneous },
      actor: ctx.actor,
      occurredAt: ctx.now,
    })
  }
}

function filingActor(by: FilingActor): TrailActor {
  if (by.kind === 'public') return { kind: 'system', label: 'Formulario público' }
  return { kind: 'user', userId: by.userId }
}

function channelPhrase(channel: PqrChannel): string {
  const phrases: Record<PqrChannel, string> = {
    portal: 'el portal Mi cuenta',
    web_publico: 'el formulario web',
    presencial: 'atención presencial',
    telefonico: 'atención telefónica',
    escrito: 'escrito recibido en ventanilla',
    correo: 'correo electrónico',
  }
  return phrases[channel]
}
