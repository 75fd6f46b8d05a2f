/**
 * The email templates the outbox can render, by name, with their subject line. One entry per file in emails/.
 * Later issues add their templates here.
 */
import type { ComponentType } from 'react'
import BankReturnNotice, { type BankReturnNoticeProps } from '../../emails/bank-return-notice'
import GenericNotice, { type GenericNoticeProps } from '../../emails/generic-notice'
import CitationNotice, { type CitationNoticeProps } from '../../emails/citation-notice'
import DecisionNotice, { type DecisionNoticeProps } from '../../emails/decision-notice'
import PasswordReset, { type PasswordResetProps } from '../../emails/password-reset'
import PqrReceived, { type PqrReceivedProps } from '../../emails/pqr-received'
import VerifyEmail, { type VerifyEmailProps } from '../../emails/verify-email'
import PqrAlert, { pqrAlertTitle, type PqrAlertProps } from '../../emails/pqr-alert'
import SilencioAlert, { type SilencioAlertProps } from '../../emails/silencio-alert'
import SilencioRecognised, { type SilencioRecognisedProps } from '../../emails/silencio-recognised'
import ExtensionNotice, { type ExtensionNoticeProps } from '../../emails/extension-notice'
import PaymentReceipt, { type PaymentReceiptProps } from '../../emails/payment-receipt'
import PaymentReversed, { type PaymentReversedProps } from '../../emails/payment-reversed'
import InvoiceIssued, { type InvoiceIssuedProps } from '../../emails/invoice-issued'

type TemplateEntry<P> = { component: ComponentType<P>; subject: (props: P) => string }

function template<P>(entry: TemplateEntry<P>): TemplateEntry<P> {
  return entry
}

export const TEMPLATES = {
  'bank-return-notice': template<BankReturnNoticeProps>({ component: BankReturnNotice, subject: () => 'Su pago fue devuelto por el banco' }),
  'generic-notice': template<GenericNoticeProps>({ component: GenericNotice, subject: (p) => p.title }),
  'decision-notice': template<DecisionNoticeProps>({ component: DecisionNotice, subject: (p) => `Notificación electrónica de la decisión de su PQR ${p.caseRadicado}` }),
  'citation-notice': template<CitationNoticeProps>({ component: CitationNotice, subject: (p) => `Citación para notificación personal: PQR ${p.caseRadicado}` }),
  'pqr-received': template<PqrReceivedProps>({ component: PqrReceived, subject: (p) => `Su solicitud quedó radicada con el número ${p.radicado}` }),
  'password-reset': template<PasswordResetProps>({ component: PasswordReset, subject: () => 'Restablezca su contraseña' }),
  'verify-email': template<VerifyEmailProps>({ component: VerifyEmail, subject: () => 'Confirme su correo electrónico' }),
  'pqr-alert': template<PqrAlertProps>({ component: PqrAlert, subject: pqrAlertTitle }),
  'silencio-alert': template<SilencioAlertProps>({ component: SilencioAlert, subject: (p) => `Silencio administrativo positivo: PQR ${p.radicado}` }),
  'silencio-recognised': template<SilencioRecognisedProps>({ component: SilencioRecognised, subject: (p) => `Su PQR ${p.radicado} se resolvió a su favor` }),
  'extension-notice': template<ExtensionNoticeProps>({ component: ExtensionNotice, subject: (p) => `Ampliación del término de su PQR ${p.radicado}` }),
  'payment-receipt': template<PaymentReceiptProps>({ component: PaymentReceipt, subject: (p) => `Comprobante de pago: cuenta ${p.accountNumber}` }),
  'invoice-issued': template<InvoiceIssuedProps>({ component: InvoiceIssued, subject: (p) => `Su factura de ${p.periodLabel}: cuenta ${p.accountNumber}` }),
  'payment-reversed': template<PaymentReversedProps>({ component: PaymentReversed, subject: (p) => `Pago anulado: cuenta ${p.accountNumber}` }),
}

export type TemplateName = keyof typeof TEMPLATES
export type TemplateProps<T extends TemplateName> =
  (typeof TEMPLATES)[T] extends TemplateEntry<infer P> ? P : never
