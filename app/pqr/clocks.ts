/**
 * The legal clocks of a PQR case, computed from its events (pure: no database, the clock and the holidays are
 * inputs). Sources: colombia-rules.md §1–§3. Each rule cites its norm; every term comes from the settings.
 */
import {
  addBusinessDays,
  addCalendarDays,
  addCalendarHours,
  businessDaysBetween,
  startOfBogotaDay,
  type Holidays,
  type IsoDate,
} from '~/calendar/business-days'

export const NOTIFICATION_METHODS = ['personal', 'electronica', 'aviso', 'conducta_concluyente'] as const
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number]

/** Terms from the settings catalogue, passed as a plain object (see CLOCK_SETTING_KEYS). */
export type ClockTerms = {
  answerBusinessDays: number
  trasladoBusinessDays: number
  citationBusinessDays: number
  avisoAfterCitationBusinessDays: number
  recursoBusinessDays: number
  sapRecognitionHours: number
  extensionMaxBusinessDays: number
  atRiskBusinessDays: number
  saturdays: boolean
}

/** Where each term lives in app/settings/catalog.ts. */
export const CLOCK_SETTING_KEYS = {
  answerBusinessDays: 'pqr.answer_term_business_days',
  trasladoBusinessDays: 'pqr.traslado_term_business_days',
  citationBusinessDays: 'pqr.citation_term_business_days',
  avisoAfterCitationBusinessDays: 'pqr.aviso_after_citation_business_days',
  recursoBusinessDays: 'pqr.recurso_window_business_days',
  sapRecognitionHours: 'pqr.sap_recognition_hours',
  extensionMaxBusinessDays: 'pqr.extension_max_business_days',
  atRiskBusinessDays: 'pqr.at_risk_business_days',
  saturdays: 'calendar.saturdays_are_business_days',
} as const satisfies Record<keyof ClockTerms, string>

export type CaseEvents = {
  /** The Bogotá calendar date of receipt (a written filing keeps its reception date). */
  filedOn: IsoDate
  /** Art. 158 extension (evidence or a visit ordered, delay caused by the user), granted and told to the user. */
  extension?: { grantedOn: IsoDate; businessDays: number } | null
  /** Forwarded to the competent authority (CPACA art. 21): the case leaves our answer clock. */
  trasladadoOn?: IsoDate | null
  decidedOn?: IsoDate | null
  citationSentOn?: IsoDate | null
  electronicNoticeSentOn?: IsoDate | null
  electronicNoticeOpenedOn?: IsoDate | null
  avisoSentOn?: IsoDate | null
  avisoDeliveredOn?: IsoDate | null
  /** When notification happened; for aviso, the delivery date (the effective date is derived). */
  notification?: { method: NotificationMethod; on: IsoDate } | null
}

export type NextStep = 'answer' | 'cite' | 'notify' | 'recurso_window' | 'none'

export type CaseClocks = {
  originalAnswerDueOn: IsoDate
  answerDueOn: IsoDate
  extensionAccepted: boolean | null
  trasladoDueOn: IsoDate
  citationDueOn: IsoDate | null
  avisoDueOn: IsoDate | null
  notificationEffectiveOn: IsoDate | null
  recursoWindowEndsOn: IsoDate | null
  /** Until this instant the company may recognise silencio positivo on its own (art. 158). */
  sapRecognitionDeadline: Date
  next: { step: NextStep; dueOn: IsoDate | null; businessDaysLeft: number | null }
  isOverdue: boolean
  isAtRisk: boolean
  isSilencioPositivo: boolean
  /** Notification steps that broke CPACA arts. 56, 67–69: the SSPD reads them as silencio positivo triggers. */
  notificationDefects: NotificationDefect[]
  isSilencioRisk: boolean
}

export type NotificationDefect = 'citation_late' | 'citation_missing' | 'aviso_missing'

type Ctx = { holidays: Holidays; terms: ClockTerms }

