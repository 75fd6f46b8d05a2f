/** Deadline alert to staff: the agent 5 and 2 business days before the next deadline, the coordinator once overdue. */
import GenericNotice from './generic-notice'

export type PqrAlertProps = {
  recipientName: string
  kind: 'agent_first' | 'agent_second' | 'coordinator_overdue'
  radicado: string
  subject: string
  /** What is due, in Spanish ("responder", "enviar la citación", "notificar por aviso"). */
  stepLabel: string
  /** dd/mm/aaaa */
  dueOn: string
  /** Business days left (negative once overdue). */
  businessDaysLeft: number
  url: string
}

export function pqrAlertTitle(p: Pick<PqrAlertProps, 'kind' | 'radicado' | 'businessDaysLeft'>): string {
  if (p.kind === 'coordinator_overdue') return `PQR ${p.radicado}: plazo vencido`
  if (p.businessDaysLeft <= 0) return `PQR ${p.radicado}: vence hoy`
  return `PQR ${p.radicado}: vence en ${p.businessDaysLeft} día(s) hábil(es)`
}

export default function PqrAlert(p: PqrAlertProps) {
  const overdue = p.kind === 'coordinator_overdue'
  return (
    <GenericNotice
      title={pqrAlertTitle(p)}
      greeting={`Hola, ${p.recipientName}:`}
      paragraphs={[
        `Caso ${p.radicado} («${p.subject}»). Próximo paso: ${p.stepLabel}.`,
        overdue
          ? `El plazo venció el ${p.dueOn} y el paso no se ha cumplido. Revise el caso y tome las medidas necesarias: si no se decide a tiempo, se configura el silencio administrativo positivo (Ley 142 de 1994, art. 158).`
          : `El plazo vence el ${p.dueOn}. Si la decisión no se expide y notifica a tiempo, se configura el silencio administrativo positivo (Ley 142 de 1994, art. 158).`,
      ]}
      button={{ label: 'Abrir el caso', url: p.url }}
    />
  )
}

PqrAlert.PreviewProps = {
  recipientName: 'Andrés Gómez',
  kind: 'agent_first',
  radicado: '2026-E-000123',
  subject: 'Cobro excesivo en la factura de marzo',
  stepLabel: 'responder la petición',
  dueOn: '24/03/2026',
  businessDaysLeft: 5,
  url: 'https://ventanilla.aguasdelasabana.example/gestion/casos/123',
} satisfies PqrAlertProps
