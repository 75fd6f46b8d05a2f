/**
 * What a subscriber or a public visitor reads as "the next step" of a case (client-safe, pure). No personal data.
 */
import type { PqrState } from '../../db/schema/pqr'

export type NextStepInput = { state: PqrState; dueOn: string; recursoUntil: string | null; today: string }

/** dd/mm/aaaa from an IsoDate without going through Date (STYLE.md §7). */
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export function describeNextStep({ state, dueOn, recursoUntil, today }: NextStepInput): string {
  switch (state) {
    case 'radicada':
    case 'asignada':
    case 'en_tramite':
    case 'en_pruebas':
      return today <= dueOn
        ? `La empresa está estudiando su solicitud y debe responder a más tardar el ${dmy(dueOn)} (Ley 142 art. 158).`
        : `El plazo de respuesta venció el ${dmy(dueOn)}. Si no se expidió la respuesta a tiempo, opera el silencio administrativo positivo (Ley 142 art. 158).`
    case 'remitida_por_competencia':
      return 'Su solicitud fue remitida a la entidad competente, que le responderá directamente.'
    case 'decidida':
    case 'citada':
      return 'La empresa ya decidió su solicitud. Recibirá una citación o una notificación electrónica para conocer la decisión.'
    case 'notificada':
    case 'en_termino_de_recursos':
      return recursoUntil && today <= recursoUntil
        ? `La decisión fue notificada. Puede presentar recurso de reposición (y en subsidio de apelación) hasta el ${dmy(recursoUntil)} (Ley 142 art. 154).`
        : 'La decisión fue notificada y el plazo para presentar recursos terminó.'
    case 'firme':
      return 'La decisión quedó en firme.'
    case 'recurrida':
    case 'por_trasladar_sspd':
    case 'enviada_sspd':
      return 'Se presentó un recurso contra la decisión; está en trámite.'
    case 'decidida_sspd':
      return 'La Superintendencia de Servicios Públicos decidió la apelación.'
    case 'silencio_positivo':
      return 'Operó el silencio administrativo positivo: la empresa debe reconocer los efectos de su solicitud.'
    case 'cerrada':
      return 'El caso está cerrado.'
  }
}
