/** The queue's filters as they come in the URL (client-safe: the filter form and the loader share the schema). */
import { z } from 'zod'
import { PQR_CHANNELS, PQR_STATES } from '../../db/schema/pqr'

/** The states the queue lists: work still open for the company (the partial index excludes firme and cerrada). */
export const QUEUE_STATES = PQR_STATES.filter((s) => s !== 'firme' && s !== 'cerrada')

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v == null ? undefined : v), schema.optional())

export const QueueFiltersSchema = z.object({
  tipo: optional(z.string().max(60)),
  causal: optional(z.string().max(20)),
  area: optional(z.uuid()),
  canal: optional(z.enum(PQR_CHANNELS)),
  estado: optional(z.enum(QUEUE_STATES as [string, ...string[]])),
  /** A user id, or 'sin' for unassigned cases. */
  agente: optional(z.union([z.uuid(), z.literal('sin')])),
  mios: optional(z.literal('1')),
  pagina: z
    .preprocess((v) => (v == null || v === '' ? 1 : v), z.coerce.number().int().min(1).max(100_000))
    .catch(1),
})
export type QueueFilters = z.infer<typeof QueueFiltersSchema>

/** Parses the query string; an invalid filter is dropped rather than failing the page. */
export function parseQueueFilters(search: URLSearchParams): QueueFilters {
  const raw = Object.fromEntries(search)
  const parsed = QueueFiltersSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const clean: Record<string, unknown> = { ...raw }
  for (const issue of parsed.error.issues) delete clean[String(issue.path[0])]
  return QueueFiltersSchema.parse(clean)
}

export const QUEUE_PAGE_SIZE = 25
/** Counting stops here: "más de 10.000" is enough for a person, and the count stays cheap on a million cases. */
export const QUEUE_COUNT_CAP = 10_000
