/** Tells the subscriber that a payment reported by the bank was returned (causal de devolución) and no longer counts. */
import GenericNotice from './generic-notice'

export type BankReturnNoticeProps = {
  fullName: string
  accountNumber: string
  /** Already formatted: '$ 85.400'. */
  amount: string
  /** Already formatted: '14/03/2026'. */
  paidOn: string
  cause: string
  /** Formatted balance after the return. */
  balanceAfter: string
  url: string
}

export default function BankReturnNotice({ fullName, accountNumber, amount, paidOn, cause, balanceAfter, url }: BankReturnNoticeProps) {
  return (
    <GenericNotice
      title="Su pago fue devuelto por el banco"
      greeting={`Hola, ${fullName}:`}
      paragraphs={[
        `El banco nos informó que devolvió el pago de ${amount} del ${paidOn} a la cuenta ${accountNumber}. Causal de devolución: ${cause}.`,
        'Por eso ese pago ya no cuenta en su saldo: los valores que había cubierto vuelven a estar pendientes. No se borró ningún registro; la devolución queda en el historial de su cuenta.',
        `Saldo actual de la cuenta: ${balanceAfter}.`,
        'Puede pagar de nuevo en línea o en los puntos autorizados. Si cree que se trata de un error, comuníquese con su banco o presente una petición en la ventanilla virtual.',
      ]}
      button={{ label: 'Ver mi cuenta', url }}
    />
  )
}

BankReturnNotice.PreviewProps = {
  fullName: 'María Pérez',
  accountNumber: '100245',
  amount: '$ 85.400',
  paidOn: '14/03/2026',
  cause: 'Cheque devuelto',
  balanceAfter: '$ 85.400',
  url: 'https://ventanilla.aguasdelasabana.example/mi-cuenta',
} satisfies BankReturnNoticeProps
