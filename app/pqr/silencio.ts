/**
 * Silencio administrativo positivo (Ley 142 de 1994 art. 158, DL 2150/1995 art. 123; colombia-rules.md §1.3), pure:
 * which cases fell into it, and what the company must recognise. The clock and the case are inputs.
 */
import { z } from 'zod'
import { money, sum, toDb } from '~/billing/money'
import type { IsoDate } from '~/calendar/business-days'
import type { NotificationDefect } from './clocks'
import { isOpenBeforeDecision, type PqrState } from './status'

/**
 * Art. 158: when the answer term (`dueOn`, extension included) has run out and no decision was issued, the request is
 * deemed granted. Only states before a decision (status.ts OPEN_BEFORE_DECISION) count: a case decided, forwarded
 * by competence (CPACA art. 21), closed or already in silencio is never swept. The term ends with the day `dueOn`,
 * so silencio starts on the next calendar day (Bogotá).
 */
export function isInSilencio(c: { state: PqrState; dueOn: IsoDate }, today: IsoDate): boolean {
  return isOpenBeforeDecision(c.state) && c.dueOn < today
}

export type ClaimedInvoice = { invoiceId: string; disputedAmount: string; holdId: string | null }

export type SilencioEffect =
  | { kind: 'none' }
  | {
      kind: 'credit'
      total: string
      invoices: Array<{ invoiceId: string; amount: string; holdId: string | null }>
    }

/** What the recognition task proposes; stored on the task payload, applied by legal's confirmation. */
export type SilencioProposal = {
  outcome: 'accede'
  summary: string
  effect: SilencioEffect
}

/**
 * The granted outcome: everything the user asked for (art. 158, "se entenderá que la petición ha sido resuelta en
 * forma favorable"). For a billing claim the effect is crediting the disputed amount of each invoice under claim
 * (Ley 142 art. 155: that amount was on hold while the claim was pending).
 */
export function proposeSilencioEffect(c: {
  radicado: string
  subject: string
  isBillingClaim: boolean
  invoices: ClaimedInvoice[]
}): SilencioProposal {
  const claimed = c.invoices.filter((i) => money(i.disputedAmount).gt(0))
  if (!c.isBillingClaim || claimed.length === 0) {
    return {
      outcome: 'accede',
      summary: `Se entiende concedida la solicitud ${c.radicado} («${c.subject}») por silencio administrativo positivo.`,
      effect: { kind: 'none' },
    }
  }
  const total = toDb(sum(claimed.map((i) => money(i.disputedAmount))))
  return {
    outcome: 'accede',
    summary: `Se entiende concedido el reclamo ${c.radicado}: se abona el valor en reclamo de ${claimed.length} factura(s).`,
    effect: {
      kind: 'credit',
      total,
      invoices: claimed.map((i) => ({
        invoiceId: i.invoiceId,
        amount: toDb(money(i.disputedAmount)),
        holdId: i.holdId,
      })),
    },
  }
}

/** Why a notification puts the case at risk of silencio (clocks.ts notificationDefects), as staff read it. */
export const DEFECT_LABELS: Record<NotificationDefect, string> = {
  citation_late: 'la citación salió después de los 5 días hábiles (CPACA art. 68)',
  citation_missing: 'no se envió la citación dentro de los 5 días hábiles (CPACA art. 68)',
  aviso_missing: 'no se notificó por aviso a tiempo (CPACA art. 69)',
}

/** Legal's answer on the recognition task: confirm (applies the effect) or record why silencio does not apply. */
export const SilencioAnswerSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('recognise'),
    confirm: z.literal('si', { error: 'Confirme que reconoce el silencio positivo y aplica su efecto.' }),
    note: z.string().trim().max(2000, 'La observación no puede superar 2.000 caracteres.').optional(),
  }),
  z.object({
    intent: z.literal('not_applicable'),
    reason: z
      .string({ error: 'Explique por qué no procede el silencio positivo.' })
      .trim()
      .min(20, 'Explique por qué no procede el silencio positivo (al menos 20 caracteres).')
      .max(2000, 'La explicación no puede superar 2.000 caracteres.'),
  }),
])
export type SilencioAnswer = z.infer<typeof SilencioAnswerSchema>
