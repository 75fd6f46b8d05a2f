/**
 * Splits items into `count` lanes that never share a key, each keeping the input order: lanes can run at once on
 * their own connections while every key's items stay in one lane, in order (a bank file's payments by account:
 * posted in file order, and two lanes never wait on each other's account locks). Keys are dealt round-robin by first
 * appearance; empty lanes are dropped.
 */
export function lanesByKey<T>(items: readonly T[], keyOf: (item: T) => string, count: number): T[][] {
  const lanes: T[][] = Array.from({ length: Math.max(1, count) }, () => [])
  const laneOf = new Map<string, number>()
  for (const item of items) {
    const key = keyOf(item)
    let lane = laneOf.get(key)
    if (lane === undefined) laneOf.set(key, (lane = laneOf.size % lanes.length))
    lanes[lane]!.push(item)
  }
  return lanes.filter((l) => l.length > 0)
}
