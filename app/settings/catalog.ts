/**
 * The settings catalogue (client-safe): every setting the law or the company may change, with its Spanish label, kind,
 * schema, default and legal source. Values marked `confirmed: false` are placeholders per
 * ../shared/domain/colombia-rules.md ("unconfirmed: make it configurable"): the admin page flags them until legal
 * confirms them. Percentages and amounts are decimal strings (they feed money computations; never a JS float).
 * Other modules add keys here; the key is stable, the label may change.
 */
import { z } from 'zod'

export const SETTING_KINDS = [
  'days',
  'business_days',
  'percent',
  'amount',
  'integer',
  'hours',
  'time_window',
  'text',
  'boolean',
] as const
export type SettingKind = (typeof SETTING_KINDS)[number]

const count = (max: number) =>
  z
    .number({ error: 'Escriba un número entero.' })
    .int('Escriba un número entero.')
    .min(0, 'No puede ser negativo.')
    .max(max, `No puede ser mayor que ${max}.`)

const percent = z
  .string({ error: 'Escriba un porcentaje.' })
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'Escriba un porcentaje como 15 o 1.25 (punto decimal, hasta 4 decimales).')
  .refine((v) => Number.parseFloat(v) <= 100, 'El porcentaje no puede superar 100.')

const amount = z
  .string({ error: 'Escriba un valor en pesos.' })
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Escriba un valor en pesos como 85400 o 85400.50.')

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Escriba la hora como HH:MM (24 horas).')
const timeWindow = z
  .object({ from: hhmm, to: hhmm })
  .refine((w) => w.from < w.to, 'La hora de inicio debe ser anterior a la hora de fin.')

export const SettingSchemas = {
  days: count(3650),
  business_days: count(365),
  hours: count(8760),
  integer: count(1_000_000),
  percent,
  amount,
  time_window: timeWindow,
  text: z.string().trim().min(1, 'Escriba un valor.').max(2000),
  boolean: z.boolean({ error: 'Elija sí o no.' }),
} as const

type Def<K extends SettingKind, S extends z.ZodType> = {
  label: string
  kind: K
  schema: S
  default: z.infer<S>
  /** The norm (or company policy) the value comes from, in Spanish, as the admin page shows it. */
  source: string
  confirmed: boolean
}

type SchemaOf<K extends SettingKind> = (typeof SettingSchemas)[K] extends infer S extends z.ZodType
  ? S
  : never

function def<K extends SettingKind, S extends z.ZodType = SchemaOf<K>>(
  kind: K,
  d: Omit<Def<K, S>, 'kind' | 'schema'> & { schema?: S },
): Def<K, S> {
  return { ...d, kind, schema: (d.schema ?? SettingSchemas[kind]) as S }
}

