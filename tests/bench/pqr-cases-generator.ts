/**
 * Generates PQR cases for the queue and dashboard benchmark (issue 6, item 10): a realistic spread over three years up
 * to `today` — most old cases closed, the last weeks' cases spread over the open states with their stored clocks,
 * a few overdue citations, silencio risks and cases in silencio positivo — by area, agent, type, causal and channel.
 * Deterministic for a seed. Rows come out in COPY column order (CASE_COLUMNS), in batches, so 1,000,000 cases never
 * sit in memory at once.
 */
import { randomUUID } from 'node:crypto'
import { addBusinessDays, addCalendarDays, type Holidays, type IsoDate } from '~/calendar/business-days'
import { formatRadicado } from '~/pqr/radicado.server'
import type { CopyValue } from '../../db/seed/copy'

export const CASE_COLUMNS = [
  'id',
  'radicado',
  'radicado_year',
  'radicado_seq',
  'type_code',
  'causal_code',
  'channel',
  'state',
  'area_id',
  'filer_name',
  'filer_document_type',
  'filer_document_number',
  'filer_email',
  'subject',
  'description',
  'disputed_amount',
  'received_at',
  'filed_on',
  'due_on',
  'traslado_due_on',
  'next_step_due_on',
  'recurso_until',
  'silencio_risk',
  'assigned_to',
  'created_at',
  'updated_at',
  'closed_at',
] as const

export type GeneratorWorld = {
  today: IsoDate
  days: number
  holidays: Holidays
  areas: { id: string; weight: number; agents: string[] }[]
  causales: { billing: string[]; other: string[] }
  seed: number
}

export type SilencioTaskRow = { caseId: string; dueOn: IsoDate }

