/**
 * Citation to be notified in person (CPACA art. 68): sent within 5 business days after the decision when there is no
 * consent to electronic notification. If the person does not come within 5 business days, an aviso follows (art. 69).
 */
import GenericNotice from './generic-notice'

export type CitationNoticeProps = {
  name: string
  caseRadicado: string
  outgoingRadicado: string
  issuedOn: string
  officeAddress: string
  appearBusinessDays: number
}

export default function CitationNotice(p: CitationNoticeProps) {
  return (
    <GenericNotice
      title={`Citación para notificarle la decisión de su PQR ${p.caseRadicado}`}
      greeting={`Hola, ${p.name}:`}
      paragraphs={[
        `El ${p.issuedOn} expedimos la decisión ${p.outgoingRadicado} sobre su solicitud ${p.caseRadicado}.`,
        `Le pedimos acercarse dentro de los ${p.appearBusinessDays} días hábiles siguientes a este envío a ${p.officeAddress}, con su documento de identidad, para notificarle personalmente la decisión y entregarle copia (Ley 1437 de 2011, art. 68).`,
        'Si no se presenta en ese plazo, le enviaremos la decisión por aviso a su dirección (art. 69).',
      ]}
    />
  )
}

CitationNotice.PreviewProps = {
  name: 'Diana Carolina',
  caseRadicado: '2026-E-000123',
  outgoingRadicado: '2026-S-000045',
  issuedOn: '12/03/2026',
  officeAddress: 'Calle 10 # 20-30, Zipaquirá',
  appearBusinessDays: 5,
} satisfies CitationNoticeProps
