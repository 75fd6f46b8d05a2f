/** To the filer: the answer term was extended, with its reason and the new date (Ley 142 art. 158). */
import GenericNotice from './generic-notice'

export type ExtensionNoticeProps = {
  filerName: string
  radicado: string
  reason: string
  justification: string
  businessDays: number
  /** dd/mm/aaaa */
  originalDueOn: string
  /** dd/mm/aaaa */
  newDueOn: string
}

export default function ExtensionNotice(p: ExtensionNoticeProps) {
  return (
    <GenericNotice
      title={`Ampliamos el término para responder su PQR ${p.radicado}`}
      greeting={`Hola, ${p.filerName}:`}
      paragraphs={[
        `Para decidir su solicitud necesitamos más tiempo. Motivo: ${p.reason}.`,
        p.justification,
        `El término, que vencía el ${p.originalDueOn}, se amplía ${p.businessDays} día(s) hábil(es): le responderemos a más tardar el ${p.newDueOn} (Ley 142 de 1994, art. 158).`,
      ]}
    />
  )
}

ExtensionNotice.PreviewProps = {
  filerName: 'María Pérez',
  radicado: '2026-E-000123',
  reason: 'Visita técnica ordenada',
  justification: 'Ordenamos una visita técnica al predio para revisar el medidor y las instalaciones.',
  businessDays: 10,
  originalDueOn: '24/03/2026',
  newDueOn: '08/04/2026',
} satisfies ExtensionNoticeProps
