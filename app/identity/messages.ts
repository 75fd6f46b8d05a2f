/** Identity messages shown by pages and returned by the server (client-safe). */
export const RESET_REQUESTED_MESSAGE =
  'Si el correo está registrado, le enviamos un enlace para cambiar la contraseña. Revise su bandeja de entrada y la carpeta de correo no deseado.'
export const RESET_LINK_INVALID =
  'El enlace no es válido o ya venció. Pida uno nuevo: cada enlace sirve una sola vez y vence en 30 minutos.'

/** The consent kinds and data-rights kinds as the pages list them (same values as db/schema/identity.ts). */
export const CONSENT_KIND_VALUES = ['data_processing', 'electronic_notification'] as const
export const DATA_RIGHTS_KIND_VALUES = ['query', 'correction', 'deletion'] as const