const later = (a: IsoDate, b: IsoDate) => a > b
const min = (a: IsoDate | null | undefined, b: IsoDate | null | undefined) =>
  !a ? (b ?? null) : !b || a <= b ? a : b

function add(start: IsoDate, n: number, { holidays, terms }: Ctx): IsoDate {
  return addBusinessDays(start, n, holidays, { saturdays: terms.saturdays })
}

/**
 * Ley 142 art. 158 (DL 2150/1995 art. 123): 15 business days to decide, day 1 being the business day after filing.
 * An extension counts only when granted before the term expires and within the setting's maximum, for the reasons
 * art. 158 accepts (checked by the use case that records it); otherwise the original term stands.
 */
function answerDue(e: CaseEvents, ctx: Ctx) {
  const original = add(e.filedOn, ctx.terms.answerBusinessDays, ctx)
  if (!e.extension) return { original, due: original, accepted: null }
  const { grantedOn, businessDays } = e.extension
  const accepted =
    !later(grantedOn, original) && businessDays > 0 && businessDays <= ctx.terms.extensionMaxBusinessDays
  return { original, due: accepted ? add(original, businessDays, ctx) : original, accepted }
}

/** The first notice to appear: the citation, or an electronic notice, which counts as the citation (CPACA art. 56). */
function firstNoticeOn(e: CaseEvents): IsoDate | null {
  return min(e.citationSentOn, e.electronicNoticeSentOn)
}

/**
 * CPACA art. 69: when personal notification has not happened 5 business days after the citation was sent, notify by
 * aviso. For an electronic notice (art. 56) the same 5 days run from sending when it was not opened in time.
 */
function avisoDue(e: CaseEvents, ctx: Ctx): IsoDate | null {
  const days = ctx.terms.avisoAfterCitationBusinessDays
  const byCitation = e.citationSentOn ? add(e.citationSentOn, days, ctx) : null
  let byElectronic: IsoDate | null = null
  if (e.electronicNoticeSentOn) {
    const limit = add(e.electronicNoticeSentOn, days, ctx)
    const openedInTime = e.electronicNoticeOpenedOn != null && !later(e.electronicNoticeOpenedOn, limit)
    if (!openedInTime) byElectronic = limit
  }
  return min(byCitation, byElectronic)
}

/**
 * The day notification legally takes effect. Personal (CPACA art. 67) and conducta concluyente (art. 72): that day.
 * Electronic (art. 56, Ley 2080/2021 art. 10): the certified access date. Aviso (art. 69): "al finalizar el día
 * siguiente al de la entrega": the business day after delivery (Ley 4/1913 art. 62 excludes non-working days from
 * day-terms; the later reading also protects the user's recurso window).
 */
export function notificationEffectiveOn(
  e: CaseEvents,
  holidays: Holidays,
  terms: ClockTerms,
): IsoDate | null {
  const n = e.notification
  if (!n) return null
  if (n.method === 'aviso') return add(e.avisoDeliveredOn ?? n.on, 1, { holidays, terms })
  if (n.method === 'electronica') return e.electronicNoticeOpenedOn ?? n.on
  return n.on
}

/**
 * Ley 142 art. 158: the company recognises silencio positivo within 72 hours after the term expires, counted as
 * calendar hours from 00:00 (Bogotá) of the day after the last business day (conservative reading, open question 4).
 */
export function sapRecognitionDeadline(answerDueOn: IsoDate, terms: ClockTerms): Date {
  return addCalendarHours(startOfBogotaDay(addCalendarDays(answerDueOn, 1)), terms.sapRecognitionHours)
}

type BaseClocks = Pick<CaseClocks, 'answerDueOn' | 'citationDueOn' | 'avisoDueOn' | 'recursoWindowEndsOn'>