/** mulberry32: small, fast and reproducible. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function weighted<T>(r: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [item, w] of items) if ((x -= w) < 0) return item
  return items[items.length - 1]![0]
}

const TYPES = [
  ['peticion', 35],
  ['reclamo', 40],
  ['queja', 15],
  ['solicitud_informacion', 7],
  ['denuncia', 1],
  ['recurso_reposicion', 1],
  ['reposicion_apelacion', 1],
] as const
const CHANNELS = [
  ['portal', 30],
  ['web_publico', 10],
  ['presencial', 35],
  ['telefonico', 10],
  ['escrito', 10],
  ['correo', 5],
] as const
const SUBJECTS = [
  'Cobro excesivo en la factura',
  'Fuga en la acometida',
  'Cambio de medidor',
  'Daño en el alcantarillado',
  'Recolección de basuras',
  'Consumo promedio',
  'Estrato incorrecto',
  'Suspensión del servicio',
]
const FIRST = ['María', 'José', 'Luz', 'Carlos', 'Ana', 'Luis', 'Sandra', 'Jorge', 'Diana', 'Andrés']
const LAST = [
  'Gómez',
  'Rodríguez',
  'Martínez',
  'López',
  'García',
  'Pérez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Díaz',
]

type State = string
type Clocks = {
  state: State
  next: IsoDate | null
  recursoUntil: IsoDate | null
  risk: boolean
  closed: boolean
}

export function createCaseGenerator(w: GeneratorWorld) {
  const r = rng(w.seed)
  const memo = new Map<string, IsoDate>()
  const addBd = (d: IsoDate, n: number) => {
    const key = `${d}+${n}`
    let v = memo.get(key)
    if (!v) memo.set(key, (v = addBusinessDays(d, n, w.holidays)))
    return v
  }
  const start = addCalendarDays(w.today, -w.days)
  const seqByYear = new Map<number, number>()
  const areaWeights = w.areas.map((a) => [a, a.weight] as const)

  /** The state and stored clocks of a case filed on `filedOn` whose answer term ends on `dueOn`. */
  function clocksFor(filedOn: IsoDate, dueOn: IsoDate): Clocks {
    const old = Math.round((Date.parse(w.today) - Date.parse(filedOn)) / 86_400_000) // days since filing
    const decidedOn = addBd(filedOn, 5 + Math.floor(r() * 10))
    const decided = (state: State): Clocks => {
      if (state === 'decidida') {
        const next = addBd(decidedOn, 5)
        return { state, next, recursoUntil: null, risk: next < w.today && r() < 0.3, closed: false }
      }
      if (state === 'citada') {
        const next = addBd(addBd(decidedOn, 2), 5)
        return { state, next, recursoUntil: null, risk: next < w.today && r() < 0.2, closed: false }
      }
      const recursoUntil = addBd(addBd(decidedOn, 4), 5)
      if (state === 'notificada' || state === 'en_termino_de_recursos')
        return { state, next: recursoUntil, recursoUntil, risk: r() < 0.01, closed: false }
      return { state, next: null, recursoUntil, risk: false, closed: state === 'cerrada' }
    }
    if (dueOn >= w.today) {
      // The answer term is still running.
      const state = weighted(
        r,
        old <= 2
          ? [
              ['radicada', 50],
              ['asignada', 40],
              ['en_tramite', 10],
            ]
          : [
              ['asignada', 20],
              ['en_tramite', 50],
              ['en_pruebas', 8],
              ['decidida', 12],
              ['citada', 5],
              ['remitida_por_competencia', 2],
              ['notificada', 3],
            ],
      )
      if (state === 'remitida_por_competencia')
        return { state, next: null, recursoUntil: null, risk: false, closed: false }
      if (['decidida', 'citada', 'notificada'].includes(state) && decidedOn < w.today) return decided(state)
      return {
        state: state === 'decidida' || state === 'citada' || state === 'notificada' ? 'en_tramite' : state,
        next: dueOn,
        recursoUntil: null,
        risk: false,
        closed: false,
      }
    }
    if (old <= 60) {
      const state = weighted(r, [
        ['decidida', 4],
        ['citada', 10],
        ['notificada', 8],
        ['en_termino_de_recursos', 10],
        ['firme', 30],
        ['cerrada', 33],
        ['recurrida', 3],
        ['silencio_positivo', 0.5],
      ])
      if (state === 'silencio_positivo')
        return { state, next: dueOn, recursoUntil: null, risk: false, closed: false }
      return decided(state)
    }
    // Older than two months: closed, or final and waiting for its archive; a recurso goes on as its own case.
    const state = weighted(
      r,
      old <= 120
        ? [
            ['cerrada', 90],
            ['firme', 8],
            ['recurrida', 1.5],
            ['por_trasladar_sspd', 0.3],
            ['enviada_sspd', 0.2],
            ['silencio_positivo', 0.1],
          ]
        : [
            ['cerrada', 98],
            ['firme', 2],
          ],
    )
    if (state === 'silencio_positivo')
      return { state, next: dueOn, recursoUntil: null, risk: false, closed: false }
    return decided(state)
  }

  /** Case i of n (filing order), with the silencio recognition task it needs, if any. */
  function caseRow(i: number, n: number): { row: CopyValue[]; task: SilencioTaskRow | null } {
    const filedOn = addCalendarDays(start, Math.floor((i * w.days) / n))
    const dueOn = addBd(filedOn, 15)
    const year = Number(filedOn.slice(0, 4))
    const seq = (seqByYear.get(year) ?? 0) + 1
    seqByYear.set(year, seq)
    const id = randomUUID()
    const type = weighted(r, TYPES)
    const isBilling = type === 'reclamo' || type.startsWith('re')
    const causal = isBilling
      ? w.causales.billing[Math.floor(r() * w.causales.billing.length)]!
      : w.causales.other[Math.floor(r() * w.causales.other.length)]!
    const area = weighted(r, areaWeights)
    const c = clocksFor(filedOn, dueOn)
    const assigned =
      c.state === 'radicada' || r() < 0.04 ? null : area.agents[Math.floor(r() * area.agents.length)]!
    const receivedAt = `${filedOn}T${String(8 + Math.floor(r() * 9)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00-05:00`
    const name = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`
    const doc = String(10_000_000 + Math.floor(r() * 1_090_000_000))
    const row: CopyValue[] = [
      id,
      formatRadicado(year, 'entrada', seq),
      year,
      seq,
      type,
      causal,
      weighted(r, CHANNELS),
      c.state,
      area.id,
      name,
      'CC',
      doc,
      r() < 0.6 ? `usuario${i}@correo.example` : null,
      SUBJECTS[Math.floor(r() * SUBJECTS.length)]!,
      'Caso generado para el benchmark de la cola y el tablero.',
      isBilling ? `${1000 * (5 + Math.floor(r() * 200))}.00` : null,
      receivedAt,
      filedOn,
      dueOn,
      addBd(filedOn, 5),
      c.next,
      c.recursoUntil,
      c.risk,
      assigned,
      receivedAt,
      receivedAt,
      c.closed ? `${addCalendarDays(dueOn, 20)}T12:00:00-05:00` : null,
    ]
    return { row, task: c.state === 'silencio_positivo' ? { caseId: id, dueOn } : null }
  }

  return { caseRow }
}
