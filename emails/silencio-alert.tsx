/** To the coordinator and legal: a case fell into silencio administrativo positivo and its effects must be recognised. */
import GenericNotice from './generic-notice'

export type SilencioAlertProps = {
  recipientName: string
  radicado: string
  subject: string
  /** dd/mm/aaaa: the answer deadline that ran out. */
  dueOn: string
  /** dd/mm/aaaa hh:mm: the end of the 72 hours to recognise the effects. */
  recognitionDeadline: string
  proposal: string
  url: string
}

export default function SilencioAlert(p: SilencioAlertProps) {
  return (
    <GenericNotice
      title={`Silencio administrativo positivo: PQR ${p.radicado}`}
      greeting={`Hola, ${p.recipientName}:`}
      paragraphs={[
        `El caso ${p.radicado} («${p.subject}») no tuvo decisión dentro del término, que venció el ${p.dueOn}. Por la Ley 142 de 1994, art. 158, la solicitud se entiende resuelta a favor del usuario.`,
        `Propuesta: ${p.proposal}`,
        `La empresa debe reconocer sus efectos antes del ${p.recognitionDeadline}. El área jurídica confirma el reconocimiento o deja constancia de por qué no procede.`,
      ]}
      button={{ label: 'Ver la tarea de reconocimiento', url: p.url }}
    />
  )
}

SilencioAlert.PreviewProps = {
  recipientName: 'Laura Jurídica',
  radicado: '2026-E-000123',
  subject: 'Cobro excesivo en la factura de marzo',
  dueOn: '24/03/2026',
  recognitionDeadline: '28/03/2026 12:00 a. m.',
  proposal: 'Se entiende concedido el reclamo: se abona el valor en reclamo de 1 factura(s) por $ 45.000.',
  url: 'https://ventanilla.aguasdelasabana.example/gestion/silencio/123',
} satisfies SilencioAlertProps
