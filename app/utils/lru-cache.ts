/**
 * A small bounded least-recently-used cache (a Map keeps insertion order: a hit is moved to the end, the first key is
 * the oldest). For immutable values only: nothing here expires.
 */
export type LruCache<K, V> = { get(key: K): V | undefined; set(key: K, value: V): void; readonly size: number }

export function createLruCache<K, V>(maxEntries: number): LruCache<K, V> {
  const entries = new Map<K, V>()
  return {
    get(key) {
      const value = entries.get(key)
      if (value === undefined) return undefined
      entries.delete(key)
      entries.set(key, value)
      return value
    },
    set(key, value) {
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K)
    },
    get size() {
      return entries.size
    },
  }
}
