/** Electronic invoice (SSPD Concepto 682/2020: sent only with the subscriber's express consent): a link to it. */
import { Heading, Text } from '@react-email/components'
import { ActionButton } from './components/action-button'
import { colors, Layout } from './components/layout'

export type InvoiceIssuedProps = {
  fullName: string
  accountNumber: string
  periodLabel: string
  totalToPay: string
  dueOn: string
  suspensionOn: string
  invoiceUrl: string
  pdfUrl: string
}

const text = { fontSize: '16px', lineHeight: '24px' }

export default function InvoiceIssued(p: InvoiceIssuedProps) {
  return (
    <Layout preview={`Su factura de ${p.periodLabel}: ${p.totalToPay}, pague hasta el ${p.dueOn}`}>
      <Heading as="h1" style={{ fontSize: '22px', color: colors.brand, margin: '0 0 16px' }}>
        Su factura de {p.periodLabel} está lista
      </Heading>
      <Text style={text}>Hola, {p.fullName}:</Text>
      <Text style={text}>
        La factura de la cuenta {p.accountNumber} por {p.totalToPay} ya está disponible. Pague a tiempo hasta el{' '}
        {p.dueOn}. Desde el {p.suspensionOn} el servicio puede suspenderse si no se ha pagado.
      </Text>
      <ActionButton href={p.invoiceUrl}>Ver mi factura</ActionButton>
      <Text style={text}>
        También puede descargarla en PDF: {p.pdfUrl}. Para verla debe ingresar a la Ventanilla virtual con su usuario.
      </Text>
      <Text style={{ fontSize: '13px', color: colors.muted }}>
        Recibe este correo porque autorizó la factura electrónica. Puede retirar la autorización en Mi cuenta cuando
        quiera.
      </Text>
    </Layout>
  )
}

InvoiceIssued.PreviewProps = {
  fullName: 'María Rodríguez',
  accountNumber: '1000234',
  periodLabel: 'marzo 2026',
  totalToPay: '$ 85.400',
  dueOn: '21/04/2026',
  suspensionOn: '26/04/2026',
  invoiceUrl: 'https://ventanilla.aguasdelasabana.example/mi-cuenta/facturas/1',
  pdfUrl: 'https://ventanilla.aguasdelasabana.example/mi-cuenta/facturas/1/pdf',
} satisfies InvoiceIssuedProps
