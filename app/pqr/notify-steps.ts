/**
 * The next notification step the case page proposes (pure, client-safe), from the case's state, its notification
 * rows and the stored clocks (next_step_due_on: the citation deadline while decidida, the aviso date while citada).
 * CPACA art. 68: cite within 5 business days after the decision; art. 69: aviso when the person has not come 5
 * business days after the citation; art. 69 inciso 2: publication when the address is unknown or the aviso came back.
 */
import type { PqrState } from '../../db/schema/pqr'

export type NoticeFacts = {
  kind: string
  sentOn: string | null
  openedAt: string | null
  deliveredOn: string | null
  returned: boolean
  publishedUntil: string | null
}

export type StepInput = {
  state: PqrState
  hasEmail: boolean
  hasAddress: boolean
  notices: NoticeFacts[]
  nextStepDueOn: string | null
  recursoUntil: string | null
  today: string
}

export type StepKind =
  | 'cite_post'
  | 'notify_personal'
  | 'await_appearance'
  | 'send_aviso'
  | 'record_aviso_outcome'
  | 'publish'
  | 'await_publication'
  | 'await_recurso'

export type ProposedStep = { kind: StepKind; label: string; dueOn: string | null; isDue: boolean }

export function proposeNotificationSteps(i: StepInput): ProposedStep[] {
  const steps: ProposedStep[] = []
  const due = i.nextStepDueOn
  if (i.state === 'decidida') {
    if (!i.hasAddress && !i.hasEmail)
      steps.push({
        kind: 'publish',
        label: 'Sin dirección conocida: publique la citación y el aviso en la página web.',
        dueOn: due,
        isDue: true,
      })
    else
      steps.push({
        kind: 'cite_post',
        label: 'Envíe la citación para notificación personal.',
        dueOn: due,
        isDue: due != null && i.today >= due,
      })
    steps.push({
      kind: 'notify_personal',
      label: 'Si la persona se presenta, regístrela como notificación personal.',
      dueOn: null,
      isDue: false,
    })
    return steps
  }
  if (i.state === 'citada') {
    const avisos = i.notices.filter((n) => n.kind === 'aviso')
    const publication = i.notices.find((n) => n.kind === 'publicacion')
    steps.push({
      kind: 'notify_personal',
      label: 'Si la persona se presenta, regístrela como notificación personal.',
      dueOn: null,
      isDue: false,
    })
    if (publication) {
      steps.push({
        kind: 'await_publication',
        label:
          'Aviso publicado en la página web: la notificación se surte al finalizar el día siguiente al retiro.',
        dueOn: publication.publishedUntil,
        isDue: false,
      })
    } else if (avisos.some((a) => a.returned)) {
      steps.push({
        kind: 'publish',
        label: 'El aviso fue devuelto: publíquelo en la página web con copia de la decisión.',
        dueOn: null,
        isDue: true,
      })
    } else if (avisos.some((a) => !a.deliveredOn && !a.returned)) {
      steps.push({
        kind: 'record_aviso_outcome',
        label: 'Registre la entrega o la devolución del aviso con la constancia de la empresa de mensajería.',
        dueOn: null,
        isDue: true,
      })
    } else if (!i.hasAddress) {
      steps.push({
        kind: 'publish',
        label: 'Sin dirección para el aviso: publíquelo en la página web.',
        dueOn: due,
        isDue: due != null && i.today > due,
      })
    } else if (due && i.today > due) {
      steps.push({
        kind: 'send_aviso',
        label: 'Venció el plazo para comparecer: envíe el aviso con copia íntegra de la decisión.',
        dueOn: due,
        isDue: true,
      })
    } else {
      const electronic = i.notices.some((n) => n.kind === 'electronica' && !n.openedAt)
      const label = electronic
        ? 'Esperando que la persona abra la notificación electrónica'
        : 'Esperando que la persona comparezca'
      steps.push({
        kind: 'await_appearance',
        label: due ? `${label}; si no, el aviso procede después de esta fecha.` : `${label}.`,
        dueOn: due,
        isDue: false,
      })
    }
    return steps
  }
  if (i.state === 'notificada' || i.state === 'en_termino_de_recursos')
    steps.push({
      kind: 'await_recurso',
      label: 'Corre el término para interponer recursos; si vence sin recurso, la decisión queda en firme.',
      dueOn: i.recursoUntil,
      isDue: false,
    })
  return steps
}
