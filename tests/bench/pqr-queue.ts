/**
 * PQR queue and dashboard benchmark on the PostgreSQL server (issue 6, item 10):
 *   DATABASE_URL=postgres://… npm run bench:pqr -- [--cases 1000000] [--runs 300] [--seed 7] [--keep]
 * Creates its own database, migrates it, generates the cases with COPY (tests/bench/pqr-cases-generator.ts), analyzes,
 * then runs the agents' queue (app/pqr/queue.server.ts listQueue, as the page calls it) and the deadlines dashboard
 * (app/pqr/dashboard.server.ts: the counts, each bucket's list, and the whole page) many times with varied filters,
 * and prints p50 / p95 / p99 per query. Target: p95 < 50 ms with 1,000,000 cases.
 */
import { parseArgs } from 'node:util'
import postgres from 'postgres'

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean' },
  },
})
const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error('DATABASE_URL es obligatoria: el benchmark corre sobre el servidor PostgreSQL.')
  process.exit(2)
}
const total = Number(values.cases ?? 1_000_000)
const runs = Number(values.runs ?? 300)
const seed = Number(values.seed ?? 7)
const name = `vt_bench_pqr_${process.pid}`
const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} })
await admin.unsafe(`create database ${name}`)
process.env.DATABASE_URL = withDatabase(serverUrl, name)

const { db, rows, closeDb } = await import('../../app/db.server')
const { runMigrations } = await import('../../db/migrate')
const { sql } = await import('drizzle-orm')
const { copyRows, withBulkSession } = await import('../../db/seed/copy')
const { insertArea } = await import('../../app/billing/ledger/test-fixtures.server')
const { loadHolidaySet } = await import('../../app/calendar/non-working-days.server')
const { addCalendarDays, todayInBogota } = await import('../../app/calendar/business-days')
const { users } = await import('../../db/schema/auth')
const { pqrCausales } = await import('../../db/schema/pqr')
const { CASE_COLUMNS, createCaseGenerator } = await import('./pqr-cases-generator')
const { listQueue } = await import('../../app/pqr/queue.server')
const { QueueFiltersSchema } = await import('../../app/pqr/queue-filters')
const { countDashboard, dashboardWindow, listDashboardBucket } =
  await import('../../app/pqr/dashboard.server')
const { DASHBOARD_BUCKETS } = await import('../../app/pqr/dashboard')

