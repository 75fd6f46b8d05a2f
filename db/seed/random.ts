/**
 * Deterministic randomness for the demo data: a small seeded PRNG (sfc32 seeded through splitmix32) plus one shared
 * faker instance (es locale) re-seeded on first use by each Rng. An Rng made for (seed, stream) always yields the same
 * sequence, so account number i gets the same data whatever the batch size. Do not interleave two Rngs' faker calls.
 * The bulk builders draw names from faker's es word lists with the PRNG (`rng.firstName()`), because re-seeding
 * faker's Mersenne Twister for every account costs more than the rest of the account together.
 */
import { Faker, base, en, es } from '@faker-js/faker'

const sharedFaker = new Faker({ locale: [es, en, base] })

export type Rng = {
  next(): number // [0, 1)
  int(min: number, max: number): number // inclusive
  bool(p: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T
  normal(mean?: number, sd?: number): number
  uuid(): string
  /** A v4-shaped uuid whose first 48 bits are `order`: rows written in order land at the right edge of the index. */
  orderedUuid(order: number): string
  firstName(sex: 'female' | 'male'): string
  lastName(): string
  readonly faker: Faker
}

const FEMALE = es.person?.first_name?.female ?? ['María']
const MALE = es.person?.first_name?.male ?? ['José']
const LAST = es.person?.last_name?.generic ?? ['Gómez']

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex8(x: number): string {
  const w = Math.floor(x * 4294967296)
  return (HEX[w >>> 24] as string) + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255]
}

function pickFrom(next: () => number, items: readonly string[]): string {
  return items[Math.floor(next() * items.length)] as string
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0
    let z = a
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

export function createRng(seed: number, stream = 0): Rng {
  const init = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0)
  let a = init(), b = init(), c = init(), d = init()
  const next = () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  let fakerSeeded = false
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    bool: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted(pairs) {
      const total = pairs.reduce((s, [, w]) => s + w, 0)
      let r = next() * total
      for (const [value, w] of pairs) {
        r -= w
        if (r < 0) return value
      }
      return (pairs[pairs.length - 1] as readonly [never, number])[0]
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    uuid() {
      const hex = hex8(next()) + hex8(next()) + hex8(next()) + hex8(next())
      const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    },
    orderedUuid(order) {
      const head = order.toString(16).padStart(12, '0')
      const tail = hex8(next()) + hex8(next())
      const variant = ((parseInt(tail[3] as string, 16) & 0x3) | 0x8).toString(16)
      return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${tail.slice(0, 3)}-${variant}${tail.slice(4, 7)}-${tail.slice(7, 16)}${hex8(next()).slice(0, 3)}`
    },
    firstName: (sex) => pickFrom(next, sex === 'female' ? FEMALE : MALE),
    lastName: () => pickFrom(next, LAST),
    get faker() {
      if (!fakerSeeded) {
        sharedFaker.seed(Math.floor(next() * 2 ** 31))
        fakerSeeded = true
      }
      return sharedFaker
    },
  }
  return rng
}
