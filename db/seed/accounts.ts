/**
 * Streams the demo accounts into the database in batches: each batch is generated, written with COPY (premises,
 * subscribers, accounts, meters, readings, in foreign-key order) and dropped, so memory stays flat at any size.
 */
import { buildAccountBundle, type SeedContext } from './builders/bundle'
import { copyRows, withBulkSession, type BulkSession, type CopyValue } from './copy'

export type SeedCounts = { premises: number; subscribers: number; accounts: number; meters: number; readings: number }
type Timings = Record<keyof SeedCounts | 'generate', number>

const COLUMNS = {
  premises: ['id', 'zone_id', 'cycle_id', 'address', 'address_parts', 'neighborhood', 'estrato', 'use_class', 'route_order', 'is_protected', 'protected_reason', 'units'],
  subscribers: ['id', 'document_type', 'document_number', 'check_digit', 'kind', 'full_name', 'email', 'phone', 'correspondence_address'],
  accounts: ['id', 'number', 'premise_id', 'subscriber_id', 'services', 'status', 'opened_on'],
  meters: ['id', 'account_id', 'serial', 'brand', 'diameter_in', 'dial_digits', 'installed_on', 'last_verified_on', 'next_verification_on', 'is_active'],
  readings: ['id', 'meter_id', 'account_id', 'period_id', 'value', 'read_on', 'reader_code', 'anomaly_code', 'source'],
} as const

type Batch = { [K in keyof typeof COLUMNS]: CopyValue[][] }

function buildBatch(ctx: SeedContext, from: number, to: number): Batch {
  const batch: Batch = { premises: [], subscribers: [], accounts: [], meters: [], readings: [] }
  for (let i = from; i < to; i++) {
    const { premise: p, subscriber: s, account: a, meter: m, readings } = buildAccountBundle(ctx, i)
    batch.premises.push([p.id, p.zoneId, p.cycleId, p.address, p.addressParts, p.neighborhood, p.estrato, p.useClass, p.routeOrder, p.isProtected, p.protectedReason, p.units])
    if (s) batch.subscribers.push([s.id, s.documentType, s.documentNumber, s.checkDigit, s.kind, s.fullName, s.email, s.phone, s.correspondenceAddress])
    batch.accounts.push([a.id, a.number, a.premiseId, a.subscriberId, a.services, a.status, a.openedOn])
    batch.meters.push([m.id, m.accountId, m.serial, m.brand, m.diameterIn, m.dialDigits, m.installedOn, m.lastVerifiedOn, m.nextVerificationOn, m.isActive])
    for (const r of readings) batch.readings.push([r.id, r.meterId, r.accountId, r.periodId, r.value, r.readOn, r.readerCode, r.anomalyCode, r.source])
  }
  return batch
}

async function writeBatch(session: BulkSession, batch: Batch, counts: SeedCounts, timings: Timings): Promise<void> {
  for (const table of ['premises', 'subscribers', 'accounts', 'meters', 'readings'] as const) {
    const t = performance.now()
    counts[table] += await copyRows(table, COLUMNS[table], batch[table], session)
    timings[table] += performance.now() - t
  }
}

export async function seedAccounts(
  ctx: SeedContext,
  opts: { accounts: number; batchSize?: number; trusted?: boolean; log?: (message: string) => void },
): Promise<SeedCounts> {
  return withBulkSession({ trusted: opts.trusted ?? false }, (session) => {
    if (session.skipsTriggers) opts.log?.('  carga masiva sin disparadores por fila (datos generados, base vacía)')
    return writeAll(ctx, opts, session)
  })
}

async function writeAll(
  ctx: SeedContext,
  opts: { accounts: number; batchSize?: number; log?: (message: string) => void },
  session: BulkSession,
): Promise<SeedCounts> {
  const counts: SeedCounts = { premises: 0, subscribers: 0, accounts: 0, meters: 0, readings: 0 }
  const size = opts.batchSize ?? 2000
  const timings: Timings = { generate: 0, premises: 0, subscribers: 0, accounts: 0, meters: 0, readings: 0 }
  let pending: Promise<void> | null = null
  for (let from = 0; from < opts.accounts; from += size) {
    const t = performance.now()
    const batch = buildBatch(ctx, from, Math.min(opts.accounts, from + size))
    timings.generate += performance.now() - t
    // Generating the next batch overlaps with the database writing the previous one.
    if (pending) await pending
    pending = writeBatch(session, batch, counts, timings)
    pending.catch(() => {}) // awaited on the next turn; this only stops an early unhandled-rejection report
    if ((from / size) % 10 === 9) opts.log?.(`  ${from + size} cuentas generadas`)
  }
  if (pending) await pending
  opts.log?.(`  tiempos (s): ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`)
  return counts
}
