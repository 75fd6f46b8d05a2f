/** The one call to action of an email: a link styled as a button (white on #0b5cab is 6.6:1, see layout.tsx). */
import { Button, Section } from '@react-email/components'
import type { ReactNode } from 'react'
import { colors } from './layout'

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.accent,
          color: '#ffffff',
          padding: '12px 20px',
          borderRadius: '6px',
          fontSize: '16px',
          fontWeight: 700,
          textDecoration: 'none',
        }}
      >
        {children}
      </Button>
    </Section>
  )
}
