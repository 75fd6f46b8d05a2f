/** Spanish names of the notification steps (client-safe). */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  citacion: 'Citación',
  electronica: 'Notificación electrónica',
  personal: 'Notificación personal',
  aviso: 'Aviso',
  publicacion: 'Publicación en la página web',
  conducta_concluyente: 'Conducta concluyente',
}
