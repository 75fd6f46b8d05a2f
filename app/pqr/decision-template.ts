/**
 * Decision templates with placeholders (pure, client-safe). A template body says `{{nombre}}` where the filer's name
 * goes; drafting fills every placeholder from the case, and a template that names an unknown placeholder cannot be
 * saved (a typo would otherwise reach a subscriber as literal braces).
 */
export const PLACEHOLDERS = {
  radicado: 'Radicado de entrada del caso',
  fecha_radicacion: 'Fecha de radicación (dd/mm/aaaa)',
  nombre: 'Nombre de quien presentó la solicitud',
  documento: 'Tipo y número de documento',
  cuenta: 'Número de cuenta (contrato)',
  direccion: 'Dirección de notificación',
  asunto: 'Asunto de la solicitud',
  tipo: 'Tipo de solicitud',
  causal: 'Causal',
  facturas: 'Facturas en reclamo (números)',
  valor_reclamado: 'Valor en reclamo',
  valor_credito: 'Valor de la nota crédito',
  valor_debito: 'Valor de la nota débito',
  fecha_decision: 'Fecha de la decisión',
  dias_recurso: 'Días hábiles para interponer recursos',
  empresa: 'Nombre de la empresa',
} as const
export type Placeholder = keyof typeof PLACEHOLDERS
export type PlaceholderValues = Partial<Record<Placeholder, string>>

const PATTERN = /\{\{\s*([a-z_]+)\s*\}\}/g

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name)
}

/** The placeholder names a text uses, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  const seen: string[] = []
  for (const match of text.matchAll(PATTERN)) if (!seen.includes(match[1]!)) seen.push(match[1]!)
  return seen
}

/** Unknown placeholder names in a template text (empty when the template is valid). */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => !isPlaceholder(name))
}

export type RenderResult = { ok: true; text: string } | { ok: false; unknown: string[]; missing: string[] }

/**
 * Fills every placeholder. Unknown names and placeholders without a value are reported, not left as braces: an
 * empty value is allowed on purpose (`facturas` is empty for a petición) only when `allowEmpty` lists it.
 */
export function renderTemplate(
  text: string,
  values: PlaceholderValues,
  opts: { allowEmpty?: readonly Placeholder[] } = {},
): RenderResult {
  const unknown = unknownPlaceholders(text)
  const missing = placeholdersIn(text).filter(
    (name) => isPlaceholder(name) && values[name] == null && !opts.allowEmpty?.includes(name),
  )
  if (unknown.length > 0 || missing.length > 0) return { ok: false, unknown, missing }
  return { ok: true, text: text.replace(PATTERN, (_, name: Placeholder) => values[name] ?? '') }
}

/** A Spanish sentence naming what is wrong with a render, for the agent. */
export function describeRenderProblem(result: Extract<RenderResult, { ok: false }>): string {
  const parts: string[] = []
  if (result.unknown.length > 0)
    parts.push(`marcadores desconocidos: ${result.unknown.map((n) => `{{${n}}}`).join(', ')}`)
  if (result.missing.length > 0)
    parts.push(`sin dato en el caso: ${result.missing.map((n) => `{{${n}}}`).join(', ')}`)
  return `La plantilla no se puede completar (${parts.join('; ')}).`
}
