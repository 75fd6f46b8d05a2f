/**
 * Electronic notification of a PQR decision (CPACA art. 56, as amended by Ley 2080 de 2021 art. 10): sent only with
 * the filer's express consent. The notification takes effect when the person opens the decision through the link,
 * which the app certifies; the email says so, and what to do if they prefer another means.
 */
import GenericNotice from './generic-notice'

export type DecisionNoticeProps = {
  name: string
  caseRadicado: string
  outgoingRadicado: string
  issuedOn: string
  url: string
  recursoDays: number
}

export default function DecisionNotice(p: DecisionNoticeProps) {
  return (
    <GenericNotice
      title={`Decisión sobre su PQR ${p.caseRadicado}`}
      greeting={`Hola, ${p.name}:`}
      preview={`La empresa decidió su PQR ${p.caseRadicado}. Ábrala para quedar notificado.`}
      paragraphs={[
        `El ${p.issuedOn} expedimos la decisión ${p.outgoingRadicado} sobre su solicitud ${p.caseRadicado}. Usted autorizó la notificación electrónica.`,
        'Quedará notificado en la fecha y hora en que abra la decisión con el botón de abajo; la empresa certifica ese acceso (Ley 1437 de 2011, art. 56).',
        `Desde el día hábil siguiente a la notificación tiene ${p.recursoDays} días hábiles para presentar los recursos que indica la decisión.`,
        'Si prefiere ser notificado por otro medio, acérquese a nuestras oficinas o responda este correo.',
      ]}
      button={{ label: 'Abrir la decisión', url: p.url }}
    />
  )
}

DecisionNotice.PreviewProps = {
  name: 'Jorge Enrique',
  caseRadicado: '2026-E-000123',
  outgoingRadicado: '2026-S-000045',
  issuedOn: '12/03/2026',
  url: 'https://ventanilla.aguasdelasabana.example/mi-cuenta/pqr/x/decision',
  recursoDays: 5,
} satisfies DecisionNoticeProps
