/**
 * Base layout of every email: the utility's identity, Spanish, colours with AA contrast on white (#0b3d62 text on
 * #ffffff is 11:1; the button's white on #0b5cab is 6.6:1), and a plain-text friendly structure.
 */
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { UTILITY } from './identity'

export const colors = {
  ink: '#1a1a1a',
  brand: '#0b3d62',
  accent: '#0b5cab',
  muted: '#4a4a4a',
  line: '#d0d7de',
}

export function Layout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="es-CO" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: '#f3f5f7', fontFamily: 'Arial, Helvetica, sans-serif', color: colors.ink }}
      >
        <Container
          style={{ backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' }}
        >
          <Section>
            <Text style={{ fontSize: '20px', fontWeight: 700, color: colors.brand, margin: 0 }}>
              {UTILITY.name}
            </Text>
            <Text style={{ fontSize: '13px', color: colors.muted, margin: '4px 0 0' }}>
              Acueducto, alcantarillado y aseo · NIT {UTILITY.nit}
            </Text>
          </Section>
          <Hr style={{ borderColor: colors.line, margin: '16px 0' }} />
          {children}
          <Hr style={{ borderColor: colors.line, margin: '24px 0 16px' }} />
          <Section>
            <Text style={{ fontSize: '12px', color: colors.muted, margin: 0 }}>
              {UTILITY.name} · NIT {UTILITY.nit} · {UTILITY.address} · Tel. {UTILITY.phone}
            </Text>
            <Text style={{ fontSize: '12px', color: colors.muted, margin: '4px 0 0' }}>
              {UTILITY.supervision}
            </Text>
            <Text style={{ fontSize: '12px', color: colors.muted, margin: '4px 0 0' }}>
              Este correo fue enviado automáticamente por la Ventanilla virtual; no responda a este mensaje.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  )
}
