/** To the filer: the company recognised the effects of silencio administrativo positivo (Ley 142 art. 158). */
import GenericNotice from './generic-notice'

export type SilencioRecognisedProps = {
  filerName: string
  radicado: string
  summary: string
  /** Formatted credit, when the claim had a billing effect. */
  credit?: string | null
}

export default function SilencioRecognised(p: SilencioRecognisedProps) {
  return (
    <GenericNotice
      title={`Su PQR ${p.radicado} se resolvió a su favor`}
      greeting={`Hola, ${p.filerName}:`}
      paragraphs={[
        `No le respondimos dentro del término legal, por lo que su solicitud se entiende resuelta a su favor (silencio administrativo positivo, Ley 142 de 1994, art. 158). Reconocemos sus efectos.`,
        p.summary,
        ...(p.credit ? [`Abonamos ${p.credit} a la factura en reclamo; lo verá reflejado en su saldo.`] : []),
        'Le enviaremos la decisión que lo reconoce, con los recursos que proceden.',
      ]}
    />
  )
}

SilencioRecognised.PreviewProps = {
  filerName: 'María Pérez',
  radicado: '2026-E-000123',
  summary: 'Se entiende concedido el reclamo: se abona el valor en reclamo de 1 factura(s).',
  credit: '$ 45.000',
} satisfies SilencioRecognisedProps
