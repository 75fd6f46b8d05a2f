/** A simple notice: a title, paragraphs and an optional button. Later templates reuse it or its pieces. */
import { Heading, Text } from '@react-email/components'
import { ActionButton } from './components/action-button'
import { colors, Layout } from './components/layout'

export type GenericNoticeProps = {
  title: string
  paragraphs: string[]
  /** Short text shown in the inbox list; defaults to the first paragraph. */
  preview?: string
  button?: { label: string; url: string }
  greeting?: string
}

export default function GenericNotice({ title, paragraphs, preview, button, greeting }: GenericNoticeProps) {
  return (
    <Layout preview={preview ?? paragraphs[0] ?? title}>
      <Heading as="h1" style={{ fontSize: '22px', color: colors.brand, margin: '0 0 16px' }}>
        {title}
      </Heading>
      {greeting ? <Text style={{ fontSize: '16px', lineHeight: '24px' }}>{greeting}</Text> : null}
      {paragraphs.map((p, i) => (
        <Text key={i} style={{ fontSize: '16px', lineHeight: '24px' }}>
          {p}
        </Text>
      ))}
      {button ? (
        <ActionButton href={button.url}>{button.label}</ActionButton>
      ) : null}
    </Layout>
  )
}

GenericNotice.PreviewProps = {
  title: 'Recibimos su solicitud',
  greeting: 'Hola, María:',
  paragraphs: [
    'Su petición quedó radicada con el número 2026-000123.',
    'Le responderemos dentro de los 15 días hábiles siguientes, como lo ordena la Ley 142 de 1994 (art. 158).',
  ],
  button: { label: 'Consultar mi PQR', url: 'https://ventanilla.aguasdelasabana.example/pqr/consulta' },
} satisfies GenericNoticeProps
