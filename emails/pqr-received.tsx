/** Acuse de recibo of a PQR: the radicado, the legal due date and where to follow it (Ley 142 art. 158). */
import { Heading, Text } from '@react-email/components'
import { ActionButton } from './components/action-button'
import { colors, Layout } from './components/layout'

export type PqrReceivedProps = {
  filerName: string
  radicado: string
  typeName: string
  subject: string
  /** dd/mm/aaaa */
  filedOn: string
  /** dd/mm/aaaa */
  dueOn: string
  /** Formatted pesos, when the filing disputes invoices. */
  disputedAmount?: string | null
  extemporaneous?: boolean
  receiptUrl?: string | null
  lookupUrl?: string | null
  electronicNotification: boolean
}

const p = { fontSize: '16px', lineHeight: '24px' }

export default function PqrReceived(props: PqrReceivedProps) {
  return (
    <Layout preview={`Su solicitud quedó radicada con el número ${props.radicado}`}>
      <Heading as="h1" style={{ fontSize: '22px', color: colors.brand, margin: '0 0 16px' }}>
        Recibimos su solicitud
      </Heading>
      <Text style={p}>Hola, {props.filerName}:</Text>
      <Text style={p}>
        Su {props.typeName.toLowerCase()} «{props.subject}» quedó radicada el {props.filedOn} con el número{' '}
        <strong>{props.radicado}</strong>. Guarde este número para consultar el estado de su solicitud.
      </Text>
      <Text style={p}>
        Le responderemos a más tardar el <strong>{props.dueOn}</strong>, dentro de los 15 días hábiles que ordena la Ley
        142 de 1994 (art. 158).
      </Text>
      {props.disputedAmount ? (
        <Text style={p}>
          Mientras resolvemos su reclamo no cobraremos el valor en discusión ({props.disputedAmount}). El resto de la
          factura debe pagarse en la fecha indicada (Ley 142 art. 155).
        </Text>
      ) : null}
      {props.extemporaneous ? (
        <Text style={p}>
          Una de las facturas reclamadas fue expedida hace más de cinco meses; la ley no permite reclamarla (art. 154).
          Revisaremos su caso y le informaremos.
        </Text>
      ) : null}
      <Text style={p}>
        {props.electronicNotification
          ? 'Usted autorizó recibir la respuesta por este correo electrónico.'
          : 'Le enviaremos una citación para notificarle la respuesta.'}
      </Text>
      {props.receiptUrl ? (
        <ActionButton href={props.receiptUrl}>Ver la constancia de radicación</ActionButton>
      ) : null}
      {props.lookupUrl ? <Text style={p}>Consulte el estado en {props.lookupUrl}</Text> : null}
    </Layout>
  )
}

PqrReceived.PreviewProps = {
  filerName: 'María Pérez',
  radicado: '2026-E-000123',
  typeName: 'Reclamo',
  subject: 'Cobro de consumo no realizado',
  filedOn: '03/03/2026',
  dueOn: '25/03/2026',
  disputedAmount: '$ 45.000',
  receiptUrl: 'https://ventanilla.example/pqr/constancia/abc?clave=x',
  lookupUrl: 'https://ventanilla.example/pqr/consulta',
  electronicNotification: true,
} satisfies PqrReceivedProps