try {
  await runMigrations(db)
  const world = await buildWorld()
  const loaded = await loadCases(world)
  console.log(
    `\n${total.toLocaleString('es-CO')} casos generados y cargados con COPY en ${(loaded.ms / 1000).toFixed(1)} s (${Math.round(total / (loaded.ms / 1000)).toLocaleString('es-CO')} filas/s)`,
  )
  const spread = await rows<{ state: string; n: number }>(
    db,
    sql`select state::text, count(*)::int as n from pqr_cases group by 1 order by 2 desc`,
  )
  console.log(`  estados: ${spread.map((s) => `${s.state} ${s.n.toLocaleString('es-CO')}`).join(', ')}`)
  await measure(world)
} finally {
  await closeDb()
  if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`)
  else console.log(`Base de datos conservada: ${name}`)
  await admin.end()
}

async function buildWorld() {
  const today = todayInBogota(new Date())
  const areas = []
  for (const [i, weight] of [30, 25, 15, 12, 10, 8].entries()) {
    const { areaId } = await insertArea(db, { band: 'above_2000', code: `B${i}` })
    const agents = await db
      .insert(users)
      .values(
        Array.from({ length: 10 }, (_, j) => ({
          email: `agente${i}-${j}@bench.test`,
          fullName: `Agente ${i}-${j}`,
          role: 'agent' as const,
          serviceAreaId: areaId,
        })),
      )
      .returning({ id: users.id })
    areas.push({ id: areaId, weight, agents: agents.map((a) => a.id) })
  }
  const causales = await db.select({ code: pqrCausales.code, scope: pqrCausales.scope }).from(pqrCausales)
  const days = 3 * 365
  const holidays = await loadHolidaySet(db, {
    from: addCalendarDays(today, -days - 10),
    to: addCalendarDays(today, 400),
  })
  return {
    today,
    days,
    holidays,
    areas,
    seed,
    causales: {
      billing: causales.filter((c) => c.scope === 'facturacion').map((c) => c.code),
      other: causales.filter((c) => c.scope !== 'facturacion').map((c) => c.code),
    },
  }
}

async function loadCases(world: Awaited<ReturnType<typeof buildWorld>>) {
  const started = performance.now()
  const gen = createCaseGenerator(world)
  const batch = 50_000
  await withBulkSession({ trusted: true }, async (session) => {
    for (let from = 0; from < total; from += batch) {
      const cases = []
      const tasks = []
      for (let i = from; i < Math.min(total, from + batch); i++) {
        const { row, task } = gen.caseRow(i, total)
        cases.push(row)
        if (task)
          tasks.push([
            task.caseId,
            'silencio_recognition',
            'open',
            `${addCalendarDays(task.dueOn, 4)}T00:00:00-05:00`,
            { dueOn: task.dueOn },
          ])
      }
      await copyRows('pqr_cases', CASE_COLUMNS, cases, session)
      await copyRows('pqr_tasks', ['case_id', 'kind', 'status', 'due_at', 'payload'], tasks, session)
      process.stdout.write(`\r  ${Math.min(total, from + batch).toLocaleString('es-CO')} casos`)
    }
  })
  // The steady state autovacuum keeps: statistics and the visibility map (index-only scans without heap fetches).
  await db.execute(sql`vacuum (analyze) pqr_cases`)
  await db.execute(sql`vacuum (analyze) pqr_tasks`)
  return { ms: performance.now() - started }
}

type Timing = { label: string; ms: number[] }

async function time(t: Timing, fn: () => Promise<unknown>) {
  const started = performance.now()
  await fn()
  t.ms.push(performance.now() - started)
}

async function measure(world: Awaited<ReturnType<typeof buildWorld>>) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!
  const agents = world.areas.flatMap((a) => a.agents)
  const types = ['peticion', 'reclamo', 'queja', 'solicitud_informacion']
  const states = [
    'radicada',
    'asignada',
    'en_tramite',
    'en_pruebas',
    'decidida',
    'citada',
    'notificada',
    'silencio_positivo',
  ]
  const channels = ['portal', 'presencial', 'telefonico', 'escrito']
  const queueVariants: [
    string,
    () => { filters: Record<string, string>; viewer: { id: string; serviceAreaId: string | null } },
  ][] = [
    [
      'todas, páginas 1 a 5',
      () => ({
        filters: { pagina: String(1 + Math.floor(Math.random() * 5)) },
        viewer: { id: pick(agents), serviceAreaId: null },
      }),
    ],
    ['mis casos', () => ({ filters: { mios: '1' }, viewer: { id: pick(agents), serviceAreaId: null } })],
    [
      'filtro de área',
      () => ({ filters: { area: pick(world.areas).id }, viewer: { id: pick(agents), serviceAreaId: null } }),
    ],
    [
      'líder de área',
      () => ({ filters: {}, viewer: { id: pick(agents), serviceAreaId: pick(world.areas).id } }),
    ],
    [
      'filtro de tipo',
      () => ({ filters: { tipo: pick(types) }, viewer: { id: pick(agents), serviceAreaId: null } }),
    ],
    [
      'filtro de estado',
      () => ({ filters: { estado: pick(states) }, viewer: { id: pick(agents), serviceAreaId: null } }),
    ],
    [
      'canal y tipo',
      () => ({
        filters: { canal: pick(channels), tipo: pick(types) },
        viewer: { id: pick(agents), serviceAreaId: null },
      }),
    ],
    [
      'un agente',
      () => ({ filters: { agente: pick(agents) }, viewer: { id: pick(agents), serviceAreaId: null } }),
    ],
    [
      'sin asignar',
      () => ({ filters: { agente: 'sin' }, viewer: { id: pick(agents), serviceAreaId: null } }),
    ],
    [
      'área y estado',
      () => ({
        filters: { area: pick(world.areas).id, estado: pick(states) },
        viewer: { id: pick(agents), serviceAreaId: null },
      }),
    ],
  ]
  const queue: Timing = { label: 'cola de agentes (listQueue, página con filtros)', ms: [] }
  const counts: Timing = { label: 'tablero: conteos de las 5 listas', ms: [] }
  const lists: Timing = { label: 'tablero: una lista (página de 25)', ms: [] }
  const page: Timing = { label: 'tablero: página completa (ventana, conteos, 5 listas)', ms: [] }
  const scopeOf = () => ({ areaId: Math.random() < 0.5 ? null : pick(world.areas).id })
  const w = await dashboardWindow(db)
  const byVariant = new Map(
    queueVariants.map(([label]) => [label, { label: `  cola: ${label}`, ms: [] as number[] }]),
  )
  for (let i = 0; i < 20; i++)
    await listQueue(db, QueueFiltersSchema.parse(queueVariants[i % queueVariants.length]![1]().filters), {
      id: pick(agents),
      serviceAreaId: null,
    })
  for (let i = 0; i < runs; i++) {
    const [label, variant] = queueVariants[i % queueVariants.length]!
    const v = variant()
    await time(queue, () => listQueue(db, QueueFiltersSchema.parse(v.filters), v.viewer))
    byVariant.get(label)!.ms.push(queue.ms.at(-1)!)
    await time(counts, () => countDashboard(db, w, scopeOf()))
    const bucket = DASHBOARD_BUCKETS[i % DASHBOARD_BUCKETS.length]!
    await time(lists, () =>
      listDashboardBucket(db, bucket, w, scopeOf(), {
        limit: 25,
        offset: 25 * Math.floor(Math.random() * 3),
      }),
    )
    if (i % 5 === 0) {
      await time(page, async () => {
        const win = await dashboardWindow(db)
        const scope = scopeOf()
        await countDashboard(db, win, scope)
        await Promise.all(
          DASHBOARD_BUCKETS.map((b) => listDashboardBucket(db, b, win, scope, { limit: 10, offset: 0 })),
        )
      })
    }
  }
  console.log(
    `\nTiempos con ${total.toLocaleString('es-CO')} casos (${runs} repeticiones por consulta; meta: p95 < 50 ms)`,
  )
  for (const t of [queue, ...byVariant.values(), counts, lists, page]) {
    const s = [...t.ms].sort((a, b) => a - b)
    const p = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1)
    const ok = Number(p(0.95)) < 50 ? 'cumple' : 'NO CUMPLE'
    console.log(
      `  ${t.label.padEnd(56)} p50 ${p(0.5).padStart(6)} ms  p95 ${p(0.95).padStart(6)} ms  p99 ${p(0.99).padStart(6)} ms  (${s.length})  ${ok}`,
    )
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
