/** The (demo) utility's identity as every email prints it. */
export const UTILITY = {
  name: 'Aguas de la Sabana S.A. E.S.P.',
  nit: '900.456.789-4',
  address: 'Calle 10 # 20-30, Zipaquirá, Cundinamarca',
  phone: '(601) 555 0142',
  website: 'https://ventanilla.aguasdelasabana.example',
  supervision: 'Vigilada por la Superintendencia de Servicios Públicos Domiciliarios',
} as const
