/**
 * The acknowledgement (acuse de recibo) of a filing, put in the outbox in the filing's transaction (STYLE.md §8): it
 * exists if and only if the radicado does. Sent to the filer's email when one was given.
 */
import { money } from '~/billing/money'
import type { IsoDate } from '~/calendar/business-days'
import type { DbOrTx } from '~/db.server'
import { enqueueEmail } from '~/mail/outbox.server'
import { formatCOP, formatDate } from '~/utils/format'
import { eq } from 'drizzle-orm'
import { pqrTypes } from '../../db/schema/pqr'
import type { CheckedClaim } from './file-case-checks.server'

export type AcknowledgementInput = {
  caseId: string
  radicado: string
  filedOn: IsoDate
  dueOn: IsoDate
  receiptToken: string
  origin?: string
  input: {
    typeCode: string
    subject: string
    electronicNotificationConsent: boolean
    filer: { name: string; email?: string }
  }
  claims: CheckedClaim[]
}

export function receiptPath(caseId: string, token: string): string {
  return `/pqr/constancia/${caseId}?clave=${encodeURIComponent(token)}`
}

export async function sendFilingAcknowledgement(tx: DbOrTx, a: AcknowledgementInput): Promise<void> {
  const to = a.input.filer.email
  if (!to) return
  const [type] = await tx.select({ name: pqrTypes.name }).from(pqrTypes).where(eq(pqrTypes.code, a.input.typeCode))
  const disputed = a.claims.reduce((s, c) => s.plus(c.disputedAmount), money(0))
  await enqueueEmail(tx, {
    to,
    template: 'pqr-received',
    props: {
      filerName: a.input.filer.name,
      radicado: a.radicado,
      typeName: type?.name ?? 'Solicitud',
      subject: a.input.subject,
      filedOn: formatDate(a.filedOn),
      dueOn: formatDate(a.dueOn),
      disputedAmount: disputed.gt(0) ? formatCOP(disputed.toFixed(2)) : null,
      extemporaneous: a.claims.some((c) => c.extemporaneous),
      receiptUrl: a.origin ? `${a.origin}${receiptPath(a.caseId, a.receiptToken)}` : null,
      lookupUrl: a.origin ? `${a.origin}/pqr/consulta` : null,
      electronicNotification: a.input.electronicNotificationConsent,
    },
    idempotencyKey: `pqr-received:${a.caseId}`,
    related: { entityType: 'pqr_case', entityId: a.caseId },
  })
}
