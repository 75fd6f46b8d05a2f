/** The PQR catalogues as the filing forms offer them (active rows; recursos are filed against a decision instead). */
import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '~/db.server'
import { pqrCausales, pqrTypes } from '../../db/schema/pqr'

export type FilingType = { code: string; name: string; isBillingClaim: boolean }
export type FilingCausal = { code: string; name: string; groupName: string; scope: string }

export async function listFilingTypes(db: DbOrTx): Promise<FilingType[]> {
  return db
    .select({ code: pqrTypes.code, name: pqrTypes.name, isBillingClaim: pqrTypes.isBillingClaim })
    .from(pqrTypes)
    .where(and(eq(pqrTypes.active, true), eq(pqrTypes.isRecurso, false)))
    .orderBy(asc(pqrTypes.sortOrder))
}

export async function listCausales(db: DbOrTx): Promise<FilingCausal[]> {
  return db
    .select({ code: pqrCausales.code, name: pqrCausales.name, groupName: pqrCausales.groupName, scope: pqrCausales.scope })
    .from(pqrCausales)
    .where(eq(pqrCausales.active, true))
    .orderBy(asc(pqrCausales.groupName), asc(pqrCausales.code))
}

export async function filingCatalogue(db: DbOrTx) {
  const [types, causales] = await Promise.all([listFilingTypes(db), listCausales(db)])
  return { types, causales }
}