function nextStep(e: CaseEvents, c: BaseClocks): { step: NextStep; dueOn: IsoDate | null } {
  if (e.trasladadoOn) return { step: 'none', dueOn: null }
  if (!e.decidedOn) return { step: 'answer', dueOn: c.answerDueOn }
  if (e.notification) return { step: 'recurso_window', dueOn: c.recursoWindowEndsOn }
  if (!firstNoticeOn(e)) return { step: 'cite', dueOn: c.citationDueOn }
  // Once the aviso is out, the company waits for its delivery: no company deadline is running.
  if (e.avisoSentOn) return { step: 'notify', dueOn: null }
  return { step: 'notify', dueOn: c.avisoDueOn }
}

/** Every clock of a case as of `today` (the Bogotá date, from todayInBogota(now)). */
export function computeClocks(
  e: CaseEvents,
  today: IsoDate,
  holidays: Holidays,
  terms: ClockTerms,
): CaseClocks {
  const ctx: Ctx = { holidays, terms }
  const answer = answerDue(e, ctx)
  const effective = notificationEffectiveOn(e, holidays, terms)
  const base = {
    originalAnswerDueOn: answer.original,
    answerDueOn: answer.due,
    extensionAccepted: answer.accepted,
    // CPACA art. 21 (Ley 1755/2015): a written petition we are not competent for is forwarded within 5 business days.
    trasladoDueOn: add(e.filedOn, terms.trasladoBusinessDays, ctx),
    // CPACA art. 68: the citation goes out within 5 business days after the decision is issued.
    citationDueOn: e.decidedOn ? add(e.decidedOn, terms.citationBusinessDays, ctx) : null,
    avisoDueOn: avisoDue(e, ctx),
    notificationEffectiveOn: effective,
    // Ley 142 art. 154: recursos within 5 business days after notification takes effect.
    recursoWindowEndsOn: effective ? add(effective, terms.recursoBusinessDays, ctx) : null,
    sapRecognitionDeadline: sapRecognitionDeadline(answer.due, terms),
  }
  const step = nextStep(e, base)
  const left = step.dueOn
    ? businessDaysBetween(today, step.dueOn, holidays, { saturdays: terms.saturdays })
    : null
  // The recurso window is the user's term, not a company deadline: it never makes the case overdue.
  const isCompanyStep = step.step === 'answer' || step.step === 'cite' || step.step === 'notify'
  const isOverdue = isCompanyStep && step.dueOn != null && later(today, step.dueOn)
  // Ley 142 art. 158: no decision issued by the answer deadline means the request is granted (silencio positivo).
  const isSilencioPositivo =
    !e.trasladadoOn && (e.decidedOn ? later(e.decidedOn, answer.due) : later(today, answer.due))
  const defects = notificationDefects(e, base, today)
  return {
    ...base,
    next: { ...step, businessDaysLeft: left },
    isOverdue,
    isAtRisk: isCompanyStep && !isOverdue && left != null && left <= terms.atRiskBusinessDays,
    isSilencioPositivo,
    notificationDefects: defects,
    isSilencioRisk: defects.length > 0,
  }
}

/** SSPD doctrine (colombia-rules.md §1.3): a notification that does not follow CPACA arts. 67–69 triggers SAP. */
function notificationDefects(
  e: CaseEvents,
  c: { citationDueOn: IsoDate | null; avisoDueOn: IsoDate | null },
  today: IsoDate,
): NotificationDefect[] {
  if (!e.decidedOn || e.trasladadoOn) return []
  const out: NotificationDefect[] = []
  const notice = firstNoticeOn(e)
  const notifiedOn = e.notification?.on ?? null
  if (notice && c.citationDueOn && later(notice, c.citationDueOn)) out.push('citation_late')
  if (!notice && !notifiedOn && c.citationDueOn && later(today, c.citationDueOn)) out.push('citation_missing')
  if (c.avisoDueOn && !e.avisoSentOn && !notifiedOn && later(today, c.avisoDueOn)) out.push('aviso_missing')
  return out
}
