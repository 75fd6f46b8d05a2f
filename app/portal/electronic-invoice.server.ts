/**
 * The subscriber's consent to receive the invoice by email instead of on paper (SSPD Concepto 682/2020: express
 * consent, and the invoice keeps the Ley 142 art. 148 content). Stored as a 'electronic_invoice' consent with the
 * version of the text they accepted; granting and withdrawing go in the audit trail (app/identity/consents).
 */
import { and, eq, isNull } from 'drizzle-orm'
import { db as defaultDb, type Db } from '~/db.server'
import { grantConsent, withdrawConsent } from '~/identity/consents.server'
import { getSetting } from '~/settings/read.server'
import { consents } from '../../db/schema'

type Meta = { requestId?: string | null; ip?: string | null }

export async function hasElectronicInvoice(userId: string, db: Db = defaultDb): Promise<boolean> {
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, 'electronic_invoice'), isNull(consents.withdrawnAt)))
  return Boolean(row)
}

export async function setElectronicInvoice(userId: string, wanted: boolean, meta: Meta = {}): Promise<void> {
  const now = new Date()
  if (!wanted) {
    await withdrawConsent({ userId, kind: 'electronic_invoice' }, { ...meta, now })
    return
  }
  const policyVersion = await getSetting('invoice.electronic_consent_version', { now })
  await defaultDb.transaction((tx) => grantConsent(tx, { userId, kind: 'electronic_invoice', policyVersion }, { ...meta, now }))
}
