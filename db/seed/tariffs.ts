/**
 * Demo tariffs through the catalogue itself: for each service area, a version effective before the first demo
 * period (entered by the area leader, approved by the coordinator: 4-eyes) and a mid-year update (+5.2 %, roughly the
 * year's IPC) so invoices show a tariff change. Values: app/billing/tariffs/demo-values.ts.
 */
import { inArray } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Db } from '../../app/db.server'
import { approveTariffVersion } from '../../app/billing/tariffs/approve.server'
import { demoTariffValues } from '../../app/billing/tariffs/demo-values'
import { createTariffDraft } from '../../app/billing/tariffs/draft.server'
import type { ServiceArea } from '../schema/areas'
import { users } from '../schema/auth'
import { addMonths, bogotaDate, monthStart } from './dates'

const ENTERED_BY = 'lider.area@demo.ventanilla.test'
const APPROVED_BY = 'coordinador@demo.ventanilla.test'

export async function seedDemoTariffs(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  anyDb: PgDatabase<PgQueryResultHKT, any>,
  opts: { areas: ServiceArea[]; now: Date; log?: (message: string) => void },
): Promise<void> {
  const db = anyDb as unknown as Db
  const log = opts.log ?? (() => {})
  const found = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, [ENTERED_BY, APPROVED_BY]))
  const enteredBy = found.find((u) => u.email === ENTERED_BY)?.id
  const approvedBy = found.find((u) => u.email === APPROVED_BY)?.id
  if (!enteredBy || !approvedBy) {
    // Entered and approved by two real demo users (4-eyes): the seed must create them first.
    log('  Tarifas de demostración omitidas: aún no existen el líder de área y el coordinador de demostración.')
    return
  }
  const thisMonth = monthStart(bogotaDate(opts.now))
  const versions = [
    { from: addMonths(thisMonth, -14), scale: '1', act: 'Acuerdo Concejo Municipal 009 de 2025' },
    { from: addMonths(thisMonth, -5), scale: '1.052', act: 'Resolución de Gerencia 031 de 2026 (actualización por IPC)' },
  ]
  for (const area of opts.areas) {
    for (const v of versions) {
      const values = demoTariffValues(v.scale, v.act)
      const { versionId } = await createTariffDraft(db, {
        serviceAreaId: area.id,
        effectiveFrom: v.from,
        enteredBy,
        values,
        notes: `Tarifas de ${area.name}`,
        now: opts.now,
      })
      const approved = await approveTariffVersion(db, { versionId, approvedBy, approvalAct: v.act, now: opts.now })
      if (!approved.ok) throw approved.error
    }
    log(`  Tarifas aprobadas para ${area.name}: vigentes desde ${versions.map((v) => v.from).join(' y ')}`)
  }
}
