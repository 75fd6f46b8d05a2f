/**
 * Radicados: per year and direction, consecutive and gapless (STYLE.md §5: never max+1). The counter row is
 * upserted inside the caller's transaction; its row lock serialises concurrent filers until they commit, and a
 * rolled-back filing gives its number back with the rest of its transaction.
 *
 * Format: `<year>-<E|S>-<seq, 6 digits>`: `2026-E-000123` for an incoming request (entrada), `2026-S-000045` for
 * an outgoing decision (salida). The year is the Bogotá calendar year of the moment the number is taken.
 */
import { sql } from 'drizzle-orm'
import { todayInBogota } from '~/calendar/business-days'
import { rows, type DbOrTx } from '~/db.server'

export type RadicadoDirection = 'entrada' | 'salida'

export type Radicado = { radicado: string; year: number; seq: number }

const PREFIX: Record<RadicadoDirection, string> = { entrada: 'E', salida: 'S' }

export function formatRadicado(year: number, direction: RadicadoDirection, seq: number): string {
  return `${year}-${PREFIX[direction]}-${String(seq).padStart(6, '0')}`
}

/** Loose check of what a person types in the public lookup (case and spaces forgiven). */
export const RADICADO_PATTERN = /^\d{4}-[ES]-\d{6,}$/

export function normaliseRadicado(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '')
}

export async function nextRadicado(
  tx: DbOrTx,
  direction: RadicadoDirection,
  { now = new Date() }: { now?: Date } = {},
): Promise<Radicado> {
  const year = Number(todayInBogota(now).slice(0, 4))
  const [row] = await rows<{ last: number }>(
    tx,
    sql`insert into radicado_counters (year, direction, last) values (${year}, ${direction}, 1)
        on conflict (year, direction) do update set last = radicado_counters.last + 1
        returning last`,
  )
  const seq = Number(row!.last)
  return { radicado: formatRadicado(year, direction, seq), year, seq }
}
