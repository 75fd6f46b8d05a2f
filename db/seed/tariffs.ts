/** Hook for the tariff catalogue: approved demo tariffs per service area. This stub does nothing until that lands. */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { ServiceArea } from '../schema/areas'

export async function seedDemoTariffs(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  _db: PgDatabase<PgQueryResultHKT, any>,
  _opts: { areas: ServiceArea[]; now: Date; log?: (message: string) => void },
): Promise<void> {}
