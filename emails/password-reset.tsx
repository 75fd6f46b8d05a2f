/** The password-reset link (valid 30 minutes by default, single use). */
import GenericNotice from './generic-notice'

export type PasswordResetProps = { fullName: string; url: string; validMinutes: number }

export default function PasswordReset({ fullName, url, validMinutes }: PasswordResetProps) {
  return (
    <GenericNotice
      title="Restablezca su contraseña"
      greeting={`Hola, ${fullName}:`}
      paragraphs={[
        'Recibimos una solicitud para cambiar la contraseña de su usuario en la ventanilla virtual.',
        `El enlace sirve una sola vez y vence en ${validMinutes} minutos. Al cambiar la contraseña se cerrarán todas sus sesiones abiertas.`,
        'Si usted no lo pidió, ignore este mensaje: su contraseña no cambiará.',
      ]}
      button={{ label: 'Cambiar mi contraseña', url }}
    />
  )
}

PasswordReset.PreviewProps = {
  fullName: 'María Pérez',
  url: 'https://ventanilla.aguasdelasabana.example/recuperar-clave/nueva?token=abc',
  validMinutes: 30,
} satisfies PasswordResetProps
