/**
 * Time-ordered ids for the rows a liquidation writes: UUID version 7 (RFC 9562 §5.7) — 48 bits of Unix
 * milliseconds, then a 42-bit counter (method 1 of §6.2, seeded at random each millisecond) and 32 random bits.
 * Ids made by one process only grow, so 100,000 invoices and a million ledger entries append at the right edge of
 * each primary-key index instead of splitting random pages (the liquidation benchmark, tests/bench/liquidation.ts).
 * PostgreSQL 15 has no uuidv7(), and the ids are needed in Node before the rows are written (lines point at entries).
 */
import { randomFillSync } from 'node:crypto'

const COUNTER_LIMIT = 2 ** 42
const pool = new Uint32Array(256)
let poolAt = pool.length
let lastMs = -1
let counter = 0
let prefix = '' // the time part of lastMs, formatted once per millisecond

function random32(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  return pool[poolAt++]!
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')

function setMs(ms: number): void {
  lastMs = ms
  const time = hex(ms, 12)
  prefix = `${time.slice(0, 8)}-${time.slice(8)}-`
}

/** A new UUIDv7, greater than every other one this process made before. */
export function orderedUuid(now: number = Date.now()): string {
  if (now > lastMs) {
    setMs(now)
    counter = random32() & 0x3fffffff // leaves 2^42 − 2^30 increments before the millisecond must be borrowed
  } else if (++counter >= COUNTER_LIMIT) {
    setMs(lastMs + 1) // counter exhausted (or the clock went back): borrow the next millisecond, still increasing
    counter = 0
  }
  const high = Math.floor(counter / 2 ** 30) // 12 bits → rand_a
  const low = counter % 2 ** 30 // 30 bits → after the variant
  return `${prefix}7${hex(high, 3)}-${hex(0x8000 | (low >>> 16), 4)}-${hex(low & 0xffff, 4)}${hex(random32(), 8)}`
}
