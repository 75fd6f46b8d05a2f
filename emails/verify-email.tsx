/** The email-verification link sent after registration (single use). */
import GenericNotice from './generic-notice'

export type VerifyEmailProps = { fullName: string; url: string; validHours: number }

export default function VerifyEmail({ fullName, url, validHours }: VerifyEmailProps) {
  return (
    <GenericNotice
      title="Confirme su correo electrónico"
      greeting={`Hola, ${fullName}:`}
      paragraphs={[
        'Gracias por registrarse en la ventanilla virtual. Para ver la información de sus cuentas, confirme que este correo es suyo.',
        `El enlace sirve una sola vez y vence en ${validHours} horas.`,
        'Si usted no se registró, ignore este mensaje.',
      ]}
      button={{ label: 'Confirmar mi correo', url }}
    />
  )
}

VerifyEmail.PreviewProps = {
  fullName: 'María Pérez',
  url: 'https://ventanilla.aguasdelasabana.example/verificar-correo?token=abc',
  validHours: 48,
} satisfies VerifyEmailProps
