/**
 * Hook for the billing engine: liquidates and issues the demo periods and posts payments through the engine itself
 * (issue 2: no second, simplified billing computation in the seed). This stub does nothing until that lands.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function seedBillingHistory(_db: PgDatabase<PgQueryResultHKT, any>, _opts: { now: Date; seed: number; log?: (message: string) => void }): Promise<void> {}