export const SETTINGS = {
  'pqr.answer_term_business_days': def('business_days', {
    label: 'Término para responder una PQR (días hábiles)',
    default: 15,
    source: 'Ley 142 de 1994, art. 158 (modificado por el Decreto-Ley 2150 de 1995, art. 123)',
    confirmed: true,
  }),
  'pqr.traslado_term_business_days': def('business_days', {
    label: 'Término para trasladar una petición por competencia (días hábiles)',
    default: 5,
    source: 'CPACA art. 21 (Ley 1755 de 2015)',
    confirmed: true,
  }),
  'pqr.citation_term_business_days': def('business_days', {
    label: 'Término para enviar la citación a notificación personal (días hábiles)',
    default: 5,
    source: 'CPACA art. 68',
    confirmed: true,
  }),
  'pqr.aviso_after_citation_business_days': def('business_days', {
    label: 'Días hábiles tras la citación antes de notificar por aviso',
    default: 5,
    source: 'CPACA art. 69',
    confirmed: true,
  }),
  'pqr.recurso_window_business_days': def('business_days', {
    label: 'Plazo para interponer recursos (días hábiles desde la notificación)',
    default: 5,
    source: 'Ley 142 de 1994, art. 154',
    confirmed: true,
  }),
  'pqr.sap_recognition_hours': def('hours', {
    label: 'Horas para reconocer el silencio administrativo positivo',
    default: 72,
    source:
      'Ley 142 de 1994, art. 158. Se cuentan como horas calendario (lectura conservadora; no confirmado).',
    confirmed: true,
  }),
  'pqr.extension_max_business_days': def('business_days', {
    label: 'Ampliación máxima del término por práctica de pruebas (días hábiles)',
    default: 15,
    source: 'CPACA art. 14 parágrafo; su aplicación a PQR de la Ley 142 no está confirmada',
    confirmed: false,
  }),
  'pqr.attachment_max_kilobytes': def('integer', {
    label: 'Tamaño máximo de cada anexo de una PQR (KB)',
    default: 5120,
    source: 'Política de la empresa (almacenamiento de anexos)',
    confirmed: false,
  }),
  'pqr.attachments_max_count': def('integer', {
    label: 'Número máximo de anexos por radicación',
    default: 5,
    source: 'Política de la empresa (almacenamiento de anexos)',
    confirmed: false,
  }),
  'pqr.public_filings_per_hour': def('integer', {
    label: 'Radicaciones públicas (sin cuenta) por dirección IP en una hora',
    default: 5,
    source: 'Política de la empresa (protección contra abuso del formulario público)',
    confirmed: false,
  }),
  'pqr.public_lookups_per_hour': def('integer', {
    label: 'Consultas públicas de estado por dirección IP en una hora',
    default: 30,
    source: 'Política de la empresa (protección contra abuso de la consulta pública)',
    confirmed: false,
  }),
  'pqr.at_risk_business_days': def('business_days', {
    label: 'Días hábiles restantes para marcar un caso en riesgo de vencer',
    default: 3,
    source: 'Política de la empresa (tablero de vencimientos)',
    confirmed: false,
  }),
  'pqr.alert_first_business_days': def('business_days', {
    label: 'Primera alerta al agente: días hábiles antes del vencimiento',
    default: 5,
    source: 'Política de la empresa (alertas de vencimiento de PQR; horario en «Horario de envío de avisos y alertas»)',
    confirmed: false,
  }),
  'pqr.alert_second_business_days': def('business_days', {
    label: 'Segunda alerta al agente: días hábiles antes del vencimiento',
    default: 2,
    source: 'Política de la empresa (alertas de vencimiento de PQR)',
    confirmed: false,
  }),
  'pqr.decision_approval_required': def('boolean', {
    label: '¿Las decisiones de PQR requieren aprobación del coordinador antes de expedirse?',
    default: false,
    source: 'Política de la empresa (control de calidad de las respuestas)',
    confirmed: true,
  }),
  'pqr.publication_business_days': def('business_days', {
    label: 'Días de publicación del aviso en la página web cuando no hay dirección útil',
    default: 5,
    source: 'CPACA art. 69 inciso 2 (y art. 68 para la citación sin dirección conocida)',
    confirmed: true,
  }),
  'pqr.recurso_file_with': def('text', {
    label: 'Dónde se presenta el recurso de reposición (texto de las decisiones)',
    default:
      'Ante la Oficina de Peticiones, Quejas y Recursos de la empresa, por escrito en cualquiera de sus oficinas o en la Ventanilla virtual (Mi cuenta › Mis PQR).',
    source: 'CPACA art. 67 (la decisión indica los recursos, ante quién y el plazo); Ley 142 art. 154',
    confirmed: true,
  }),
  'pqr.apelacion_file_with': def('text', {
    label: 'Dónde se presenta el recurso de apelación (texto de las decisiones)',
    default:
      'En subsidio del de reposición y en el mismo escrito, ante la empresa, para que lo resuelva la Superintendencia de Servicios Públicos Domiciliarios.',
    source: 'Ley 142 art. 159, modificado por la Ley 689 de 2001 art. 20',
    confirmed: true,
  }),
  'calendar.saturdays_are_business_days': def('boolean', {
    label: '¿Los sábados son días hábiles?',
    default: false,
    source: 'Práctica del CPACA: sin concepto de la SSPD para oficinas que abren el sábado',
    confirmed: false,
  }),
  'notices.sending_window': def('time_window', {
    label: 'Horario de envío de avisos y alertas (hora de Bogotá)',
    default: { from: '07:00', to: '19:00' },
    source: 'Política de la empresa',
    confirmed: false,
  }),
  'billing.arrears_interest_residential_monthly_percent': def('percent', {
    label: 'Interés de mora, usuarios residenciales (% mensual)',
    default: '0.5',
    source: 'Ley 142 de 1994, art. 96 (tasa civil para residenciales); valor provisional',
    confirmed: false,
  }),
  'billing.arrears_interest_non_residential_monthly_percent': def('percent', {
    label: 'Interés de mora, usuarios no residenciales (% mensual)',
    default: '2.0',
    source: 'Ley 142 de 1994, art. 96 (tasa comercial, sin exceder la de usura); valor provisional',
    confirmed: false,
  }),
  'billing.subsidy_cap_e1_percent': def('percent', {
    label: 'Tope de subsidio, estrato 1 (%)',
    default: '70',
    source: 'Ley 142 art. 99.6; Ley 1450 de 2011 art. 125 (vigencia en la Ley 2294 de 2023 sin verificar)',
    confirmed: true,
  }),
  'billing.subsidy_cap_e2_percent': def('percent', {
    label: 'Tope de subsidio, estrato 2 (%)',
    default: '40',
    source: 'Ley 142 art. 99.6; Ley 1450 de 2011 art. 125',
    confirmed: true,
  }),
  'billing.subsidy_cap_e3_percent': def('percent', {
    label: 'Tope de subsidio, estrato 3 (%)',
    default: '15',
    source: 'Ley 142 art. 99.6; Ley 1450 de 2011 art. 125',
    confirmed: true,
  }),
  'billing.contribution_min_e5_percent': def('percent', {
    label: 'Aporte solidario mínimo, estrato 5 (%)',
    default: '50',
    source: 'Ley 1450 de 2011 art. 125; Ley 632 de 2000 art. 2',
    confirmed: true,
  }),
  'billing.contribution_min_e6_percent': def('percent', {
    label: 'Aporte solidario mínimo, estrato 6 (%)',
    default: '60',
    source: 'Ley 1450 de 2011 art. 125; Ley 632 de 2000 art. 2',
    confirmed: true,
  }),
  'billing.contribution_min_commercial_percent': def('percent', {
    label: 'Aporte solidario mínimo, uso comercial (%)',
    default: '50',
    source: 'Ley 1450 de 2011 art. 125; Ley 632 de 2000 art. 2',
    confirmed: true,
  }),
  'billing.contribution_min_industrial_percent': def('percent', {
    label: 'Aporte solidario mínimo, uso industrial (%)',
    default: '30',
    source: 'Ley 1450 de 2011 art. 125; Ley 632 de 2000 art. 2',
    confirmed: true,
  }),
  'billing.round_total_to_ten': def('boolean', {
    label: 'Redondear el total de la factura a la decena (línea de ajuste)',
    default: false,
    source: 'Política de la empresa',
    confirmed: true,
  }),
  'billing.deviation_high_average_m3': def('integer', {
    label: 'Promedio a partir del cual se usa el umbral menor de desviación (m³)',
    default: 40,
    source: 'Res. CRA 151 de 2001 art. 1.3.20.6',
    confirmed: true,
  }),
  'billing.deviation_high_average_percent': def('integer', {
    label: 'Desviación significativa con promedio alto (%)',
    default: 35,
    source: 'Res. CRA 151 de 2001 art. 1.3.20.6 (promedio ≥ 40 m³)',
    confirmed: true,
  }),
  'billing.deviation_low_average_percent': def('integer', {
    label: 'Desviación significativa con promedio bajo (%)',
    default: 65,
    source: 'Res. CRA 151 de 2001 art. 1.3.20.6 (promedio < 40 m³)',
    confirmed: true,
  }),
  'billing.deviation_category_upper_percent': def('integer', {
    label: 'Límite superior sin historia válida (% del promedio del estrato o uso)',
    default: 165,
    source: 'Res. CRA 151 de 2001 art. 1.3.20.6 (1,65 veces)',
    confirmed: true,
  }),
  'billing.deviation_category_lower_percent': def('integer', {
    label: 'Límite inferior sin historia válida (% del promedio del estrato o uso)',
    default: 35,
    source: 'Res. CRA 151 de 2001 art. 1.3.20.6 (0,35 veces)',
    confirmed: true,
  }),
  'billing.agreement_max_instalments': def('integer', {
    label: 'Número máximo de cuotas de un acuerdo de pago',
    default: 36,
    source: 'Política de cartera de la empresa',
    schema: count(120).min(1, 'Debe ser al menos 1.'),
    confirmed: false,
  }),
  'service.periods_before_suspension_monthly': def('integer', {
    label: 'Periodos vencidos antes de suspender (facturación mensual)',
    default: 3,
    // Ley 142 art. 140 (Ley 689 de 2001 art. 19): no more than 3 monthly periods.
    schema: count(3).min(1, 'Debe ser al menos 1.'),
    source: 'Ley 142 art. 140, modificado por la Ley 689 de 2001 art. 19 (máximo 3 periodos mensuales)',
    confirmed: true,
  }),
  'service.periods_before_suspension_bimonthly': def('integer', {
    label: 'Periodos vencidos antes de suspender (facturación bimestral)',
    default: 2,
    // Ley 142 art. 140 (Ley 689 de 2001 art. 19): no more than 2 bimonthly periods.
    schema: count(2).min(1, 'Debe ser al menos 1.'),
    source: 'Ley 142 art. 140, modificado por la Ley 689 de 2001 art. 19 (máximo 2 periodos bimestrales)',
    confirmed: true,
  }),
  'service.reconnection_hours': def('hours', {
    label: 'Plazo para reconectar el servicio (horas)',
    default: 24,
    source:
      'Orientación de la SSPD; el artículo exacto (Decreto 1077 de 2015 / contrato CRA) no está confirmado',
    confirmed: false,
  }),
  'identity.data_rights_query_business_days': def('business_days', {
    label: 'Término para atender consultas sobre datos personales (días hábiles)',
    default: 10,
    source: 'Ley 1581 de 2012, art. 14',
    confirmed: true,
  }),
  'identity.data_rights_claim_business_days': def('business_days', {
    label: 'Término para atender reclamos sobre datos personales (días hábiles)',
    default: 15,
    source: 'Ley 1581 de 2012, art. 15',
    confirmed: true,
  }),
  'identity.login_window_minutes': def('integer', {
    label: 'Ventana para contar intentos fallidos de ingreso (minutos)',
    default: 15,
    source: 'Política de seguridad de la empresa (OWASP ASVS V2.2)',
    confirmed: true,
  }),
  'identity.login_max_failures_per_account': def('integer', {
    label: 'Intentos fallidos por cuenta antes del bloqueo temporal',
    default: 5,
    source: 'Política de seguridad de la empresa (OWASP ASVS V2.2)',
    confirmed: true,
  }),
  'identity.login_max_failures_per_ip': def('integer', {
    label: 'Intentos fallidos por dirección IP antes del bloqueo temporal',
    default: 20,
    source: 'Política de seguridad de la empresa (OWASP ASVS V2.2)',
    confirmed: true,
  }),
  'identity.login_lock_minutes': def('integer', {
    label: 'Duración del bloqueo temporal de ingreso (minutos)',
    default: 15,
    source: 'Política de seguridad de la empresa (OWASP ASVS V2.2)',
    confirmed: true,
  }),
  'identity.password_reset_minutes': def('integer', {
    label: 'Vigencia del enlace para restablecer la contraseña (minutos)',
    default: 30,
    source: 'Política de seguridad de la empresa',
    confirmed: true,
  }),
  'identity.data_policy_version': def('text', {
    label: 'Versión vigente de la política de tratamiento de datos personales',
    default: '2026-01',
    source: 'Ley 1581 de 2012, art. 9; Decreto 1377 de 2013',
    confirmed: false,
  }),
  'identity.electronic_notification_policy_version': def('text', {
    label: 'Versión vigente del texto de autorización de notificación electrónica',
    default: '2026-01',
    source: 'Ley 1437 de 2011 (CPACA), art. 56',
    confirmed: false,
  }),
  'payments.bank_file_max_mb': def('integer', {
    label: 'Tamaño máximo de un archivo de recaudo bancario (MB)',
    default: 20,
    schema: count(200).min(1, 'Debe ser al menos 1.'),
    source: 'Política de la empresa (un archivo Asobancaria de 100.000 pagos ocupa unos 16 MB)',
    confirmed: true,
  }),
  'payments.gateway_bank_match_days': def('days', {
    label: 'Días de diferencia para reconocer en el archivo del banco un pago ya recibido por la pasarela',
    default: 3,
    schema: count(30),
    source: 'Política de la empresa (la pasarela liquida al banco recaudador uno a tres días después)',
    confirmed: false,
  }),
  'payments.online_minimum_amount': def('amount', {
    label: 'Valor mínimo de un abono en línea (pesos)',
    default: '5000',
    source: 'Política de la empresa (abonos parciales por la pasarela de pagos)',
    confirmed: false,
  }),
  'payments.poll_pending_after_minutes': def('integer', {
    label: 'Minutos sin noticias de la pasarela antes de consultar el estado de un pago en línea',
    default: 10,
    source: 'Política de la empresa (conciliación con la pasarela de pagos)',
    confirmed: true,
  }),
  'company.legal_name': def('text', {
    label: 'Razón social de la empresa (como aparece en las facturas)',
    default: 'Aguas de la Sabana S.A. E.S.P.',
    source: 'Modelo de contrato de condiciones uniformes, Res. CRA 413 de 2006, cl. 17 (contenido mínimo de la factura)',
    confirmed: false,
  }),
  'company.nit': def('text', {
    label: 'NIT de la empresa con dígito de verificación (como aparece en las facturas)',
    default: '900.456.789-4',
    source: 'Modelo de contrato de condiciones uniformes, Res. CRA 413 de 2006, cl. 17 (contenido mínimo de la factura)',
    confirmed: false,
  }),
  'invoice.payment_places': def('text', {
    label: 'Lugares y medios de pago impresos en la factura',
    default:
      'En línea en la Ventanilla virtual (Mi cuenta › Pagar) con PSE o tarjeta; en bancos y corresponsales bancarios con el código de barras; en las oficinas de atención de la empresa.',
    source: 'Ley 142 de 1994 art. 148 (plazo y modo de pago); Res. CRA 413 de 2006, cl. 17 num. 7',
    confirmed: false,
  }),
  'invoice.electronic_consent_version': def('text', {
    label: 'Versión del texto de autorización de la factura electrónica',
    default: '2026-01',
    source: 'SSPD Concepto 682 de 2020 (factura electrónica solo con autorización expresa del usuario)',
    confirmed: true,
  }),
  'invoice.delivery_min_days_before_due': def('days', {
    label: 'Días mínimos entre la entrega de la factura impresa y el pago oportuno',
    default: 5,
    source: 'Decreto 302 de 2000 (compilado en el Decreto 1077 de 2015); si son días hábiles o calendario no está confirmado',
    confirmed: false,
  }),
  'invoice.customer_service': def('text', {
    label: 'Canales de atención impresos en la factura',
    default: 'Línea de atención (601) 555 0142 · Ventanilla virtual: Mi cuenta › PQR · Oficina principal: Calle 10 # 20-30, Zipaquirá.',
    source: 'Política de la empresa',
    confirmed: false,
  }),
  'appeals.sspd_dossier_internal_business_days': def('business_days', {
    label: 'Término interno para enviar el expediente de apelación a la SSPD (días hábiles)',
    default: 5,
    source:
      'Ley 142 art. 159: sin plazo normativo encontrado; plazo interno recomendado de 3 a 5 días hábiles',
    confirmed: false,
  }),
}

export type SettingKey = keyof typeof SETTINGS
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>
export type SettingDefinition = Def<SettingKind, z.ZodType>

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[]

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key)
}

export function settingDefinition(key: SettingKey): SettingDefinition {
  return SETTINGS[key] as SettingDefinition
}
