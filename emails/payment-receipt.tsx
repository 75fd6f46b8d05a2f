/** The receipt of a payment made online: sent in the same transaction that posts the payment to the ledger. */
import { Heading, Section, Text } from '@react-email/components'
import { ActionButton } from './components/action-button'
import { colors, Layout } from './components/layout'

export type PaymentReceiptProps = {
  fullName: string
  accountNumber: string
  /** Already formatted for people: `$ 85.400`. */
  amount: string
  /** dd/mm/aaaa */
  paidOn: string
  paymentReference: string
  gatewayTransactionId: string
  paymentMethod: string
  /** The account's balance right after the payment, formatted; a credit reads as "a favor". */
  balanceAfter: string
  receiptUrl: string
}

const facts = (p: PaymentReceiptProps): Array<[string, string]> => [
  ['Cuenta', p.accountNumber],
  ['Valor pagado', p.amount],
  ['Fecha de pago', p.paidOn],
  ['Referencia de pago', p.paymentReference],
  ['Transacción en la pasarela', p.gatewayTransactionId],
  ['Medio de pago', p.paymentMethod],
  ['Saldo de la cuenta después del pago', p.balanceAfter],
]

export default function PaymentReceipt(p: PaymentReceiptProps) {
  return (
    <Layout preview={`Recibimos su pago de ${p.amount} para la cuenta ${p.accountNumber}`}>
      <Heading as="h1" style={{ fontSize: '22px', color: colors.brand, margin: '0 0 16px' }}>
        Comprobante de pago
      </Heading>
      <Text style={{ fontSize: '16px', lineHeight: '24px' }}>Hola, {p.fullName}:</Text>
      <Text style={{ fontSize: '16px', lineHeight: '24px' }}>
        Recibimos su pago en línea y ya quedó aplicado a su cuenta. Guarde este correo como constancia.
      </Text>
      <Section>
        {facts(p).map(([label, value]) => (
          <Text key={label} style={{ fontSize: '15px', lineHeight: '22px', margin: '0 0 8px' }}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
      </Section>
      <ActionButton href={p.receiptUrl}>Ver el comprobante</ActionButton>
    </Layout>
  )
}

PaymentReceipt.PreviewProps = {
  fullName: 'Jorge Enrique Gómez Rojas',
  accountNumber: '100-004512',
  amount: '$ 85.400',
  paidOn: '15/03/2026',
  paymentReference: '0000001230',
  gatewayTransactionId: '1234-1610641025-49201',
  paymentMethod: 'PSE',
  balanceAfter: '$ 0',
  receiptUrl: 'https://ventanilla.aguasdelasabana.example/mi-cuenta/pagos/7f1c',
} satisfies PaymentReceiptProps
