/** A note to the subscriber when an online payment is reversed (a card transaction VOIDED at the gateway). */
import GenericNotice from './generic-notice'

export type PaymentReversedProps = {
  fullName: string
  accountNumber: string
  /** Formatted: `$ 85.400`. */
  amount: string
  /** dd/mm/aaaa of the original payment. */
  paidOn: string
  gatewayTransactionId: string
  /** Formatted balance after the reversal. */
  balanceAfter: string
  receiptUrl: string
}

export default function PaymentReversed(p: PaymentReversedProps) {
  return (
    <GenericNotice
      title="Su pago en línea fue anulado"
      greeting={`Hola, ${p.fullName}:`}
      paragraphs={[
        `La pasarela de pagos nos informó que anuló la transacción ${p.gatewayTransactionId} por ${p.amount}, del ${p.paidOn}, para la cuenta ${p.accountNumber}.`,
        'Por eso reversamos ese pago en su cuenta: el valor vuelve a quedar pendiente. El pago y su reversión quedan registrados; no se borró nada.',
        `Saldo actual de la cuenta: ${p.balanceAfter}. Si usted no pidió esta anulación, comuníquese con su banco o con nosotros.`,
      ]}
      button={{ label: 'Ver el pago', url: p.receiptUrl }}
    />
  )
}

PaymentReversed.PreviewProps = {
  fullName: 'Jorge Enrique Gómez Rojas',
  accountNumber: '100-004512',
  amount: '$ 85.400',
  paidOn: '15/03/2026',
  gatewayTransactionId: '1234-1610641025-49203',
  balanceAfter: '$ 85.400',
  receiptUrl: 'https://ventanilla.aguasdelasabana.example/mi-cuenta/pagos/7f1c',
} satisfies PaymentReversedProps
